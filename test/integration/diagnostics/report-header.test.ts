// The top of the connectivity report, as the core writes it for the DCASS Hotline: terminal
// version, runtimes, OS, environment, who is signed in (after a real password + TOTP sign-in
// against the simulator), local and UTC time, and the machine policy in force with its source.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SEED_PASSWORDS,
  signInTotp,
  startCore,
  startSim,
  type SimHandle,
} from '../core/harness.js';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());

describe('connectivity report header', () => {
  it('names terminal, OS, environment, user and participant, times and the policy in force', async () => {
    await sim.sim.seed();
    sim.simClock.advance(30_000);
    const c = await startCore(
      sim,
      { versions: { node: process.versions.node, electron: '45.3.4', chrome: '142.0.7444.52' } },
      { logLevel: 'debug', allowedEnvironments: ['simulator', 'connectivity-test'] },
    );
    try {
      const before = await c.ok('runDiagnostics', {});
      expect(before.text).toContain('\nUser: not signed in\n');

      await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
      const { text } = await c.ok('runDiagnostics', {});
      const at = new Date(c.clock.now());
      const utc = `${at.getUTCDate()} ${at.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${at.getUTCFullYear()}`;
      expect(text).toContain('\nTerminal version: 0.0.0-test (browser mode)\n');
      expect(text).toContain('\nElectron: 45.3.4\nChromium: 142.0.7444.52\n');
      expect(text).toMatch(new RegExp(`\\nOS: .* \\(${process.platform} ${process.arch}\\)\\n`));
      expect(text).toContain('\nEnvironment checked: simulator\n');
      expect(text).toContain('\nUser: C00101 (participant CP001)\n');
      expect(text).toMatch(/\nLocal time: \d{1,2} \w{3} \d{4} \d\d:\d\d .*\n/);
      expect(text).toMatch(new RegExp(`\\nUTC: ${utc} \\d\\d:\\d\\d UTC\\n`));
      expect(text).toContain(
        [
          'Machine policy in force:',
          `    source: ${join(c.userDataDir, 'policy.json')} (ok)`,
          '    allowedEnvironments: simulator, connectivity-test',
          '    logLevel: debug',
        ].join('\n'),
      );
    } finally {
      await c.close();
    }
  });
});
