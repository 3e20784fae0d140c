import { beforeEach, describe, expect, it } from 'vitest';
import { CcmsError } from '../../../shared/errors.js';
import type { AuthState } from '../../../shared/bridge.js';
import { ManualClock } from '../clock.js';
import { SessionManager } from './session-manager.js';
import type { SessionHost } from './session-state.js';

// A scripted host: each test says what the host answers. The real host is exercised in
// test/integration/core; here the subject is the state machine and its timers.
type Method = Exclude<keyof SessionHost, 'serverOffsetMs'>;
class ScriptedHost implements SessionHost {
  calls: { method: Method; args: unknown[] }[] = [];
  private replies = new Map<Method, unknown[]>();
  offset = 0;
  answer(method: Method, ...replies: unknown[]): this {
    this.replies.set(method, [...(this.replies.get(method) ?? []), ...replies]);
    return this;
  }
  private async take(method: Method, args: unknown[]): Promise<never> {
    this.calls.push({ method, args });
    const reply = this.replies.get(method)?.shift();
    if (reply === undefined) throw new Error(`unscripted call ${method}`);
    if (reply instanceof Error) throw reply;
    return reply as never;
  }
  serverOffsetMs = () => this.offset;
  login = (...a: unknown[]) => this.take('login', a);
  submitOtp = (...a: unknown[]) => this.take('submitOtp', a);
  resendOtp = (...a: unknown[]) => this.take('resendOtp', a);
  initPassword = (...a: unknown[]) => this.take('initPassword', a);
  initChannel = (...a: unknown[]) => this.take('initChannel', a);
  initConfirm = (...a: unknown[]) => this.take('initConfirm', a);
  getSession = (...a: unknown[]) => this.take('getSession', a);
  reauth = (...a: unknown[]) => this.take('reauth', a);
  logout = (...a: unknown[]) => this.take('logout', a);
}

const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);
const iso = (ms: number) => new Date(T0 + ms).toISOString();
const MIN = 60_000;
const user = {
  userId: 'C00101',
  participantId: 'CP001',
  name: 'Chan Tai Man',
  roles: ['user' as const],
};
const session = (over: Record<string, unknown> = {}) => ({
  session: {
    token: 'tok_secret_session_token_1',
    expiresAt: iso(600 * MIN),
    idleTimeoutSec: 900,
    user,
    ...over,
  },
});
const otpReply = {
  next: 'otp',
  challengeId: 'ch_secret',
  channel: 'totp',
  expiresAt: iso(5 * MIN),
};
const emailOtpReply = {
  next: 'otp',
  challengeId: 'ch_secret',
  channel: 'email',
  maskedEmail: 'c***@cp001.example',
  expiresAt: iso(10 * MIN),
  codeExpiresAt: iso(5 * MIN),
  resendAvailableAt: iso(30_000),
  resendsLeft: 4,
};
const policy = {
  minLength: 10,
  maxLength: 64,
  requireLetter: true,
  requireDigit: true,
  requireSymbol: true,
  disallowUserId: true,
  historyCount: 5,
  disallowCommon: true,
};
const initReply = {
  next: 'init',
  initToken: 'init_secret',
  steps: ['password', 'channel'],
  passwordPolicy: policy,
  expiresAt: iso(30 * MIN),
};
const hostErr = (code: ConstructorParameters<typeof CcmsError>[0], details = {}) =>
  new CcmsError(code, code, details);

let clock: ManualClock;
let host: ScriptedHost;
let sm: SessionManager;
let seen: AuthState[];
let warnings: number[];
const target = () => ({ host, environment: 'simulator' as const });

beforeEach(() => {
  clock = new ManualClock(T0);
  host = new ScriptedHost();
  sm = new SessionManager({ clock });
  seen = [];
  warnings = [];
  sm.onChange((s) => seen.push(s));
  sm.onIdleWarning((n) => warnings.push(n));
});

