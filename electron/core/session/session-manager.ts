// The sign-in state machine's transitions (README.md draws them); the machinery under them is
// session-machine.ts, what host errors do is session-errors.ts, the email unlock email-unlock.ts.
import type { AuthState } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import type { OtpChannel, Session } from '../../../shared/protocol.js';
import { EmailUnlock } from './email-unlock.js';
import { unlockCodeNotSent } from './host-idle.js';
import { INIT_ERRORS, OTP_ERRORS, RESEND_ERRORS, UNLOCK_ERRORS } from './session-errors.js';
import { SessionMachine, wrongState, type SessionManagerOptions } from './session-machine.js';
import type { InternalState, OtpRoute, SessionTarget } from './session-state.js';

export type { SessionManagerOptions } from './session-machine.js';

/**
 * The one sign-in state machine (README.md draws it). It alone holds the challenge id, the init
 * token and the session token, in memory; listeners see only `AuthState`.
 */
export class SessionManager extends SessionMachine {
  private lastKeepAlive = 0;
  private readonly emailUnlock: EmailUnlock;

  constructor(opts: SessionManagerOptions) {
    super(opts);
    this.emailUnlock = new EmailUnlock(
      {
        current: () => this.s,
        update: (next) => this.update(next),
        enter: (next) => this.enter(next),
        later: (ms, fn) => this.timers.setTask(ms, fn),
      },
      opts.clock,
      this.hostIdle,
      opts.log,
    );
  }

  /** Who is signed in (or locked), and where; null otherwise. */
  current(): { userId: string; target: SessionTarget } | null {
    if (this.s.step !== 'signedIn' && this.s.step !== 'locked') return null;
    return { userId: this.s.session.user.userId, target: this.s.target };
  }

  // ---- transitions driven by the user

  login(target: SessionTarget, userId: string, password: string): Promise<AuthState> {
    return this.serial(async () => {
      const { step } = this.s;
      if (step === 'signedIn' || step === 'locked') throw wrongState('Signing in', step);
      const reply = await target.host.login(userId, password);
      if (reply.next === 'otp') {
        const { next: _n, ...rest } = reply;
        this.enter({ step: 'otp', target, userId, ...rest });
      } else {
        const { next: _n, ...rest } = reply;
        this.enter({ step: 'init', target, userId, ...rest });
      }
      return this.state();
    });
  }

  submitOtp(code: string): Promise<AuthState> {
    return this.serial(async () => {
      const s = this.expect('otp', 'Submitting a one-time password');
      const reply = await this.guard(
        s,
        () => s.target.host.submitOtp(s.challengeId, code),
        OTP_ERRORS,
      );
      this.enterSignedIn(s.target, reply.session, route(s.channel, s.maskedEmail));
      return this.state();
    });
  }

  resendOtp(): Promise<AuthState> {
    return this.serial(async () => {
      const s = this.expect('otp', 'Sending a new code');
      if (s.channel !== 'email')
        throw new CcmsError('WRONG_STATE', 'Only an email code can be sent again.');
      const reply = await this.guard(
        s,
        () => s.target.host.resendOtp(s.challengeId),
        RESEND_ERRORS,
      );
      // A resend replaces the code; the challenge keeps its end (the host says which it is).
      const { codeExpired: _gone, ...rest } = s;
      this.enter({ ...rest, ...reply });
      return this.state();
    });
  }

  cancelLogin(): Promise<AuthState> {
    return this.serial(async () => {
      const { step } = this.s;
      if (step === 'signedIn' || step === 'locked')
        throw wrongState('Cancelling the sign-in', step);
      this.enter({ step: 'signedOut' });
      return this.state();
    });
  }

  initSetPassword(newPassword: string): Promise<AuthState> {
    return this.serial(async () => {
      const s = this.expect('init', 'Setting the new password');
      if (!s.steps.includes('password'))
        throw new CcmsError('WRONG_STATE', 'The password was already set.');
      const reply = await this.guard(
        s,
        () => s.target.host.initPassword(s.initToken, newPassword),
        INIT_ERRORS,
      );
      this.update({ ...s, steps: reply.steps });
      return this.state();
    });
  }

