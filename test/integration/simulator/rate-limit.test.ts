import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, SEED_PASSWORDS, type TestHost } from './harness.js';

// The default limit: 30 failed sign-ins per client address per 60 s.
const LIMIT = 30;

describe('per-address failure limit: at most 30 password checks per address per minute, whatever the concurrency', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  it('checks at most 30 passwords when 150 bad logins arrive at once from one address; the rest are RATE_LIMITED', async () => {
    const before = host.sim.passwordVerifies();
    const replies = await Promise.all(
      Array.from({ length: 150 }, (_v, i) =>
        host.call('POST', '/auth/login', { userId: `X${i}`, password: 'Wrong-Pass-000!' }),
      ),
    );
    const checked = host.sim.passwordVerifies() - before;
    const statuses = replies.map((r) => r.status);
    expect(checked).toBeLessThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(150 - LIMIT);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const limited = replies.find((r) => r.status === 429);
    expect(limited?.body.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited?.body.error.retryAfterSec).toBeGreaterThan(0);
  });

  it('answers a locked account without checking its password, and counts those attempts against the address', async () => {
    const before = host.sim.passwordVerifies();
    const codes: string[] = [];
    for (let i = 0; i < LIMIT + 5; i++) {
      const r = await host.call('POST', '/auth/login', {
        userId: 'C00104',
        password: SEED_PASSWORDS.C00104,
      });
      codes.push(r.body.error.code as string);
    }
    expect(host.sim.passwordVerifies() - before).toBe(0);
    expect(codes.slice(0, LIMIT).every((c) => c === 'ACCOUNT_LOCKED')).toBe(true);
    expect(codes.slice(LIMIT)).toEqual(Array(5).fill('RATE_LIMITED'));
  });

  it('frees the address once the window has passed, and a right password still signs in', async () => {
    for (let i = 0; i < LIMIT; i++)
      await host.call('POST', '/auth/login', { userId: `Y${i}`, password: 'Wrong-Pass-000!' });
    const refused = await host.call('POST', '/auth/login', {
      userId: 'C00101',
      password: SEED_PASSWORDS.C00101,
    });
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    host.clock.advance(Number(refused.body.error.retryAfterSec) * 1000);
    const ok = await host.call('POST', '/auth/login', {
      userId: 'C00101',
      password: SEED_PASSWORDS.C00101,
    });
    expect([ok.status, ok.body.next]).toEqual([200, 'otp']);
  });
});
