// The e2e app with a machine policy file: like `startApp` (harness.ts), whose policy file never
// exists, but with the given policy written first (a proxy, say). Fresh simulator, core, browser.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserMode } from '../../scripts/web-server.js';
import {
  SCREENSHOT_DIR,
  SEED_PASSWORDS,
  launchChromium,
  type AppOptions,
  type TestApp,
} from './harness.js';

const root = resolve(import.meta.dirname, '../..');

/** Starts the app with `policy` as its machine policy file. */
export async function startAppWithPolicy(
  policy: Record<string, unknown>,
  opts: AppOptions = {},
): Promise<TestApp> {
  const base = await mkdtemp(join(tmpdir(), 'ccms-e2e-policy-'));
  const userDataDir = join(base, 'user');
  await mkdir(userDataDir, { recursive: true });
  const policyPath = join(base, 'policy.json');
  await writeFile(policyPath, JSON.stringify(policy));
  const mode = await startBrowserMode({
    port: 0,
    rendererDir: join(root, 'dist', 'renderer'),
    userDataDir,
    simulator: {
      dataDir: join(base, 'sim'),
      port: 0,
      ...(opts.simSettings ? { settings: opts.simSettings } : {}),
      ...(opts.simClock ? { clock: opts.simClock } : {}),
    },
    machinePolicyPath: policyPath,
    appVersion: '0.0.0-e2e',
  });
  const sim = mode.sim;
  if (!sim) throw new Error('browser mode started without its simulator');
  if (opts.language) {
    const result = await mode.core.call('updateSettings', { language: opts.language });
    if (!result.ok) throw new Error(`could not set the language: ${result.error.message}`);
  }
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: opts.language ?? 'en',
  });
  const page = await context.newPage();
  await page.goto(mode.url);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const used = new Map<string, number>();
  const totp = (userId: string): string => {
    const n = used.get(userId) ?? 0;
    used.set(userId, n + 1);
    return sim.currentTotp(userId, n);
  };
  return {
    page,
    url: mode.url,
    sim,
    mode,
    userDataDir,
    totp,
    async screenshot(name) {
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    async signIn(userId) {
      const password = SEED_PASSWORDS[userId];
      if (!password) throw new Error(`no seeded password for ${userId}`);
      await page.getByLabel('User ID', { exact: true }).fill(userId);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('One-time password', { exact: true }).fill(totp(userId));
      await page.getByRole('button', { name: 'Sign out' }).first().waitFor();
    },
    async close() {
      await browser.close().catch(() => undefined);
      await mode.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}
