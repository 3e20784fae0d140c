// The CCMS host the Electron suite signs in to: a simulator of its own (port 0, a temporary data
// folder, as test/e2e/harness.ts starts one), or one the Windows install job started outside the
// test and named in the registry policy (CCMS_SMOKE_SIM_URL, _CA, _DATA).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type SimulatorOptions } from '../../simulator/index.js';
import { openOffline } from '../../simulator/offline.js';
import { currentTotpOf } from '../../simulator/phone.js';
import type { SimulatorHost } from './smoke-policy.js';

/** A simulator for one test file, playing the seeded users' phones too. */
export interface TestSimulator extends SimulatorHost {
  /** True when the simulator runs outside this test (its settings are not ours to choose). */
  external: boolean;
  /**
   * The user's current TOTP. A second call for the same user gives the next step's code: the host
   * accepts a step only once, and one step either side (totpWindowSteps in simulator/settings.ts),
   * as test/e2e/harness.ts counts them.
   */
  totp(userId: string): string;
  close(): Promise<void>;
}

/** A per-user counter of codes handed out, turning "now" into the next unused step. */
function stepCounter(code: (userId: string, offsetSteps: number) => string) {
  const used = new Map<string, number>();
  return (userId: string): string => {
    const n = used.get(userId) ?? 0;
    used.set(userId, n + 1);
    return code(userId, n);
  };
}

/** Starts a fresh, seeded simulator on 127.0.0.1:0 with its own data folder. */
export async function startTestSimulator(
  settings?: SimulatorOptions['settings'],
): Promise<TestSimulator> {
  const dir = await mkdtemp(join(tmpdir(), 'ccms-electron-sim-'));
  const sim = await startSimulator({ dataDir: dir, port: 0, ...(settings ? { settings } : {}) });
  return {
    url: sim.url,
    caCertPath: sim.caCertPath,
    external: false,
    totp: stepCounter((userId, n) => sim.currentTotp(userId, n)),
    async close() {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The simulator the CI job started, from CCMS_SMOKE_SIM_URL and CCMS_SMOKE_SIM_CA; undefined when
 * CCMS_SMOKE_SIM_URL is not set. CCMS_SMOKE_SIM_DATA (its data folder) lets the test read the
 * users' TOTP from the simulator's database, as `npm run sim -- otp` does.
 */
export function externalSimulator(env: NodeJS.ProcessEnv = process.env): TestSimulator | undefined {
  const url = env['CCMS_SMOKE_SIM_URL'];
  if (!url) return undefined;
  const caCertPath = env['CCMS_SMOKE_SIM_CA'];
  if (!caCertPath || !existsSync(caCertPath)) {
    throw new Error(
      'CCMS_SMOKE_SIM_URL is set: CCMS_SMOKE_SIM_CA must name its CA certificate file',
    );
  }
  const dataDir = env['CCMS_SMOKE_SIM_DATA'];
  const code = (userId: string, n: number): string => {
    if (!dataDir) {
      throw new Error(
        `CCMS_SMOKE_SIM_DATA must name the simulator's data folder to sign ${userId} in`,
      );
    }
    const off = openOffline(dataDir);
    try {
      return currentTotpOf(off.db, off.box, userId, Date.now(), n);
    } finally {
      off.close();
    }
  };
  return { url, caCertPath, external: true, totp: stepCounter(code), close: async () => {} };
}
