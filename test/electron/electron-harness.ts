// The Electron harness: launches the built app (development binary on this checkout, or an
// installed CCMS Terminal) with its own user data folder and machine policy file, and hands the
// tests its window as a Playwright Page, plus the main process where Playwright can reach it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import {
  _electron,
  chromium,
  type Browser,
  type ElectronApplication,
  type Page,
} from 'playwright-core';
import {
  announceSkip,
  BINARY_NOT_AVAILABLE,
  electronAvailability,
  REPO_ROOT,
  type ElectronTarget,
} from './electron-target.js';
import { smokeMachinePolicy, type SimulatorHost } from './smoke-policy.js';

/** Where screenshots are kept for people to look at (as test/e2e/harness.ts keeps them). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

const APP_ORIGIN = 'app://ccms/';
const LAUNCH_TIMEOUT_MS = 60_000;
const QUIT_TIMEOUT_MS = 20_000;

/** What a test file needs beyond an Electron binary. */
export interface SuiteNeeds {
  /** Signs in to a simulator the test starts (so the app must be pointed at it). */
  ownHost?: boolean;
  /** Talks to the main process (`electronApp.evaluate`). */
  mainProcess?: boolean;
}

/** A test file's target, or the reason it is skipped. */
export interface ElectronSuite {
  target: ElectronTarget | undefined;
  reason: string;
}

/** Decides, once per test file, whether and on what its Electron tests run. */
export async function electronSuite(needs: SuiteNeeds = {}): Promise<ElectronSuite> {
  const { target, reason } = await electronAvailability();
  if (!target) {
    if (reason === BINARY_NOT_AVAILABLE) announceSkip(reason);
    return { target, reason };
  }
  if (needs.ownHost && target.kind === 'packaged' && process.platform === 'win32') {
    return {
      target: undefined,
      reason:
        'a packaged app on Windows takes its hosts from the registry policy the install job writes; installed-app.test.ts signs in there',
    };
  }
  if (needs.mainProcess && target.driver === 'cdp') {
    return {
      target: undefined,
      reason:
        "the binary's EnableNodeCliInspectArguments fuse is off, so Playwright cannot reach its main process",
    };
  }
  return { target, reason: '' };
}

/** How to start one app. */
export interface LaunchOptions {
  /** The host it signs in to; none: the app starts with no host of ours (window checks). */
  host?: SimulatorHost;
}

/** A running app. */
export interface LaunchedApp {
  target: ElectronTarget;
  page: Page;
  /** The main process, with the Playwright Electron driver; undefined over CDP. */
  electronApp: ElectronApplication | undefined;
  userDataDir: string;
  /** Saves `test-results/screenshots/electron-<name>.png` and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes the window as the operator does, waits for the process to end: its exit code. */
  quit(): Promise<number | null>;
}

