// The policy the packaged-app tests and the Windows install job give the app, proven here without
// Electron: the registry values the job writes, decoded by the app's own registry reader from the
// bytes Windows stores, make the very policy of the JSON file; and a core started as a packaged
// app is started (no simulator handed in, hosts from the policy file alone) signs C00101 in over
// real HTTPS to the simulator it names.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MachinePolicy } from '../../electron/core/config/machine-policy.js';
import { fieldByValueName } from '../../electron/core/config/policy-fields.js';
import {
  registryDocument,
  type RegistryEntry,
} from '../../electron/core/config/registry-policy-source.js';
import { REG } from '../../electron/core/config/registry-values.js';
import { createCore } from '../../electron/core/index.js';
import { startSimulator, type RunningSimulator } from '../../simulator/index.js';
import { SEED_PASSWORDS } from '../e2e/harness.js';
import {
  smokeEnvironment,
  smokeMachinePolicy,
  smokeRegistryValues,
  type RegistryValue,
  type SimulatorHost,
} from './smoke-policy.js';

const HOST: SimulatorHost = {
  url: 'https://127.0.0.1:7443',
  caCertPath: 'C:\\ProgramData\\CCMS Terminal\\sim-ca.pem',
};

/** A value as Windows stores it (what native-reg hands the app): UTF-16LE, lists NUL-separated. */
function stored(v: RegistryValue): RegistryEntry {
  const text = Array.isArray(v.data) ? `${v.data.join('\0')}\0\0` : `${v.data}\0`;
  const type = v.type === 'REG_MULTI_SZ' ? REG.MULTI_SZ : REG.SZ;
  return { name: v.name, value: { type, data: Buffer.from(text, 'utf16le') } };
}

describe('smoke policy', () => {
  it('allows the simulator environment alone', () => {
    expect(smokeEnvironment()).toBe('simulator');
    expect(smokeMachinePolicy(HOST).allowedEnvironments).toEqual(['simulator']);
  });

  it('writes each registry value with the type Group Policy gives it', () => {
    for (const v of smokeRegistryValues(HOST)) {
      expect(fieldByValueName(v.name)?.meta.registryType, v.name).toBe(v.type);
    }
  });

  it('reads back from the registry values as the very policy of the JSON file', () => {
    const read = registryDocument(smokeRegistryValues(HOST).map(stored), {});
    expect(read).toMatchObject({ kind: 'ok', unknown: [] });
    if (read.kind !== 'ok') return;
    expect([...(read.rejected ?? new Map<string, string>())]).toEqual([]);
    expect(MachinePolicy.parse(read.raw)).toEqual(smokeMachinePolicy(HOST));
    expect(MachinePolicy.parse(smokeMachinePolicy(HOST))).toEqual(smokeMachinePolicy(HOST));
  });
});

describe('a core started as a packaged app, with the smoke policy file only', () => {
  let base: string;
  let sim: RunningSimulator;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'ccms-smoke-policy-'));
    sim = await startSimulator({ dataDir: join(base, 'sim'), port: 0 });
  });
  afterAll(async () => {
    await sim?.close();
    await rm(base, { recursive: true, force: true });
  });

  it('chooses the simulator, trusts its CA and signs C00101 in over HTTPS', async () => {
    const policyFile = join(base, 'policy.json');
    await writeFile(
      policyFile,
      JSON.stringify(smokeMachinePolicy({ url: sim.url, caCertPath: sim.caCertPath })),
    );
    const core = await createCore({
      mode: 'electron',
      appVersion: '0.0.0-smoke-policy',
      userDataDir: join(base, 'user'),
      machinePolicyPath: policyFile,
    });
    try {
      const info = await core.call('getAppInfo', {});
      expect(info).toMatchObject({
        ok: true,
        value: {
          allowedEnvironments: ['simulator'],
          settings: { environment: 'simulator' },
          configProblems: [],
        },
      });
      const login = await core.call('login', {
        userId: 'C00101',
        password: SEED_PASSWORDS['C00101'],
      });
      expect(login).toMatchObject({ ok: true, value: { step: 'otp', channel: 'totp' } });
      const otp = await core.call('submitOtp', { code: sim.currentTotp('C00101') });
      expect(otp).toMatchObject({
        ok: true,
        value: { step: 'signedIn', environment: 'simulator' },
      });
      expect(await core.call('logout', {})).toMatchObject({
        ok: true,
        value: { step: 'signedOut' },
      });
    } finally {
      await core.dispose();
    }
  });
});
