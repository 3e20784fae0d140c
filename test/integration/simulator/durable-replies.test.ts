import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAndApprove } from './dms-helpers.js';
import { startHost, SEED_PASSWORDS, latestCode, type Reply, type TestHost } from './harness.js';

// What survives a power cut is what an fsync covered. The simulator counts the committed changes
// no fsync has covered yet; when a reply arrives, that count must be 0 (the tests run one call at
// a time, so no other request writes meanwhile).
describe('durable security state: no reply before an fsync covers the writes it acknowledges', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(async () => host.close());

  const durable = (r: Reply, what: string): Reply => {
    expect(host.sim.unsyncedWrites(), what).toBe(0);
    return r;
  };

  it('a failure count, a used TOTP step, a consumed email code and a DMS decision', async () => {
    durable(
      await host.call('POST', '/auth/login', { userId: 'C00101', password: 'Wrong-Pass-000!' }),
      'failure count',
    );
    const login = durable(
      await host.call('POST', '/auth/login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 }),
      'challenge',
    );
    durable(
      await host.call('POST', '/auth/otp', {
        challengeId: login.body.challengeId,
        code: host.sim.currentTotp('C00101'),
      }),
      'used TOTP step',
    );
    const email = durable(
      await host.call('POST', '/auth/login', { userId: 'C00102', password: SEED_PASSWORDS.C00102 }),
      'email challenge',
    );
    durable(
      await host.call('POST', '/auth/otp', {
        challengeId: email.body.challengeId,
        code: await latestCode(host, 'C00102'),
      }),
      'consumed email code',
    );
    await makeAndApprove(host, { action: 'unlock', userId: 'C00104' });
    expect(host.sim.unsyncedWrites(), 'DMS decision').toBe(0);
  });
});
