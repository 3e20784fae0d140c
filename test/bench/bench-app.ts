// Browser mode (scripts/web-server.ts) as the e2e harness starts it (test/e2e/harness.ts): the
// embedded simulator, the real core and the loopback bridge, but on a data folder seeded with as
// many bench users as the bench will sign in (each TOTP user signs in once per 30 s step).
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserMode, type BrowserMode } from '../../scripts/web-server.js';
import type { RunningSimulator } from '../../simulator/index.js';
import { seedBenchUsers, type BenchUser } from './bench-users.js';

const root = resolve(import.meta.dirname, '../..');

/** A running browser-mode app on seeded data. */
export interface BenchApp {
  mode: BrowserMode;
  sim: RunningSimulator;
  users: BenchUser[];
  /** The bridge's WebSocket URL (token included), as the renderer derives it from `mode.url`. */
  bridgeUrl: string;
  close(): Promise<void>;
}

/**
 * Seeds `userCount` bench users, then starts the simulator, the core and the bridge on them,
 * serving the built renderer from `rendererDir` (default dist/renderer).
 */
export async function startBenchApp(
  userCount: number,
  rendererDir = join(root, 'dist', 'renderer'),
): Promise<BenchApp> {
  const base = await mkdtemp(join(tmpdir(), 'ccms-bench-app-'));
  const userDataDir = join(base, 'user');
  await mkdir(userDataDir, { recursive: true });
  const simDir = join(base, 'sim');
  const users = await seedBenchUsers(simDir, userCount);
  const mode = await startBrowserMode({
    port: 0,
    rendererDir,
    userDataDir,
    simulator: { dataDir: simDir, port: 0 },
    machinePolicyPath: join(base, 'no-policy.json'),
    appVersion: '0.0.0-bench',
  });
  const sim = mode.sim;
  if (!sim) throw new Error('browser mode started without its simulator');
  const token = new URLSearchParams(new URL(mode.url).hash.slice(1)).get('token') ?? '';
  return {
    mode,
    sim,
    users,
    bridgeUrl: `${mode.origin.replace(/^http/, 'ws')}/bridge?token=${encodeURIComponent(token)}`,
    async close() {
      await mode.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}