  initChooseChannel(channel: OtpChannel): Promise<AuthState> {
    return this.serial(async () => {
      const s = this.expect('init', 'Choosing the one-time password channel');
      if (s.steps.includes('password'))
        throw new CcmsError('WRONG_STATE', 'Set the new password first.');
      await this.chooseChannel(s, channel);
      return this.state();
    });
  }

  initResendEmail(): Promise<AuthState> {
    return this.serial(async () => {
      const s = this.expect('init', 'Sending a new code');
      if (s.channelSetup?.channel !== 'email')
        throw new CcmsError('WRONG_STATE', 'No email code was sent yet.');
      // The protocol has no separate init resend: choosing email again sends a fresh code.
      await this.chooseChannel(s, 'email');
      return this.state();
    });
  }

  initConfirm(code: string): Promise<AuthState> {
    return this.serial(async () => {
      const s = this.expect('init', 'Confirming the one-time password');
      const setup = s.channelSetup;
      if (!setup) throw new CcmsError('WRONG_STATE', 'Choose a channel first.');
      const reply = await this.guard(
        s,
        () => s.target.host.initConfirm(s.initToken, code),
        INIT_ERRORS,
      );
      const masked = setup.channel === 'email' ? setup.maskedEmail : undefined;
      this.enterSignedIn(s.target, reply.session, route(setup.channel, masked));
      return this.state();
    });
  }

  unlock(code: string): Promise<AuthState> {
    return this.serial(async () => {
      const s = this.expect('locked', 'Unlocking');
      // No emailed code can be right while the host still sees the session active; refusing here
      // keeps a guess from counting toward the account lockout.
      const wait = this.emailUnlock.wait(s);
      if (wait > 0) throw unlockCodeNotSent(wait);
      const reply = await this.guard(
        s,
        () => s.target.host.reauth(s.session.token, code),
        UNLOCK_ERRORS,
      );
      this.enterSignedIn(s.target, reply.session, s.otp);
      return this.state();
    });
  }

  /**
   * Locked, email channel: asks the host for an unlock code now (again, when the mail did not
   * arrive; the host sends at most one per resend cooldown). While the host still considers the
   * session active it sends none: `UNLOCK_CODE_NOT_SENT`, with the wait in `retryAfterSec`.
   */
  sendUnlockCode(): Promise<AuthState> {
    return this.serial(async () => {
      await this.emailUnlock.sendNow(this.expect('locked', 'Sending an unlock code'));
      return this.state();
    });
  }

  logout(): Promise<AuthState> {
    return this.serial(async () => {
      const s = this.s;
      this.enter({ step: 'signedOut' });
      if (s.step === 'signedIn' || s.step === 'locked') {
        // Signed out locally first: an unreachable host must not keep the terminal open.
        await s.target.host.logout(s.session.token).catch((err: unknown) => {
          this.opts.log?.warn('logout: the host could not revoke the session', {
            code: (err as CcmsError).code,
          });
        });
      }
      return this.state();
    });
  }

  /**
   * The user did something: postpones the idle lock and keeps the host session alive. The idle
   * timer moves at once; the promise settles when the keep-alive (if one was due) is answered.
   */
  reportActivity(): Promise<void> {
    // A deadline that passed while the machine slept wins over the activity that woke it.
    this.catchUp();
    if (this.s.step !== 'signedIn') return Promise.resolve();
    this.armIdle(this.s.idleTimeoutSec);
    const now = this.opts.clock.now();
    if (now - this.lastKeepAlive < (this.opts.keepAliveEveryMs ?? 60_000)) return Promise.resolve();
    this.lastKeepAlive = now;
    return this.keepAlive(this.s);
  }

