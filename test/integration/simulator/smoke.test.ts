import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HealthReply,
  LoginReply,
  SessionReply,
  TerminalSummary,
} from '../../../shared/protocol.js';
import { startHost, signInTotp, SEED_PASSWORDS, latestCode, type TestHost } from './harness.js';

describe('simulator over real HTTPS: the seeded paths', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(async () => host.close());

  it('answers /health as the simulator environment with the host clock', async () => {
    const r = await host.call('GET', '/health');
    expect(r.status).toBe(200);
    const health = HealthReply.parse(r.body);
    expect(health.environment).toBe('simulator');
    expect(health.serverTime).toBe(new Date(host.clock.now()).toISOString());
  });

  it('signs C00101 in with password and TOTP and serves the CP001 summary', async () => {
    const token = await signInTotp(host, 'C00101');
    const s = await host.call('GET', '/session', undefined, token);
    expect(SessionReply.parse(s.body).session.user).toEqual({
      userId: 'C00101',
      participantId: 'CP001',
      name: 'Chan Tai Man',
      roles: ['user'],
    });
    const sum = await host.call('GET', '/terminal/summary', undefined, token);
    expect(sum.status).toBe(200);
    const summary = TerminalSummary.parse(sum.body);
    expect(summary.participant.participantId).toBe('CP001');
    expect(summary.collateral.map((c) => c.currency)).toEqual(['HKD', 'CNY', 'USD']);
    for (const c of summary.collateral) expect(c.excess).toBe(c.deposited - c.required);
    expect(
      summary.notices.every((n) => typeof n.titleZh === 'string' && n.titleZh.length > 0),
    ).toBe(true);
  });

  it('signs C00102 in with an emailed code, the mail naming user, code and expiry in both languages', async () => {
    const login = await host.call('POST', '/auth/login', {
      userId: 'C00102',
      password: SEED_PASSWORDS.C00102,
    });
    const reply = LoginReply.parse(login.body);
    if (reply.next !== 'otp') throw new Error('expected otp');
    expect(reply).toMatchObject({ channel: 'email', maskedEmail: 'c***2@cp001.example' });
    const [mail] = await host.sim.outbox('C00102');
    expect(mail?.to).toBe('c00102@cp001.example');
    expect(mail?.text).toContain('User ID: C00102');
    expect(mail?.text).toContain('用戶編號：C00102');
    expect(mail?.text).toContain(`驗證碼：${mail?.code}`);
    expect(mail?.text).toContain(
      `${(reply.codeExpiresAt ?? '').slice(0, 16).replace('T', ' ')} UTC`,
    );
    const otp = await host.call('POST', '/auth/otp', {
      challengeId: reply.challengeId,
      code: await latestCode(host, 'C00102'),
    });
    expect(otp.status).toBe(200);
    expect(SessionReply.parse(otp.body).session.user.userId).toBe('C00102');
  });

  it('sends C00103 to initialization, C00104 is locked, C00105 suspended', async () => {
    const init = await host.call('POST', '/auth/login', {
      userId: 'C00103',
      password: SEED_PASSWORDS.C00103,
    });
    expect(init.body).toMatchObject({ next: 'init', steps: ['password', 'channel'] });
    const locked = await host.call('POST', '/auth/login', {
      userId: 'C00104',
      password: SEED_PASSWORDS.C00104,
    });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    const suspended = await host.call('POST', '/auth/login', {
      userId: 'C00105',
      password: SEED_PASSWORDS.C00105,
    });
    expect(suspended.status).toBe(403);
    expect(suspended.body.error.code).toBe('ACCOUNT_SUSPENDED');
  });

  it('serves openapi.json generated from the shared schemas', async () => {
    const r = await host.call('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/auth/login',
        '/auth/otp',
        '/init/channel/confirm',
        '/dms/requests/{id}/approve',
        '/terminal/summary',
      ]),
    );
    expect(
      r.body.paths['/auth/login'].post.requestBody.content['application/json'].schema
        .additionalProperties,
    ).toBe(false);
  });
});
