import { beforeEach, describe, expect, it } from 'vitest';
import { CcmsError } from '../../../shared/errors.js';
import { ManualClock } from '../clock.js';
import { SessionManager } from './session-manager.js';
import type { SessionHost } from './session-state.js';

// The locked state of an email-channel user: the unlock code the host emails once it too finds
// the session idle. A scripted host answers; the real one is in test/integration/core.
type Method = Exclude<keyof SessionHost, 'serverOffsetMs'>;
class ScriptedHost implements SessionHost {
  calls: Method[] = [];
  private replies = new Map<Method, unknown[]>();
  answer(method: Method, ...replies: unknown[]): this {
    this.replies.set(method, [...(this.replies.get(method) ?? []), ...replies]);
    return this;
  }
  private async take(method: Method): Promise<never> {
    this.calls.push(method);
    const reply = this.replies.get(method)?.shift();
    if (reply === undefined) throw new Error(`unscripted call ${method}`);
    if (reply instanceof Error) throw reply;
    return reply as never;
  }
  serverOffsetMs = () => 0;
  login = () => this.take('login');
  submitOtp = () => this.take('submitOtp');
  resendOtp = () => this.take('resendOtp');
  initPassword = () => this.take('initPassword');
  initChannel = () => this.take('initChannel');
  initConfirm = () => this.take('initConfirm');
  getSession = () => this.take('getSession');
  reauth = () => this.take('reauth');
  logout = () => this.take('logout');
}

const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);
const iso = (ms: number) => new Date(T0 + ms).toISOString();
const MIN = 60_000;
const IDLE = 15 * MIN;
const user = {
  userId: 'C00102',
  participantId: 'CP001',
  name: 'Wong Siu Ming',
  roles: ['user' as const],
};
const session = {
  session: {
    token: 'tok_secret_session_token_2',
    expiresAt: iso(600 * MIN),
    idleTimeoutSec: 900,
    user,
  },
};
const MASKED = 'c0***@cp001.example';
const loginReply = (channel: 'email' | 'totp') => ({
  next: 'otp',
  challengeId: 'ch_secret',
  channel,
  ...(channel === 'email' && { maskedEmail: MASKED, resendAvailableAt: iso(30_000) }),
  expiresAt: iso(5 * MIN),
});
const err = (code: ConstructorParameters<typeof CcmsError>[0]) => new CcmsError(code, code);
const flush = () => new Promise((r) => setTimeout(r, 0));

let clock: ManualClock;
let host: ScriptedHost;
let sm: SessionManager;
const target = () => ({ host, environment: 'simulator' as const });

beforeEach(() => {
  clock = new ManualClock(T0);
  host = new ScriptedHost();
  sm = new SessionManager({ clock });
});

async function signIn(channel: 'email' | 'totp') {
  host.answer('login', loginReply(channel)).answer('submitOtp', session);
  await sm.login(target(), 'C00102', 'Demo-Pass-102!');
  await sm.submitOtp('123456');
  host.calls = [];
}

