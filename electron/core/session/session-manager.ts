import type { AuthState } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import type { OtpChannel, Session } from '../../../shared/protocol.js';
import type { Clock } from '../clock.js';
import type { HostLog } from '../host/host-client.js';
import { HostIdleEstimate, unlockCodeNotSent } from './host-idle.js';
import {
  toAuthState,
  type InternalState,
  type OtpRoute,
  type SessionTarget,
} from './session-state.js';
import { SessionTimers } from './session-timers.js';

/** How the session manager behaves; everything but the clock has a default. */
export interface SessionManagerOptions {
  clock: Clock;
  log?: HostLog;
  /** Machine policy's ceiling on the host's idle timeout, in seconds. */
  idleCeilingSec?: number;
  /** How long before the idle lock the warning comes, default 60 s. */
  idleWarningSec?: number;
  /** Minimum gap between keep-alive `GET /session` calls, default 60 s. */
  keepAliveEveryMs?: number;
}

type Step = InternalState['step'];

/** The host emails a new code at most once per 30 s (docs/protocol.md, email OTP resend rule). */
const RESEND_COOLDOWN_MS = 30_000;

const wrongState = (what: string, step: Step) =>
  new CcmsError('WRONG_STATE', `${what} is not possible now (the terminal is ${step}).`);

/**
 * The one sign-in state machine (README.md draws it). It alone holds the challenge id, the init
 * token and the session token, in memory; listeners see only `AuthState`.
 */
export class SessionManager {
  private s: InternalState = { step: 'signedOut' };
  private epoch = 0;
  private readonly timers: SessionTimers;
  private lastKeepAlive = 0;
  private readonly hostIdle: HostIdleEstimate;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly stateListeners = new Set<(s: AuthState) => void>();
  private readonly warningListeners = new Set<(secondsLeft: number) => void>();

  constructor(private readonly opts: SessionManagerOptions) {
    this.timers = new SessionTimers(opts.clock);
    this.hostIdle = new HostIdleEstimate(opts.clock);
  }

  /** The renderer's view of the current state. */
  state(): AuthState {
    return toAuthState(this.s);
  }

  /** Who is signed in (or locked), and where; null otherwise. */
  current(): { userId: string; target: SessionTarget } | null {
    if (this.s.step !== 'signedIn' && this.s.step !== 'locked') return null;
    return { userId: this.s.session.user.userId, target: this.s.target };
  }