  /**
   * The host answers again after a lost connection: asks it whether the session still holds. A
   * session it ended signs out with the reason (`SESSION_EXPIRED` → `sessionExpired`); a live
   * one carries on as before.
   */
  checkSession(): Promise<void> {
    this.catchUp();
    if (this.s.step !== 'signedIn') return Promise.resolve();
    this.lastKeepAlive = this.opts.clock.now();
    return this.keepAlive(this.s);
  }

  /** Locks at once (OS lock, suspend, or the idle timer). */
  lock(): void {
    if (this.s.step !== 'signedIn') return;
    const { target, session, otp } = this.s;
    this.enter({ step: 'locked', target, session, ...(otp && { otp }) });
    this.emailUnlock.schedule();
  }

  /**
   * Runs an authenticated host call with the session token. The host saying the session expired
   * or is locked moves the machine accordingly; the error still reaches the caller.
   */
  async withSession<T>(call: (token: string, target: SessionTarget) => Promise<T>): Promise<T> {
    this.catchUp();
    const s = this.s;
    if (s.step === 'locked') throw new CcmsError('SESSION_LOCKED', 'The terminal is locked.');
    if (s.step !== 'signedIn') throw new CcmsError('NOT_SIGNED_IN', 'Sign in first.');
    try {
      const result = await call(s.session.token, s.target);
      this.hostIdle.touched();
      return result;
    } catch (err) {
      // Whatever the answer, the call may have restarted the host's idle timer.
      this.hostIdle.touched();
      if (err instanceof CcmsError && this.s === s) this.onSessionError(err);
      throw err;
    }
  }

  // ---- internals

  private async chooseChannel(
    s: Extract<InternalState, { step: 'init' }>,
    channel: OtpChannel,
  ): Promise<void> {
    const reply = await this.guard(
      s,
      () => s.target.host.initChannel(s.initToken, channel),
      INIT_ERRORS,
    );
    const channelSetup =
      'secret' in reply
        ? {
            channel: 'totp' as const,
            secret: reply.secret,
            otpauthUri: reply.otpauthUri,
            digits: reply.digits,
            period: reply.period,
          }
        : { channel: 'email' as const, ...reply };
    this.update({ ...s, channelSetup });
  }

  private onSessionError(err: CcmsError): void {
    if (err.code === 'SESSION_EXPIRED') this.enter({ step: 'signedOut', reason: 'sessionExpired' });
    else if (err.code === 'SESSION_LOCKED') {
      this.hostIdle.idle();
      this.lock();
    }
  }

  private async keepAlive(s: Extract<InternalState, { step: 'signedIn' }>): Promise<void> {
    try {
      const { session } = await s.target.host.getSession(s.session.token);
      this.hostIdle.touched();
      if (this.s !== s) return;
      this.update({ ...s, session: { ...session, token: s.session.token } });
      this.armExpiry(session.expiresAt);
    } catch (err) {
      if (!(err instanceof CcmsError)) return;
      this.hostIdle.touched(); // the call may have reached the host all the same
      if (this.s === s) this.onSessionError(err);
      this.opts.log?.debug('keep-alive failed', { code: err.code });
    }
  }

  private enterSignedIn(target: SessionTarget, session: Session, otp?: OtpRoute): void {
    const ceiling = this.opts.idleCeilingSec;
    const idleTimeoutSec = ceiling
      ? Math.min(session.idleTimeoutSec, ceiling)
      : session.idleTimeoutSec;
    this.lastKeepAlive = this.opts.clock.now();
    this.hostIdle.touched();
    this.enter({ step: 'signedIn', target, session, idleTimeoutSec, ...(otp && { otp }) });
  }
}

/** The OTP route of a sign-in; the masked email only for the email channel. */
function route(channel: OtpChannel, maskedEmail: string | undefined): OtpRoute {
  return channel === 'email' && maskedEmail !== undefined ? { channel, maskedEmail } : { channel };
}