describe('SessionManager: unlock code for the email channel', () => {
  it('signedIn → locked on idle carries the channel and masked email, then asks the host for the code once it is idle too', async () => {
    await signIn('email');
    host.answer('getSession', err('SESSION_LOCKED'));
    clock.advance(IDLE);
    expect(sm.state()).toEqual({
      step: 'locked',
      user,
      environment: 'simulator',
      expiresAt: session.session.expiresAt,
      channel: 'email',
      maskedEmail: MASKED,
    });
    // The host's idle timer started with the sign-in reply; asking before it ran out would restart it.
    expect(host.calls).toEqual([]);
    clock.advance(1000);
    await flush();
    expect(host.calls).toEqual(['getSession']);
    // The host stamped its send no later than now: another code only after its 30 s resend rule.
    expect(sm.state()).toMatchObject({
      step: 'locked',
      resendAvailableAt: iso(IDLE + 1000 + 30_000),
    });
    await expect(sm.sendUnlockCode()).rejects.toMatchObject({
      code: 'RESEND_TOO_SOON',
      details: { retryAfterSec: 30 },
    });
    expect(host.calls).toEqual(['getSession']);
  });

  it("a successful authenticated call restarts the host's idle estimate: the code waits a full host idle timeout after it", async () => {
    await signIn('email');
    clock.advance(5 * MIN);
    expect(await sm.withSession(async () => 'summary')).toBe('summary');
    sm.lock();
    // 15 min + 1 s after the call, not after the sign-in (which would leave 10 min + 1 s).
    await expect(sm.sendUnlockCode()).rejects.toMatchObject({
      code: 'UNLOCK_CODE_NOT_SENT',
      details: { retryAfterSec: 901 },
    });
    expect(host.calls).toEqual([]);
  });

  it('takes the resend time the host gives with SESSION_LOCKED', async () => {
    await signIn('email');
    const hostSays = iso(IDLE + 1000 + 45_000);
    host.answer(
      'getSession',
      new CcmsError('SESSION_LOCKED', 'locked', { resendAvailableAt: hostSays }),
    );
    clock.advance(IDLE + 1000);
    await flush();
    expect(sm.state()).toMatchObject({ step: 'locked', resendAvailableAt: hostSays });
  });

  it('a TOTP user locks with channel totp and no code is asked for', async () => {
    await signIn('totp');
    clock.advance(IDLE + MIN);
    await flush();
    const s = sm.state();
    expect(s).toMatchObject({ step: 'locked', channel: 'totp' });
    expect(s).not.toHaveProperty('maskedEmail');
    expect(host.calls).toEqual([]);
    await expect(sm.sendUnlockCode()).rejects.toMatchObject({ code: 'WRONG_STATE' });
  });

  it('after an OS lock while the host is still active: UNLOCK_CODE_NOT_SENT with the wait, no host call, no guess counted; the code is asked for when the host idles', async () => {
    await signIn('email');
    clock.advance(5 * MIN);
    sm.lock();
    await expect(sm.sendUnlockCode()).rejects.toMatchObject({
      code: 'UNLOCK_CODE_NOT_SENT',
      details: { retryAfterSec: 601 },
    });
    await expect(sm.unlock('123456')).rejects.toMatchObject({ code: 'UNLOCK_CODE_NOT_SENT' });
    expect(host.calls).toEqual([]);

    host.answer('getSession', err('SESSION_LOCKED')).answer('reauth', session);
    clock.advance(10 * MIN + 1000);
    await flush();
    expect(host.calls).toEqual(['getSession']);
    expect(await sm.unlock('654321')).toMatchObject({ step: 'signedIn' });
    // The channel survives the unlock: the next lock is an email lock again.
    sm.lock();
    expect(sm.state()).toMatchObject({ step: 'locked', channel: 'email', maskedEmail: MASKED });
  });

  it('locked → locked on sendUnlockCode when the host answers SESSION_LOCKED (it emailed the code)', async () => {
    await signIn('email');
    host.answer('getSession', err('SESSION_LOCKED'), err('SESSION_LOCKED'));
    clock.advance(IDLE + 1000);
    await flush();
    clock.advance(30_000);
    expect(await sm.sendUnlockCode()).toMatchObject({ step: 'locked', channel: 'email' });
    expect(host.calls).toEqual(['getSession', 'getSession']);
  });

  it('a host that still answers 200 restarted its idle timer: UNLOCK_CODE_NOT_SENT and a new wait', async () => {
    await signIn('email');
    host.answer('getSession', err('SESSION_LOCKED'), session);
    clock.advance(IDLE + 1000);
    await flush();
    clock.advance(30_000);
    await expect(sm.sendUnlockCode()).rejects.toMatchObject({
      code: 'UNLOCK_CODE_NOT_SENT',
      details: { retryAfterSec: 901 },
    });
    expect(sm.state().step).toBe('locked');
  });

  it('locked → signedOut(sessionExpired) when the code request finds the session ended', async () => {
    await signIn('email');
    host.answer('getSession', err('SESSION_LOCKED'), err('SESSION_EXPIRED'));
    clock.advance(IDLE + 1000);
    await flush();
    clock.advance(30_000);
    await expect(sm.sendUnlockCode()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(sm.state()).toEqual({ step: 'signedOut', reason: 'sessionExpired' });
  });

  it('the host saying SESSION_LOCKED on a call locks and asks for the code at once', async () => {
    await signIn('email');
    host.answer('getSession', err('SESSION_LOCKED'));
    await expect(sm.withSession(() => Promise.reject(err('SESSION_LOCKED')))).rejects.toMatchObject(
      { code: 'SESSION_LOCKED' },
    );
    await flush();
    expect(sm.state()).toMatchObject({ step: 'locked', channel: 'email' });
    expect(host.calls).toEqual(['getSession']);
  });

  it('a user who chose email during initialization locks with that masked email', async () => {
    host
      .answer('login', {
        next: 'init',
        initToken: 'init_secret',
        steps: ['channel'],
        passwordPolicy: {
          minLength: 10,
          maxLength: 64,
          requireLetter: true,
          requireDigit: true,
          requireSymbol: true,
          disallowUserId: true,
          historyCount: 5,
          disallowCommon: true,
        },
        expiresAt: iso(30 * MIN),
      })
      .answer('initChannel', {
        maskedEmail: 'c0***@cp001.example',
        expiresAt: iso(5 * MIN),
        resendAvailableAt: iso(30_000),
      })
      .answer('initConfirm', session);
    await sm.login(target(), 'C00103', 'Temp-Pass-103!');
    await sm.initChooseChannel('email');
    await sm.initConfirm('123456');
    sm.lock();
    expect(sm.state()).toMatchObject({ step: 'locked', channel: 'email', maskedEmail: MASKED });
  });
});
