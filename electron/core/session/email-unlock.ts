// Unlocking an email-channel user (README.md, "Unlocking an email-channel user"): the host emails
// a step-up code only to the first authenticated call that finds the session idle-locked on the
// host, so the request waits until the host's idle timeout has surely run out.
import { CcmsError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { HostLog } from '../host/host-client.js';
import { unlockCodeNotSent, type HostIdleEstimate } from './host-idle.js';
import type { InternalState } from './session-state.js';

type Locked = Extract<InternalState, { step: 'locked' }>;

/** The host's resend rule when its reply does not say (docs/protocol.md, email OTP). */
const RESEND_COOLDOWN_MS = 30_000;

/** What the email unlock needs of the machine around it. */
export interface UnlockMachine {
  current(): InternalState;
  update(next: InternalState): void;
  enter(next: InternalState): void;
  /** Runs `fn` after `ms` unless the state changes first. */
  later(ms: number, fn: () => void): void;
}

/** The email-channel half of the locked state. */
export class EmailUnlock {
  constructor(
    private readonly machine: UnlockMachine,
    private readonly clock: Clock,
    private readonly hostIdle: HostIdleEstimate,
    private readonly log?: HostLog,
  ) {}

  /** How long until the host can email `s`'s user an unlock code (0: now, or not email). */
  wait(s: Locked): number {
    return s.otp?.channel === 'email' ? this.hostIdle.msUntilIdle(s.session.idleTimeoutSec) : 0;
  }

  /** Just locked: asks for the code once the host is surely idle too. */
  schedule(): void {
    const s = this.machine.current();
    if (s.step !== 'locked' || s.otp?.channel !== 'email') return;
    const ask = () => {
      if (this.machine.current() !== s) return;
      this.request(s).catch((err: unknown) => {
        this.log?.debug('unlock code request failed', { code: (err as CcmsError).code });
      });
    };
    const wait = this.wait(s);
    if (wait === 0) ask();
    else this.machine.later(wait, ask);
  }

  /** On demand: refuses while no code can be sent yet, else asks the host now. */
  async sendNow(s: Locked): Promise<void> {
    if (s.otp?.channel !== 'email')
      throw new CcmsError(
        'WRONG_STATE',
        'Only a user of the email channel is sent an unlock code.',
      );
    const wait = this.wait(s);
    if (wait > 0) throw unlockCodeNotSent(wait);
    const again = s.resendAvailableAt ? Date.parse(s.resendAvailableAt) - this.clock.now() : 0;
    if (again > 0)
      throw new CcmsError('RESEND_TOO_SOON', 'A new unlock code cannot be sent yet.', {
        retryAfterSec: Math.ceil(again / 1000),
      });
    await this.request(s);
  }

  /** `GET /session` on a locked session: the host's `SESSION_LOCKED` means it emailed the code. */
  private async request(s: Locked): Promise<void> {
    try {
      await s.target.host.getSession(s.session.token);
    } catch (err) {
      if (!(err instanceof CcmsError)) throw err;
      if (err.code === 'SESSION_LOCKED') return this.codeSent(s, err);
      if (err.code === 'SESSION_EXPIRED' && this.machine.current() === s)
        this.machine.enter({ step: 'signedOut', reason: 'sessionExpired' });
      throw err;
    }
    // 200: the host still had the session active, and this call restarted its idle timer.
    this.hostIdle.touched();
    if (this.machine.current() === s) this.schedule();
    throw unlockCodeNotSent(this.wait(s));
  }

  private codeSent(s: Locked, err: CcmsError): void {
    this.hostIdle.idle();
    // The host says when it sends again; an older host does not, and its rule counts from its
    // send, which was no later than this reply.
    const told = err.details.resendAvailableAt;
    const resendAvailableAt = told ?? new Date(this.clock.now() + RESEND_COOLDOWN_MS).toISOString();
    if (this.machine.current() === s) this.machine.update({ ...s, resendAvailableAt });
  }
}
