import { describe, expect, it } from 'vitest';
import { authenticator } from 'otplib';
import {
  advance,
  SEED_PASSWORDS,
  signInTotp,
  simulatorForFile,
  reseedEachTest,
  coreForEachTest,
} from './harness.js';

const sim = simulatorForFile();
// A TOTP step is accepted once per user: each test starts in a fresh 30-second step.
reseedEachTest(sim);
const c = coreForEachTest(sim);

describe('core ↔ simulator: sign-in through the bridge', () => {
  it('password + TOTP signs C00101 in, and the renderer view holds no secret', async () => {
    const state = await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    expect(state).toMatchObject({
      step: 'signedIn',
      environment: 'simulator',
      user: { userId: 'C00101', participantId: 'CP001' },
    });
    const seen = JSON.stringify(c.events);
    expect(seen).not.toMatch(/challengeId|initToken|"token"/);
    expect(
      c.events
        .filter((e) => e.name === 'authState')
        .map((e) => (e.payload as { step: string }).step),
    ).toEqual(['otp', 'signedIn']);
    const info = await c.ok('getAppInfo', {});
    expect(info.settings.lastUserId).toBe('C00101');
  });

  it('a wrong password is INVALID_CREDENTIALS and the state stays signedOut', async () => {
    const err = await c.fail('login', { userId: 'C00101', password: 'wrong-password-1!' });
    expect(err.code).toBe('INVALID_CREDENTIALS');
    expect(await c.ok('getAuthState', {})).toEqual({ step: 'signedOut' });
  });

  it('a wrong code leaves the otp state with attemptsLeft', async () => {
    await c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
    const good = sim.sim.currentTotp('C00101');
    const wrong = good === '000000' ? '111111' : '000000';
    const err = await c.fail('submitOtp', { code: wrong });
    expect(err).toMatchObject({ code: 'OTP_INVALID', attemptsLeft: 4 });
    expect(await c.ok('getAuthState', {})).toMatchObject({ step: 'otp', attemptsLeft: 4 });
    expect(await c.ok('submitOtp', { code: good })).toMatchObject({ step: 'signedIn' });
  });

  it('wrong codes until the host locks the account return to signedOut with ACCOUNT_LOCKED', async () => {
    await c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
    const good = sim.sim.currentTotp('C00101');
    const wrong = good === '000000' ? '111111' : '000000';
    const codes: string[] = [];
    for (let i = 0; i < 6 && codes.at(-1) !== 'ACCOUNT_LOCKED'; i++)
      codes.push((await c.fail('submitOtp', { code: wrong })).code);
    expect(codes.at(-1)).toBe('ACCOUNT_LOCKED');
    expect(codes.slice(0, -1).every((code) => code === 'OTP_INVALID')).toBe(true);
    const after = await c.ok('getAuthState', {});
    expect(after).toMatchObject({ step: 'signedOut', reason: 'accountLocked' });
    // The host's lock end travels with the reason, so the login can say until when.
    expect(Date.parse((after as { lockedUntil?: string }).lockedUntil ?? '')).toBeGreaterThan(
      sim.simClock.now(),
    );
  });

  it('init email: a resend after the cooldown mails a new code that confirms', async () => {
    await c.ok('login', { userId: 'C00103', password: SEED_PASSWORDS.C00103 });
    await c.ok('initSetPassword', { newPassword: 'Fresh-Pass-2026-z!' });
    await c.ok('initChooseChannel', { channel: 'email' });
    advance(sim, c, 31_000);
    expect(await c.ok('initResendEmail', {})).toMatchObject({
      step: 'init',
      channelSetup: { channel: 'email' },
    });
    const mails = await sim.sim.outbox('C00103');
    expect(mails.length).toBeGreaterThanOrEqual(2);
    expect(await c.ok('initConfirm', { code: mails[0]!.code! })).toMatchObject({
      step: 'signedIn',
    });
  });

  it('a locked and a suspended account get their codes', async () => {
    expect(
      (await c.fail('login', { userId: 'C00104', password: SEED_PASSWORDS.C00104 })).code,
    ).toBe('ACCOUNT_LOCKED');
    expect(
      (await c.fail('login', { userId: 'C00105', password: SEED_PASSWORDS.C00105 })).code,
    ).toBe('ACCOUNT_SUSPENDED');
  });

  it('email OTP: the code from the outbox signs C00102 in; a resend waits for the cooldown', async () => {
    const otp = await c.ok('login', { userId: 'C00102', password: SEED_PASSWORDS.C00102 });
    expect(otp).toMatchObject({
      step: 'otp',
      channel: 'email',
      maskedEmail: expect.stringContaining('@'),
    });
    expect((await c.fail('resendOtp', {})).code).toBe('RESEND_TOO_SOON');
    advance(sim, c, 31_000);
    const resent = await c.ok('resendOtp', {});
    expect(resent).toMatchObject({ step: 'otp', channel: 'email' });
    const [mail] = await sim.sim.outbox('C00102');
    expect(mail?.code).toMatch(/^\d{6}$/);
    expect(await c.ok('submitOtp', { code: mail!.code! })).toMatchObject({
      step: 'signedIn',
      user: { userId: 'C00102' },
    });
  });

  it('a pending challenge that expires returns to signedOut(challengeExpired)', async () => {
    await c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
    advance(sim, c, 10 * 60_000 + 2_000);
    expect(await c.ok('getAuthState', {})).toEqual({
      step: 'signedOut',
      reason: 'challengeExpired',
    });
  });

  it('cancelLogin returns to signedOut', async () => {
    await c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
    expect(await c.ok('cancelLogin', {})).toEqual({ step: 'signedOut' });
  });

  it('init flow: C00103 sets a password, chooses email, confirms with the mailed code', async () => {
    const init = await c.ok('login', { userId: 'C00103', password: SEED_PASSWORDS.C00103 });
    expect(init).toMatchObject({ step: 'init', userId: 'C00103', steps: ['password', 'channel'] });
    const weak = await c.fail('initSetPassword', { newPassword: 'short' });
    expect(weak.code).toBe('PASSWORD_POLICY');
    expect(await c.ok('initSetPassword', { newPassword: 'Fresh-Pass-2026-x!' })).toMatchObject({
      step: 'init',
      steps: ['channel'],
    });
    const chosen = await c.ok('initChooseChannel', { channel: 'email' });
    expect(chosen).toMatchObject({ channelSetup: { channel: 'email' } });
    const [mail] = await sim.sim.outbox('C00103');
    expect(await c.ok('initConfirm', { code: mail!.code! })).toMatchObject({
      step: 'signedIn',
      user: { userId: 'C00103' },
    });
  });

  it('init flow with the authenticator app: the secret reaches the renderer, the init token does not', async () => {
    await c.ok('login', { userId: 'C00103', password: SEED_PASSWORDS.C00103 });
    await c.ok('initSetPassword', { newPassword: 'Fresh-Pass-2026-y!' });
    const chosen = await c.ok('initChooseChannel', { channel: 'totp' });
    expect(chosen).toMatchObject({ channelSetup: { channel: 'totp', digits: 6, period: 30 } });
    expect(JSON.stringify(c.events)).not.toContain('initToken');
    // The user's phone: a TOTP computed from the enrolment secret at the host's time.
    const secret = (chosen as { channelSetup: { secret: string } }).channelSetup.secret;
    const code = authenticator.clone({ epoch: sim.simClock.now() }).generate(secret);
    expect(await c.ok('initConfirm', { code })).toMatchObject({ step: 'signedIn' });
  });

  it('the bridge refuses a wrong shape with BRIDGE_INVALID naming the field', async () => {
    expect(await c.fail('login', { userId: 'C00101' })).toMatchObject({
      code: 'BRIDGE_INVALID',
      field: 'password',
    });
    expect(await c.fail('submitOtp', { code: '12' })).toMatchObject({
      code: 'BRIDGE_INVALID',
      field: 'code',
    });
    expect(await c.core.call('noSuchCall', {})).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_INVALID' },
    });
  });
});
