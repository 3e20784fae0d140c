import { describe, expect, it } from 'vitest';
import { SEED_PASSWORDS, signInTotp, startCore, simulatorForFile } from './harness.js';

// The real OS keychain: runs where `scripts/with-keyring.sh` provides one (as `npm test` does).
const haveKeyring = process.env['CCMS_IN_KEYRING_SESSION'] === '1';

const sim = simulatorForFile();

describe.runIf(haveKeyring)('core ↔ real OS keychain', () => {
  it('a sign-in remembers this workstation; forgetWorkstation removes it and the last user ID', async () => {
    await sim.sim.seed();
    sim.simClock.advance(30_000);
    const c = await startCore(sim);
    try {
      // Start from an empty vault whatever earlier runs left in this keyring.
      await c.ok('forgetWorkstation', {});
      await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
      const info = await c.ok('getAppInfo', {});
      expect(info.keychainAvailable).toBe(true);
      expect(info.settings.lastUserId).toBe('C00101');
      expect(await c.ok('forgetWorkstation', {})).toEqual({ removed: 1 });
      expect((await c.ok('getAppInfo', {})).settings.lastUserId).toBeUndefined();
      expect(await c.ok('forgetWorkstation', {})).toEqual({ removed: 0 });
    } finally {
      await c.close();
    }
  });

  it('a shared desk keeps nothing: no keychain entry, no last user ID', async () => {
    await sim.sim.seed();
    sim.simClock.advance(30_000);
    const c = await startCore(
      sim,
      {},
      { sharedDesk: true, logLevel: 'debug', extraCaCertificates: [] },
    );
    try {
      await c.ok('forgetWorkstation', {});
      await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
      const info = await c.ok('getAppInfo', {});
      expect(info.sharedDesk).toBe(true);
      expect(info.settings.lastUserId).toBeUndefined();
      expect(await c.ok('forgetWorkstation', {})).toEqual({ removed: 0 });
    } finally {
      await c.close();
    }
  });
});
