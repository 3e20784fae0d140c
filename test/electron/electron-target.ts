// Which Electron the suite drives, and whether it can here: (a) development, the `electron`
// package's binary running this checkout; (b) packaged, an installed CCMS Terminal named by
// CCMS_ELECTRON_EXECUTABLE. Where neither exists every Electron test is skipped, with the reason.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fuses from '@electron/fuses';
import fuseConstants from '@electron/fuses/dist/constants.js';

/** The repository root (the development app's folder). */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * How Playwright reaches the app. `playwright-electron` is `_electron.launch` (renderer and main
 * process); it needs Node's --inspect, which a packaged binary refuses when its
 * EnableNodeCliInspectArguments fuse is off (electron-builder.yml turns it off), so such a binary
 * is driven over Chromium's DevTools protocol instead (`cdp`): the window only, no main process.
 */
export type Driver = 'playwright-electron' | 'cdp';

/** The Electron executable under test. */
export interface ElectronTarget {
  kind: 'development' | 'packaged';
  executablePath: string;
  driver: Driver;
}

/** What the suite can do on this machine; `reason` is empty when `target` is set. */
export interface Availability {
  target: ElectronTarget | undefined;
  reason: string;
}

/** The skip reason where no Electron binary exists (this project's own machines). */
export const BINARY_NOT_AVAILABLE = 'Electron binary not available on this machine';

/**
 * The `electron` package's binary, found the way its index.js finds it, but never downloaded:
 * that index.js runs the download when the binary is missing, so it is not `require`d here.
 */
export function developmentBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pkg = join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override)
    return existsSync(join(override, rel || 'electron'))
      ? join(override, rel || 'electron')
      : undefined;
  if (!rel) return undefined;
  const binary = join(pkg, 'dist', rel);
  return existsSync(binary) ? binary : undefined;
}

/** How a packaged binary can be driven, read from its fuse wire. */
async function packagedDriver(executablePath: string): Promise<Driver> {
  try {
    const wire = await fuses.getCurrentFuseWire(executablePath);
    const inspect = wire[fuses.FuseV1Options.EnableNodeCliInspectArguments];
    return inspect === fuseConstants.FuseState.DISABLE ? 'cdp' : 'playwright-electron';
  } catch {
    // Unreadable (missing file): launching fails with the file's name, which says more.
    return 'cdp';
  }
}

/** Electron needs a display for its window; on Linux CI that is xvfb-run's. */
function displayMissing(env: NodeJS.ProcessEnv): boolean {
  return process.platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY'];
}

/** The target on this machine, or why there is none. */
export async function electronAvailability(
  env: NodeJS.ProcessEnv = process.env,
): Promise<Availability> {
  const installed = env['CCMS_ELECTRON_EXECUTABLE'];
  const target: ElectronTarget | undefined = installed
    ? { kind: 'packaged', executablePath: installed, driver: await packagedDriver(installed) }
    : devTarget(env);
  if (!target) return { target, reason: BINARY_NOT_AVAILABLE };
  if (displayMissing(env)) {
    return { target: undefined, reason: 'no display for the Electron window (run under xvfb-run)' };
  }
  return { target, reason: '' };
}

function devTarget(env: NodeJS.ProcessEnv): ElectronTarget | undefined {
  const binary = developmentBinary(env);
  if (!binary) return undefined;
  return { kind: 'development', executablePath: binary, driver: 'playwright-electron' };
}

/** A describe title that carries its skip reason, so the report says why. */
export function suiteTitle(title: string, reason: string): string {
  return reason ? `${title} (skipped: ${reason})` : title;
}

/**
 * Prints `skipped: Electron suite — <reason>` once per vitest run, however many test files skip:
 * each file runs in its own fork of the one vitest process, whose id names the marker.
 */
export function announceSkip(reason: string): void {
  const marker = join(tmpdir(), `ccms-electron-suite-skip-${process.ppid}`);
  try {
    writeFileSync(marker, reason, { flag: 'wx' });
  } catch {
    return; // another file of this run said it already
  }
  console.log(`skipped: Electron suite — ${reason}`);
}
