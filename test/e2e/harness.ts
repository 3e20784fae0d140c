// The e2e harness: a fresh simulator and core in browser mode, driven by Debian's chromium
// through playwright-core. Each app gets its own data folders, ports and browser.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from '../../scripts/web-server.js';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../simulator/index.js';
import { openOffline } from '../../simulator/offline.js';
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
  /** How often the core probes the host (default: the core's minute). */
  hostProbe?: { everyMs?: number; firstBackoffMs?: number; maxBackoffMs?: number };
}

/** A running app with its page. */
export interface TestApp {
  page: Page;
  url: string;
  /** The simulator now running (a new one after `restartHost`). */
  readonly sim: RunningSimulator;
  mode: BrowserMode;
  /** Stops the host as an outage would (the port goes silent: connections refused). */
  stopHost(): Promise<void>;
  /**
   * Starts the host again on the same port with the same data and certificates; with
   * `forgetSessions`, as a host that lost its sessions while down (every token now unknown).
   */
  restartHost(opts?: { forgetSessions?: boolean }): Promise<void>;
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
    ...(opts.hostProbe && { hostProbe: opts.hostProbe }),
    // Its own name in the keychain: test files running at once share one keyring session.
    workstationName: `e2e-${basename(base)}`,
  });
  const first = mode.sim;
  if (!first) throw new Error('browser mode started without its simulator');
  let sim: RunningSimulator = first;
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
    get sim() {
      return sim;
    },
    mode,
    async stopHost() {
      await sim.close();
    },
    async restartHost(restart = {}) {
      if (restart.forgetSessions) {
        const off = openOffline(join(base, 'sim'));
        try {
          off.db.prepare('DELETE FROM sessions').run();
        } finally {
          off.close();
        }
      }
      sim = await startSimulator({
        dataDir: join(base, 'sim'),
        port: Number(new URL(sim.url).port),
        seedIfEmpty: false,
        ...(opts.simSettings ? { settings: opts.simSettings } : {}),
        ...(opts.simClock ? { clock: opts.simClock } : {}),
      });
    },
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
      await sim.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}
