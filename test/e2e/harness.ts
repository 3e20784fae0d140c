// The e2e harness: a fresh simulator and core in browser mode, driven by Debian's chromium
// through playwright-core. Each app gets its own data folders, ports and browser.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from '../../scripts/web-server.js';
import type { RunningSimulator, SimulatorOptions } from '../../simulator/index.js';
import { SEED_PASSWORDS } from '../../simulator/store/seed.js';

const root = resolve(import.meta.dirname, '../..');
/** Where screenshots are kept for people to look at. */
export const SCREENSHOT_DIR = join(root, 'test-results', 'screenshots');

/** The seed users' demo passwords (simulator/store/seed.ts), never real ones. */
export { SEED_PASSWORDS };

/** Chromium flags for this closed network (docs/architecture.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches Debian's chromium headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CCMS_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** What a test asks of its app. */
export interface AppOptions {
  /** The language saved in the user's settings (as if chosen in Settings); none: not chosen. */
  language?: 'en' | 'zh-HK';
  /** The browser's (the OS's) locale; default: `language`, else `en`. */
  locale?: string;
  simSettings?: SimulatorOptions['settings'];
  simClock?: SimulatorOptions['clock'];
  /** The machine policy file's content (a proxy, say); none: the policy file never exists. */
  policy?: Record<string, unknown>;
}

/** A running app with its page. */
export interface TestApp {
  page: Page;
  url: string;
  sim: RunningSimulator;
  mode: BrowserMode;
  userDataDir: string;
  /** Saves `test-results/screenshots/<name>.png`. */
  screenshot(name: string): Promise<void>;
  /** The user's current TOTP; a second call for the same user within a run gives the next step's code (a step is never accepted twice). */
  totp(userId: string): string;
  /** Password + TOTP sign-in through the UI, ending on the signed-in shell. */
  signIn(userId: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts a fresh simulator, core and browser (`opts.policy` as its machine policy), and opens the app. */
export async function startApp(opts: AppOptions = {}): Promise<TestApp> {
  const base = await mkdtemp(join(tmpdir(), 'ccms-e2e-'));
  const userDataDir = join(base, 'user');
  await mkdir(userDataDir, { recursive: true });
  const machinePolicyPath = join(base, opts.policy ? 'policy.json' : 'no-policy.json');
  if (opts.policy) await writeFile(machinePolicyPath, JSON.stringify(opts.policy));
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
    machinePolicyPath,
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
    locale: opts.locale ?? opts.language ?? 'en',
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