async function signIn(over: Record<string, unknown> = {}) {
  host.answer('login', otpReply).answer('submitOtp', session(over));
  await sm.login(target(), 'C00101', 'Demo-Pass-101!');
  return sm.submitOtp('123456');
}

describe('SessionManager transitions', () => {
  it('signedOut → otp on a login that needs an OTP, without exposing the challenge id', async () => {
    host.answer('login', otpReply);
    const s = await sm.login(target(), 'C00101', 'pw');
    expect(s).toEqual({
      step: 'otp',
      userId: 'C00101',
      channel: 'totp',
      expiresAt: otpReply.expiresAt,
    });
    expect(JSON.stringify(seen)).not.toContain('ch_secret');
  });

  it('signedOut → init on a login that needs initialization, without exposing the init token', async () => {
    host.answer('login', initReply);
    const s = await sm.login(target(), 'C00103', 'pw');
    expect(s).toMatchObject({
      step: 'init',
      steps: ['password', 'channel'],
      passwordPolicy: policy,
    });
    expect(JSON.stringify(seen)).not.toContain('init_secret');
  });

  it('a failed login leaves the state signedOut and surfaces the host error', async () => {
    host.answer('login', hostErr('INVALID_CREDENTIALS'));
    await expect(sm.login(target(), 'C00101', 'bad')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(sm.state()).toEqual({ step: 'signedOut' });
  });

  it('otp → signedIn on the right code; the token stays inside', async () => {
    const s = await signIn();
    expect(s).toMatchObject({
      step: 'signedIn',
      user,
      environment: 'simulator',
      idleTimeoutSec: 900,
    });
    expect(host.calls[1]).toEqual({ method: 'submitOtp', args: ['ch_secret', '123456'] });
    expect(JSON.stringify(seen)).not.toContain('tok_secret');
  });

  it('otp stays otp with attemptsLeft after OTP_INVALID', async () => {
    host.answer('login', otpReply).answer('submitOtp', hostErr('OTP_INVALID', { attemptsLeft: 3 }));
    await sm.login(target(), 'C00101', 'pw');
    await expect(sm.submitOtp('000000')).rejects.toMatchObject({ code: 'OTP_INVALID' });
    expect(sm.state()).toMatchObject({ step: 'otp', attemptsLeft: 3 });
  });

  it('otp stays otp on OTP_REUSED (an error for the call only)', async () => {
    host.answer('login', otpReply).answer('submitOtp', hostErr('OTP_REUSED'));
    await sm.login(target(), 'C00101', 'pw');
    await expect(sm.submitOtp('000000')).rejects.toMatchObject({ code: 'OTP_REUSED' });
    expect(sm.state().step).toBe('otp');
  });

  it('otp → signedOut when the host locks the account on the OTP step', async () => {
    host.answer('login', otpReply).answer('submitOtp', hostErr('ACCOUNT_LOCKED'));
    await sm.login(target(), 'C00101', 'pw');
    await expect(sm.submitOtp('000000')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'accountLocked' });
  });

  it('otp → signedOut(accountLocked) carries when the host ends the lock', async () => {
    const lockedUntil = '2026-01-01T09:15:00.000Z';
    host.answer('login', otpReply).answer('submitOtp', hostErr('ACCOUNT_LOCKED', { lockedUntil }));
    await sm.login(target(), 'C00101', 'pw');
    await expect(sm.submitOtp('000000')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'accountLocked', lockedUntil });
  });

  it('otp → signedOut(challengeExpired) when the host says CHALLENGE_EXPIRED', async () => {
    host.answer('login', otpReply).answer('submitOtp', hostErr('CHALLENGE_EXPIRED'));
    await sm.login(target(), 'C00101', 'pw');
    await expect(sm.submitOtp('000000')).rejects.toMatchObject({ code: 'CHALLENGE_EXPIRED' });
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'challengeExpired' });
  });

  it('otp → signedOut(challengeExpired) when the challenge expires on the clock', async () => {
    host.answer('login', otpReply);
    await sm.login(target(), 'C00101', 'pw');
    clock.advance(5 * MIN - 1);
    expect(sm.state().step).toBe('otp');
    clock.advance(1);
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'challengeExpired' });
  });

  it('the challenge deadline follows the host clock, not a skewed local one', async () => {
    host.offset = 2 * MIN; // the host runs two minutes ahead
    host.answer('login', otpReply);
    await sm.login(target(), 'C00101', 'pw');
    clock.advance(3 * MIN - 1);
    expect(sm.state().step).toBe('otp');
    clock.advance(1);
    expect(sm.state()).toMatchObject({ reason: 'challengeExpired' });
  });

  it('otp → otp with a new code after an email resend; the challenge keeps its end', async () => {
    host.answer('login', emailOtpReply).answer('resendOtp', {
      expiresAt: iso(10 * MIN),
      codeExpiresAt: iso(8 * MIN),
      resendAvailableAt: iso(3.5 * MIN),
      resendsLeft: 3,
    });
    await sm.login(target(), 'C00102', 'pw');
    clock.advance(3 * MIN);
    const s = await sm.resendOtp();
    expect(s).toMatchObject({
      step: 'otp',
      expiresAt: iso(10 * MIN),
      codeExpiresAt: iso(8 * MIN),
      resendAvailableAt: iso(3.5 * MIN),
      resendsLeft: 3,
    });
    clock.advance(6 * MIN); // past the first and the second code's end: still alive
    expect(sm.state().step).toBe('otp');
    clock.advance(1 * MIN);
    expect(sm.state()).toMatchObject({ reason: 'challengeExpired' });
  });

  it('an expired email code keeps the challenge: OTP_EXPIRED marks the code, a resend clears it', async () => {
    host
      .answer('login', emailOtpReply)
      .answer('submitOtp', hostErr('OTP_EXPIRED'))
      .answer('resendOtp', {
        expiresAt: iso(10 * MIN),
        codeExpiresAt: iso(10 * MIN),
        resendAvailableAt: iso(6 * MIN),
        resendsLeft: 3,
      })
      .answer('submitOtp', session());
    await sm.login(target(), 'C00102', 'pw');
    clock.advance(5 * MIN + 1000); // the code's 5 minutes are over, the challenge's 10 are not
    await expect(sm.submitOtp('123456')).rejects.toMatchObject({ code: 'OTP_EXPIRED' });
    expect(sm.state()).toMatchObject({ step: 'otp', codeExpired: true, resendsLeft: 4 });
    const resent = await sm.resendOtp();
    expect(resent).toMatchObject({ step: 'otp', codeExpiresAt: iso(10 * MIN), resendsLeft: 3 });
    expect(resent).not.toHaveProperty('codeExpired');
    expect(await sm.submitOtp('654321')).toMatchObject({ step: 'signedIn' });
  });

  it('remembers the host refusing more sends (RESEND_LIMIT): no resends left, the challenge lives on', async () => {
    host.answer('login', emailOtpReply).answer('resendOtp', hostErr('RESEND_LIMIT'));
    await sm.login(target(), 'C00102', 'pw');
    clock.advance(1 * MIN);
    await expect(sm.resendOtp()).rejects.toMatchObject({ code: 'RESEND_LIMIT' });
    expect(sm.state()).toMatchObject({ step: 'otp', resendsLeft: 0 });
  });

  it("signedIn carries the host's passwordExpiresAt; a null one (no expiry) is left out", async () => {
    expect(await signIn({ passwordExpiresAt: iso(10 * 24 * 60 * MIN) })).toMatchObject({
      step: 'signedIn',
      passwordExpiresAt: iso(10 * 24 * 60 * MIN),
    });
    await sm.dispose();
    sm = new SessionManager({ clock });
    expect(await signIn({ passwordExpiresAt: null })).not.toHaveProperty('passwordExpiresAt');
  });

  it('refuses to resend a TOTP code', async () => {
    host.answer('login', otpReply);
    await sm.login(target(), 'C00101', 'pw');
    await expect(sm.resendOtp()).rejects.toMatchObject({ code: 'WRONG_STATE' });
  });

  it('otp → signedOut on cancelLogin, and the old deadline no longer fires', async () => {
    host.answer('login', otpReply);
    await sm.login(target(), 'C00101', 'pw');
    await expect(sm.cancelLogin()).resolves.toEqual({ step: 'signedOut' });
    clock.advance(10 * MIN);
    expect(sm.state()).toEqual({ step: 'signedOut' });
    expect(clock.pending()).toBe(0);
  });

  it('init → init → init → signedIn through password, channel and confirm', async () => {
    host
      .answer('login', initReply)
      .answer('initPassword', { steps: ['channel'] })
      .answer('initChannel', {
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUri: 'otpauth://totp/CCMS:C00103?secret=JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      })
      .answer('initConfirm', session({ user: { ...user, userId: 'C00103' } }));
    await sm.login(target(), 'C00103', 'Temp-Pass-103!');
    await expect(sm.initChooseChannel('totp')).rejects.toMatchObject({ code: 'WRONG_STATE' });
    expect(await sm.initSetPassword('New-Pass-12345!')).toMatchObject({
      step: 'init',
      steps: ['channel'],
    });
    expect(await sm.initChooseChannel('totp')).toMatchObject({
      channelSetup: { channel: 'totp', secret: 'JBSWY3DPEHPK3PXP', digits: 6, period: 30 },
    });
    expect(await sm.initConfirm('123456')).toMatchObject({ step: 'signedIn' });
    expect(host.calls.map((c) => c.args[0])).toEqual([
      'C00103',
      'init_secret',
      'init_secret',
      'init_secret',
    ]);
  });

  it('init email channel: resend calls the channel step again', async () => {
    const email = {
      maskedEmail: 'c***@cp001.example',
      expiresAt: iso(5 * MIN),
      resendAvailableAt: iso(30_000),
    };
    host
      .answer('login', { ...initReply, steps: ['channel'] })
      .answer('initChannel', email, { ...email, expiresAt: iso(6 * MIN) });
    await sm.login(target(), 'C00103', 'pw');
    await expect(sm.initResendEmail()).rejects.toMatchObject({ code: 'WRONG_STATE' });
    expect(await sm.initChooseChannel('email')).toMatchObject({
      channelSetup: { channel: 'email', maskedEmail: 'c***@cp001.example' },
    });
    expect(await sm.initResendEmail()).toMatchObject({ channelSetup: { expiresAt: iso(6 * MIN) } });
  });

  it('init stays init on PASSWORD_POLICY with the violations on the error', async () => {
    host
      .answer('login', initReply)
      .answer('initPassword', hostErr('PASSWORD_POLICY', { violations: ['symbol'] }));
    await sm.login(target(), 'C00103', 'pw');
    await expect(sm.initSetPassword('weakpassword1')).rejects.toMatchObject({
      code: 'PASSWORD_POLICY',
      details: { violations: ['symbol'] },
    });
    expect(sm.state()).toMatchObject({ step: 'init', steps: ['password', 'channel'] });
  });

  it('init → signedOut(initExpired) when the init token expires on the clock', async () => {
    host.answer('login', initReply);
    await sm.login(target(), 'C00103', 'pw');
    clock.advance(30 * MIN);
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'initExpired' });
  });

  it('init → signedOut(initExpired) when the host says INIT_TOKEN_INVALID', async () => {
    host.answer('login', initReply).answer('initPassword', hostErr('INIT_TOKEN_INVALID'));
    await sm.login(target(), 'C00103', 'pw');
    await expect(sm.initSetPassword('New-Pass-12345!')).rejects.toMatchObject({
      code: 'INIT_TOKEN_INVALID',
    });
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'initExpired' });
  });

  it.each([
    ['ACCOUNT_LOCKED', 'accountLocked'],
    ['ACCOUNT_SUSPENDED', 'accountSuspended'],
  ] as const)(
    'init → signedOut when the host says %s during initialization, with the reason',
    async (code, reason) => {
      host.answer('login', initReply).answer('initPassword', hostErr(code));
      await sm.login(target(), 'C00103', 'pw');
      await expect(sm.initSetPassword('New-Pass-12345!')).rejects.toMatchObject({ code });
      expect(sm.state()).toEqual({ step: 'signedOut', reason });
    },
  );

  it('init → signedOut on cancelLogin', async () => {
    host.answer('login', initReply);
    await sm.login(target(), 'C00103', 'pw');
    expect(await sm.cancelLogin()).toEqual({ step: 'signedOut' });
  });

  it('signedIn: idle warning 60 s before the idle lock, then signedIn → locked', async () => {
    await signIn();
    clock.advance(14 * MIN - 1);
    expect(warnings).toEqual([]);
    clock.advance(1);
    expect(warnings).toEqual([60]);
    clock.advance(MIN - 1);
    expect(sm.state().step).toBe('signedIn');
    clock.advance(1);
    expect(sm.state()).toMatchObject({ step: 'locked', user });
  });

  it('reportActivity postpones the idle lock', async () => {
    await signIn();
    clock.advance(10 * MIN);
    sm.reportActivity(); // more than a minute since sign-in: also a keep-alive
    host.answer('getSession', session());
    clock.advance(10 * MIN);
    expect(sm.state().step).toBe('signedIn');
    clock.advance(5 * MIN);
    expect(sm.state().step).toBe('locked');
  });

  it('reportActivity keeps the host session alive at most once a minute', async () => {
    host.answer('getSession', session(), session());
    await signIn();
    sm.reportActivity();
    clock.advance(30_000);
    sm.reportActivity();
    expect(host.calls.filter((c) => c.method === 'getSession')).toHaveLength(0);
    clock.advance(30_000);
    sm.reportActivity();
    sm.reportActivity();
    await Promise.resolve();
    expect(host.calls.filter((c) => c.method === 'getSession')).toEqual([
      { method: 'getSession', args: ['tok_secret_session_token_1'] },
    ]);
  });

  it('a keep-alive answered SESSION_EXPIRED signs out with sessionExpired', async () => {
    await signIn();
    clock.advance(MIN);
    host.answer('getSession', hostErr('SESSION_EXPIRED'));
    sm.reportActivity();
    await new Promise((r) => setImmediate(r));
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'sessionExpired' });
  });

  it('the policy ceiling shortens the host idle timeout', async () => {
    sm = new SessionManager({ clock, idleCeilingSec: 300 });
    const s = await signIn();
    expect(s).toMatchObject({ idleTimeoutSec: 300 });
    clock.advance(5 * MIN);
    expect(sm.state().step).toBe('locked');
  });

  it('signedIn → locked at once on lock() (OS lock, suspend)', async () => {
    await signIn();
    sm.lock();
    expect(sm.state().step).toBe('locked');
    expect(warnings).toEqual([]);
  });

  it('locked → signedIn on unlock with a fresh idle timer', async () => {
    await signIn();
    sm.lock();
    host.answer('reauth', session());
    expect(await sm.unlock('654321')).toMatchObject({ step: 'signedIn' });
    expect(host.calls.at(-1)).toEqual({
      method: 'reauth',
      args: ['tok_secret_session_token_1', '654321'],
    });
    clock.advance(15 * MIN);
    expect(sm.state().step).toBe('locked');
  });

  it('locked stays locked on a wrong unlock code', async () => {
    await signIn();
    sm.lock();
    host.answer('reauth', hostErr('OTP_INVALID', { attemptsLeft: 4 }));
    await expect(sm.unlock('000000')).rejects.toMatchObject({ code: 'OTP_INVALID' });
    expect(sm.state().step).toBe('locked');
  });

  it('locked → signedOut(hostSignedOut) when unlocking locks the account', async () => {
    await signIn();
    sm.lock();
    host.answer('reauth', hostErr('ACCOUNT_LOCKED'));
    await expect(sm.unlock('000000')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'hostSignedOut' });
  });

  it('signedIn → signedOut(sessionExpired) at the absolute expiry', async () => {
    await signIn({ expiresAt: iso(10 * MIN), idleTimeoutSec: 3600 });
    clock.advance(10 * MIN);
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'sessionExpired' });
  });

  it('locked → signedOut(sessionExpired) at the absolute expiry', async () => {
    await signIn({ expiresAt: iso(30 * MIN) });
    clock.advance(15 * MIN);
    expect(sm.state().step).toBe('locked');
    clock.advance(15 * MIN);
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'sessionExpired' });
  });

  it('signedIn → signedOut on logout, revoking the token on the host', async () => {
    await signIn();
    host.answer('logout', null);
    expect(await sm.logout()).toEqual({ step: 'signedOut' });
    expect(host.calls.at(-1)).toEqual({ method: 'logout', args: ['tok_secret_session_token_1'] });
    expect(clock.pending()).toBe(0);
  });

  it('locked → signedOut on logout even when the host is unreachable', async () => {
    await signIn();
    sm.lock();
    host.answer('logout', hostErr('HOST_UNREACHABLE'));
    expect(await sm.logout()).toEqual({ step: 'signedOut' });
  });

  it('withSession: SESSION_LOCKED from the host locks, SESSION_EXPIRED signs out', async () => {
    await signIn();
    await expect(
      sm.withSession(() => Promise.reject(hostErr('SESSION_LOCKED'))),
    ).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
    expect(sm.state().step).toBe('locked');
    await expect(sm.withSession(async () => 1)).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
    host.answer('reauth', session());
    await sm.unlock('123456');
    await expect(sm.withSession((token) => Promise.resolve(token.length))).resolves.toBe(26);
    await expect(
      sm.withSession(() => Promise.reject(hostErr('SESSION_EXPIRED'))),
    ).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'sessionExpired' });
    await expect(sm.withSession(async () => 1)).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('refuses calls that do not fit the state with WRONG_STATE', async () => {
    await expect(sm.submitOtp('123456')).rejects.toMatchObject({ code: 'WRONG_STATE' });
    await expect(sm.unlock('123456')).rejects.toMatchObject({ code: 'WRONG_STATE' });
    await expect(sm.initSetPassword('x')).rejects.toMatchObject({ code: 'WRONG_STATE' });
    await signIn();
    await expect(sm.login(target(), 'C00101', 'pw')).rejects.toMatchObject({ code: 'WRONG_STATE' });
    await expect(sm.cancelLogin()).rejects.toMatchObject({ code: 'WRONG_STATE' });
  });

  it('after a sleep the timers missed, activity finds the terminal locked, not postponed', async () => {
    await signIn();
    clock.jump(16 * MIN); // the wall clock moved; no timer fired
    expect(sm.state().step).toBe('signedIn');
    await sm.reportActivity();
    expect(sm.state().step).toBe('locked');
  });

  it('after a long sleep the absolute expiry applies at the next call', async () => {
    await signIn();
    clock.jump(11 * 60 * MIN);
    await expect(sm.withSession(async () => 1)).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'sessionExpired' });
  });

  it('a challenge that expired during a sleep is gone when the code arrives', async () => {
    host.answer('login', otpReply);
    await sm.login(target(), 'C00101', 'pw');
    clock.jump(6 * MIN);
    await expect(sm.submitOtp('123456')).rejects.toMatchObject({ code: 'WRONG_STATE' });
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'challengeExpired' });
  });

  it('a timer firing while the host is answering wins: the late reply is refused', async () => {
    let release!: (v: unknown) => void;
    host.answer('login', otpReply);
    await sm.login(target(), 'C00101', 'pw');
    host.submitOtp = () => new Promise((r) => (release = r)) as never;
    const pending = sm.submitOtp('123456');
    await new Promise((r) => setImmediate(r)); // the call is now waiting on the host
    clock.advance(5 * MIN);
    release(session());
    await expect(pending).rejects.toMatchObject({ code: 'WRONG_STATE' });
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'challengeExpired' });
  });
});