  onChange(listener: (s: AuthState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onIdleWarning(listener: (secondsLeft: number) => void): () => void {
    this.warningListeners.add(listener);
    return () => this.warningListeners.delete(listener);
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
        (err) => {
          if (err.code === 'OTP_INVALID')
            this.update({ ...s, attemptsLeft: err.details.attemptsLeft ?? 0 });
          else if (err.code === 'CHALLENGE_EXPIRED')
            this.enter({ step: 'signedOut', reason: 'challengeExpired' });
          else if (err.code === 'ACCOUNT_LOCKED' || err.code === 'ACCOUNT_SUSPENDED')
            this.enter({ step: 'signedOut' });
        },
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
        (err) => {
          if (err.code === 'CHALLENGE_EXPIRED')
            this.enter({ step: 'signedOut', reason: 'challengeExpired' });
        },
      );
      // A resend replaces the code and may extend the challenge: re-arm its expiry.
      this.enter({ ...s, expiresAt: reply.expiresAt, resendAvailableAt: reply.resendAvailableAt });
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
        this.initFailure(s),
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
        this.initFailure(s),
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
      const wait = this.unlockCodeWait(s);
      if (wait > 0) throw unlockCodeNotSent(wait);
      const reply = await this.guard(
        s,
        () => s.target.host.reauth(s.session.token, code),
        (err) => {
          if (err.code === 'SESSION_EXPIRED')
            this.enter({ step: 'signedOut', reason: 'sessionExpired' });
          else if (err.code === 'ACCOUNT_LOCKED' || err.code === 'ACCOUNT_SUSPENDED')
            this.enter({ step: 'signedOut', reason: 'hostSignedOut' });
        },
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
      const s = this.expect('locked', 'Sending an unlock code');
      if (s.otp?.channel !== 'email')
        throw new CcmsError(
          'WRONG_STATE',
          'Only a user of the email channel is sent an unlock code.',
        );
      const wait = this.unlockCodeWait(s);
      if (wait > 0) throw unlockCodeNotSent(wait);
      const again = s.resendAvailableAt
        ? Date.parse(s.resendAvailableAt) - this.opts.clock.now()
        : 0;
      if (again > 0)
        throw new CcmsError(
          'RESEND_TOO_SOON',
          'A new unlock code can be sent 30 s after the last.',
          {
            retryAfterSec: Math.ceil(again / 1000),
          },
        );
      await this.requestUnlockCode(s);
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

  /** Locks at once (OS lock, suspend, or the idle timer). */
  lock(): void {
    if (this.s.step !== 'signedIn') return;
    const { target, session, otp } = this.s;
    this.enter({ step: 'locked', target, session, ...(otp && { otp }) });
    this.scheduleUnlockCode();
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

  /**
   * Applies deadlines that passed without their timer firing: timers run on a monotonic clock
   * that may stand still while the machine sleeps, the wall clock does not.
   */
  catchUp(): void {
    const due = this.timers.overdue();
    if (due?.kind === 'deadline') due.fire();
    else if (due?.kind === 'idle') this.lock();
  }

  /** Stops every timer; the state is dropped (secrets with it). */
  dispose(): void {
    this.timers.clear();
    this.s = { step: 'signedOut' };
    this.stateListeners.clear();
    this.warningListeners.clear();
  }

  // ---- internals

  private async chooseChannel(
    s: Extract<InternalState, { step: 'init' }>,
    channel: OtpChannel,
  ): Promise<void> {
    const reply = await this.guard(
      s,
      () => s.target.host.initChannel(s.initToken, channel),
      this.initFailure(s),
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

  private initFailure(_s: Extract<InternalState, { step: 'init' }>) {
    return (err: CcmsError) => {
      if (err.code === 'INIT_TOKEN_INVALID')
        this.enter({ step: 'signedOut', reason: 'initExpired' });
      else if (err.code === 'ACCOUNT_LOCKED' || err.code === 'ACCOUNT_SUSPENDED')
        this.enter({ step: 'signedOut' });
    };
  }

  private onSessionError(err: CcmsError): void {
    if (err.code === 'SESSION_EXPIRED') this.enter({ step: 'signedOut', reason: 'sessionExpired' });
    else if (err.code === 'SESSION_LOCKED') {
      this.hostIdle.idle();
      this.lock();
    }
  }

  /** How long until the host can email `s`'s user an unlock code (0: now). */
  private unlockCodeWait(s: Extract<InternalState, { step: 'locked' }>): number {
    return s.otp?.channel === 'email' ? this.hostIdle.msUntilIdle(s.session.idleTimeoutSec) : 0;
  }

  /**
   * Just locked: an email user needs the host to mail a code, which it does for the first call
   * that finds the session idle-locked. Asking earlier would only restart the host's idle timer,
   * so the request waits until the host's idle timeout has surely run out.
   */
  private scheduleUnlockCode(): void {
    const s = this.s;
    if (s.step !== 'locked' || s.otp?.channel !== 'email') return;
    const ask = () => {
      if (this.s !== s) return;
      this.requestUnlockCode(s).catch((err: unknown) => {
        this.opts.log?.debug('unlock code request failed', { code: (err as CcmsError).code });
      });
    };
    const wait = this.unlockCodeWait(s);
    if (wait === 0) ask();
    else this.timers.setTask(wait, ask);
  }

  /** `GET /session` on a locked session: the host's `SESSION_LOCKED` means it emailed the code. */
  private async requestUnlockCode(s: Extract<InternalState, { step: 'locked' }>): Promise<void> {
    try {
      await s.target.host.getSession(s.session.token);
    } catch (err) {
      if (!(err instanceof CcmsError)) throw err;
      if (err.code === 'SESSION_LOCKED') {
        this.hostIdle.idle();
        // The host stamped its send no later than this reply: its resend rule counts from here at most.
        const resendAt = this.opts.clock.now() + RESEND_COOLDOWN_MS;
        if (this.s === s)
          this.update({ ...s, resendAvailableAt: new Date(resendAt).toISOString() });
        return;
      }
      if (err.code === 'SESSION_EXPIRED' && this.s === s)
        this.enter({ step: 'signedOut', reason: 'sessionExpired' });
      throw err;
    }
    // 200: the host still had the session active, and this call restarted its idle timer.
    this.hostIdle.touched();
    if (this.s === s) this.scheduleUnlockCode();
    throw unlockCodeNotSent(this.unlockCodeWait(s));
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

  /** Awaits a host call; on a host error lets `onError` move the machine (if nothing else did), then rethrows. */
  private async guard<T>(
    from: InternalState,
    call: () => Promise<T>,
    onError: (err: CcmsError) => void,
  ): Promise<T> {
    const epoch = this.epoch;
    let result: T;
    try {
      result = await call();
    } catch (err) {
      if (err instanceof CcmsError && this.epoch === epoch && this.s === from) onError(err);
      throw err;
    }
    if (this.epoch !== epoch)
      throw new CcmsError('WRONG_STATE', 'The sign-in ended while waiting for the host.');
    return result;
  }

  private expect<K extends Step>(step: K, what: string): Extract<InternalState, { step: K }> {
    if (this.s.step !== step) throw wrongState(what, this.s.step);
    return this.s as Extract<InternalState, { step: K }>;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const step = () => {
      this.catchUp();
      return fn();
    };
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
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

  /** Enters a state: old timers go, the new state's timers are armed, listeners hear of it. */
  private enter(next: InternalState): void {
    this.timers.clear();
    this.epoch++;
    this.s = next;
    switch (next.step) {
      case 'otp':
        this.at(next.expiresAt, () =>
          this.enter({ step: 'signedOut', reason: 'challengeExpired' }),
        );
        break;
      case 'init':
        this.at(next.expiresAt, () => this.enter({ step: 'signedOut', reason: 'initExpired' }));
        break;
      case 'signedIn':
        this.armExpiry(next.session.expiresAt);
        this.armIdle(next.idleTimeoutSec);
        break;
      case 'locked':
        this.armExpiry(next.session.expiresAt);
        break;
    }
    this.emit();
  }

  /** Replaces the state's data without a transition (timers stay). */
  private update(next: InternalState): void {
    this.s = next;
    this.emit();
  }

  private armExpiry(expiresAt: string): void {
    this.at(expiresAt, () => {
      if (this.s.step === 'signedIn' || this.s.step === 'locked')
        this.enter({ step: 'signedOut', reason: 'sessionExpired' });
    });
  }

  private armIdle(idleTimeoutSec: number): void {
    const warn = (secondsLeft: number) => {
      if (this.s.step === 'signedIn') for (const l of this.warningListeners) l(secondsLeft);
    };
    this.timers.setIdle(idleTimeoutSec, this.opts.idleWarningSec ?? 60, warn, () => this.lock());
  }

  /** Schedules at a host timestamp, corrected by the host's clock offset. */
  private at(iso: string, fn: () => void): void {
    const target = 'target' in this.s ? this.s.target : undefined;
    const offset = target?.host.serverOffsetMs() ?? 0;
    this.timers.setDeadline(Date.parse(iso) - offset, fn);
  }

  private emit(): void {
    const view = this.state();
    for (const l of this.stateListeners) l(view);
  }
}

/** The OTP route of a sign-in; the masked email only for the email channel. */
function route(channel: OtpChannel, maskedEmail: string | undefined): OtpRoute {
  return channel === 'email' && maskedEmail !== undefined ? { channel, maskedEmail } : { channel };
}
