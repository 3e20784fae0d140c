import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, SEED_PASSWORDS, signInTotp, latestCode, type TestHost } from './harness.js';
import { addUser, setEmail } from './dms-helpers.js';

describe('password policy: every violation, the DA minimum, and the last 5 passwords', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(async () => host.close());

  async function initToken(userId = 'C00103', password = SEED_PASSWORDS.C00103): Promise<string> {
    const r = await host.call('POST', '/auth/login', { userId, password });
    expect(r.body.next).toBe('init');
    return r.body.initToken as string;
  }
  async function violations(token: string, newPassword: string): Promise<string[]> {
    const r = await host.call('POST', '/init/password', { initToken: token, newPassword });
    expect([r.status, r.body.error.code]).toEqual([422, 'PASSWORD_POLICY']);
    return r.body.error.violations as string[];
  }

  it('names each broken rule', async () => {
    const token = await initToken();
    expect(await violations(token, 'Ab1!')).toEqual(['min_length']);
    expect(await violations(token, `Ab1!${'x'.repeat(61)}`)).toEqual(['max_length']);
    expect(await violations(token, '9081726354!@')).toEqual(['letter']);
    expect(await violations(token, 'Abcdefghij!@')).toEqual(['digit']);
    expect(await violations(token, 'Abcdefghij12')).toEqual(['symbol']);
    expect(await violations(token, 'my-C00103-pass!')).toEqual(['user_id']);
    expect(await violations(token, 'Password123!')).toEqual(['common']);
    expect(await violations(token, SEED_PASSWORDS.C00103 as string)).toEqual(['history']);
    expect(await violations(token, 'abc')).toEqual(['min_length', 'digit', 'symbol']);
    // 10 and 64 characters are both allowed.
    expect(
      (
        await host.call('POST', '/init/password', {
          initToken: token,
          newPassword: `Kowloon-8${'z'.repeat(55)}`,
        })
      ).status,
    ).toBe(200);
  });

  it('asks 16 characters of a DA, and sends the policy with the init reply', async () => {
    await addUser(host, {
      userId: 'C00193',
      participantId: 'CP001',
      name: 'New DA',
      roles: ['user', 'da'],
      password: 'Temp-Admin-Pass-193!',
      temporaryPassword: true,
      email: 'c00193@cp001.example',
    });
    const login = await host.call('POST', '/auth/login', {
      userId: 'C00193',
      password: 'Temp-Admin-Pass-193!',
    });
    expect(login.body.passwordPolicy).toMatchObject({
      minLength: 16,
      maxLength: 64,
      historyCount: 5,
      requireSymbol: true,
    });
    expect(await violations(login.body.initToken, 'Victoria-Pk-9!')).toEqual(['min_length']);
    const ok = await host.call('POST', '/init/password', {
      initToken: login.body.initToken,
      newPassword: 'Victoria-Peak-99!',
    });
    expect(ok.body).toEqual({ steps: ['channel'] });
  });

  // A DA pair resets `userId`'s password; the temporary password lands in the outbox.
  async function resetPassword(userId: string): Promise<void> {
    const makerToken = await signInTotp(host, 'C00191');
    const made = await host.call(
      'POST',
      '/dms/requests',
      { action: 'reset_password', userId },
      makerToken,
    );
    expect(made.status).toBe(200);
    const checkerToken = await signInTotp(host, 'C00192');
    const ok = await host.call(
      'POST',
      `/dms/requests/${made.body.request.id}/approve`,
      { code: host.sim.currentTotp('C00192') },
      checkerToken,
    );
    if (ok.status !== 200) throw new Error(ok.raw);
    host.clock.advance(30_000);
  }

  it('refuses any of the last 5 passwords and allows the 6th-last again', async () => {
    const seeded = SEED_PASSWORDS.C00101 as string;
    await setEmail(host, 'C00101', 'c00101@cp001.example');
    const chosen = [
      'Tsim-Sha-Tsui-1!',
      'Mong-Kok-Road-2!',
      'Wan-Chai-Gap-3!',
      'Sai-Kung-Pier-4!',
      'Tai-Po-Market-5!',
    ];
    for (let i = 0; i < chosen.length; i++) {
      await resetPassword('C00101');
      const token = await initToken('C00101', await latestCode(host, 'C00101'));
      // The seeded password stays among the last 5 until the 5th new one is set.
      expect(await violations(token, seeded)).toEqual(['history']);
      if (i > 0) expect(await violations(token, chosen[i - 1] as string)).toEqual(['history']);
      const set = await host.call('POST', '/init/password', {
        initToken: token,
        newPassword: chosen[i],
      });
      expect(set.body).toEqual({ steps: [] });
    }
    await resetPassword('C00101');
    const token = await initToken('C00101', await latestCode(host, 'C00101'));
    expect(await violations(token, chosen[0] as string)).toEqual(['history']);
    expect(
      (await host.call('POST', '/init/password', { initToken: token, newPassword: seeded })).body,
    ).toEqual({ steps: [] });
  });
});