/** The environment the app sees: ours alone for CCMS_*, nothing that turns Electron into Node. */
function appEnvironment(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('CCMS_')) continue;
    if (key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Checks that `npm run test:electron` built what the development app loads. */
function assertDevelopmentBuild(): void {
  for (const file of [
    join('dist', 'electron', 'main.cjs'),
    join('dist', 'renderer', 'index.html'),
  ]) {
    if (!existsSync(join(REPO_ROOT, file))) {
      throw new Error(`${file} is missing: run \`npm run test:electron\`, which builds it first`);
    }
  }
}

/** Launches the app on `target` with a fresh user data folder and policy file. */
export async function launchApp(
  target: ElectronTarget,
  opts: LaunchOptions = {},
): Promise<LaunchedApp> {
  if (target.kind === 'development') assertDevelopmentBuild();
  if (!existsSync(target.executablePath))
    throw new Error(`${target.executablePath} does not exist`);
  const base = await mkdtemp(join(tmpdir(), 'ccms-electron-'));
  const userDataDir = join(base, 'user');
  await mkdir(userDataDir, { recursive: true });
  const policyFile = join(base, 'policy.json');
  const extra: Record<string, string> = { CCMS_POLICY_FILE: policyFile };
  if (opts.host && target.kind === 'development') {
    // electron/main.ts honours these only when not packaged.
    extra['CCMS_SIM_URL'] = opts.host.url;
    extra['CCMS_SIM_CA'] = opts.host.caCertPath;
  }
  if (opts.host && target.kind === 'packaged' && process.platform !== 'win32') {
    await writeFile(policyFile, JSON.stringify(smokeMachinePolicy(opts.host)));
  }
  // Electron keeps userData and the single-instance lock under this switch, and the app its logs
  // and session data too (electron/app-identity.ts).
  const args = [`--user-data-dir=${userDataDir}`];
  if (target.kind === 'development') args.push(REPO_ROOT);
  const env = appEnvironment(extra);
  const driven =
    target.driver === 'playwright-electron'
      ? await launchWithPlaywright(target, args, env)
      : await launchOverCdp(target, args, env);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    target,
    page: driven.page,
    electronApp: driven.electronApp,
    userDataDir,
    async screenshot(name) {
      const file = join(SCREENSHOT_DIR, `electron-${name}.png`);
      await driven.page.screenshot({ path: file });
      return file;
    },
    async quit() {
      const code = await driven.quit();
      // The app's logs outlive its throwaway profile: CI uploads test-results/ as an artifact.
      const logs = join(userDataDir, 'logs');
      if (existsSync(logs))
        await cp(logs, join(REPO_ROOT, 'test-results', 'electron-logs', basename(base)), {
          recursive: true,
        });
      await rm(base, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
      return code;
    },
  };
}

interface Driven {
  page: Page;
  electronApp: ElectronApplication | undefined;
  quit(): Promise<number | null>;
}

async function launchWithPlaywright(
  target: ElectronTarget,
  args: string[],
  env: Record<string, string>,
): Promise<Driven> {
  // executablePath always: without it Playwright `require`s electron/index.js, which downloads.
  const electronApp = await _electron.launch({
    executablePath: target.executablePath,
    args,
    env,
    cwd: REPO_ROOT,
    timeout: LAUNCH_TIMEOUT_MS,
  });
  const page = await electronApp.firstWindow({ timeout: LAUNCH_TIMEOUT_MS });
  const child = electronApp.process();
  return {
    page,
    electronApp,
    async quit() {
      // What the window's close button does; the app quits when its one window closes.
      await electronApp
        .evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
        .catch(() => undefined);
      const code = await exitCode(child, QUIT_TIMEOUT_MS);
      await electronApp.close().catch(() => undefined);
      return code;
    },
  };
}

async function launchOverCdp(
  target: ElectronTarget,
  args: string[],
  env: Record<string, string>,
): Promise<Driven> {
  // Chromium's own sandbox needs a setuid helper or user namespaces on Linux, as Playwright notes.
  const linux = process.platform === 'linux' ? ['--no-sandbox'] : [];
  const child = spawn(target.executablePath, ['--remote-debugging-port=0', ...linux, ...args], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.connectOverCDP(await devToolsEndpoint(child), {
      timeout: LAUNCH_TIMEOUT_MS,
    });
    const page = await appWindow(browser);
    const connected = browser;
    return {
      page,
      electronApp: undefined,
      async quit() {
        // Closes the window as its close button does (beforeunload runs, then the window goes).
        await page.close({ runBeforeUnload: true }).catch(() => undefined);
        const code = await exitCode(child, QUIT_TIMEOUT_MS);
        await connected.close().catch(() => undefined);
        return code;
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    child.kill();
    throw error;
  }
}

/** The DevTools WebSocket URL Chromium prints on stderr once it listens. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const stderr = child.stderr;
    if (!stderr) return reject(new Error('the app has no stderr to read'));
    const timer = setTimeout(
      () => reject(new Error('the app did not open its DevTools endpoint in time')),
      LAUNCH_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code}) before opening its DevTools endpoint`));
    });
    createInterface({ input: stderr }).on('line', (line) => {
      const match = /^DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
  });
}

/** The page showing app://ccms/, once the window has loaded it. */
async function appWindow(browser: Browser): Promise<Page> {
  const deadline = Date.now() + LAUNCH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const page = browser
      .contexts()
      .flatMap((context) => context.pages())
      .find((p) => p.url().startsWith(APP_ORIGIN));
    if (page) return page;
    await delay(200);
  }
  throw new Error(`no window showed ${APP_ORIGIN} in time`);
}

/** The process's exit code once it ends; killed (and null) when it does not end in time. */
async function exitCode(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  const ended = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
  const outcome = await Promise.race([ended, delay(timeoutMs).then(() => 'late' as const)]);
  if (outcome !== 'late') return outcome;
  child.kill();
  await Promise.race([ended, delay(timeoutMs)]);
  return null;
}
