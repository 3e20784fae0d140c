// The machinery under the sign-in state machine: the current state, its timers and listeners,
// one call at a time, and host calls whose errors move the machine by the state's table
// (session-errors.ts). The transitions themselves are session-manager.ts.
import type { AuthState } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { HostLog } from '../host/host-client.js';
import { HostIdleEstimate } from './host-idle.js';
import type { ErrorTable } from './session-errors.js';
import { toAuthState, type InternalState } from './session-state.js';
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

export const wrongState = (what: string, step: Step) =>
  new CcmsError('WRONG_STATE', `${what} is not possible now (the terminal is ${step}).`);

/** The state, its timers and listeners; `lock` is the one transition timers need. */
export abstract class SessionMachine {
  protected s: InternalState = { step: 'signedOut' };
  private epoch = 0;
  protected readonly timers: SessionTimers;
  protected readonly hostIdle: HostIdleEstimate;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly stateListeners = new Set<(s: AuthState) => void>();
  private readonly warningListeners = new Set<(secondsLeft: number) => void>();

  constructor(protected readonly opts: SessionManagerOptions) {
    this.timers = new SessionTimers(opts.clock);
    this.hostIdle = new HostIdleEstimate(opts.clock);
  }

  /** Locks at once (OS lock, suspend, or the idle timer). */
  abstract lock(): void;

  /** The renderer's view of the current state. */
  state(): AuthState {
    return toAuthState(this.s);
  }

  onChange(listener: (s: AuthState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onIdleWarning(listener: (secondsLeft: number) => void): () => void {
    this.warningListeners.add(listener);
    return () => this.warningListeners.delete(listener);
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

  /**
   * Awaits a host call; on a host error, `errors` (the state's table, session-errors.ts) moves
   * the machine unless something else already did; the error is rethrown either way.
   */
  protected async guard<T, S extends InternalState>(
    from: S,
    call: () => Promise<T>,
    errors: ErrorTable<S>,
  ): Promise<T> {
    const epoch = this.epoch;
    let result: T;
    try {
      result = await call();
    } catch (err) {
      if (err instanceof CcmsError && this.epoch === epoch && this.s === from) {
        const outcome = errors[err.code]?.(from, err);
        if (outcome && 'enter' in outcome) this.enter(outcome.enter);
        else if (outcome) this.update(outcome.update);
      }
      throw err;
    }
    if (this.epoch !== epoch)
      throw new CcmsError('WRONG_STATE', 'The sign-in ended while waiting for the host.');
    return result;
  }

  protected expect<K extends Step>(step: K, what: string): Extract<InternalState, { step: K }> {
    if (this.s.step !== step) throw wrongState(what, this.s.step);
    return this.s as Extract<InternalState, { step: K }>;
  }

  protected serial<T>(fn: () => Promise<T>): Promise<T> {
    const step = () => {
      this.catchUp();
      return fn();
    };
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Enters a state: old timers go, the new state's timers are armed, listeners hear of it. */
  protected enter(next: InternalState): void {
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
  protected update(next: InternalState): void {
    this.s = next;
    this.emit();
  }

  protected armExpiry(expiresAt: string): void {
    this.at(expiresAt, () => {
      if (this.s.step === 'signedIn' || this.s.step === 'locked')
        this.enter({ step: 'signedOut', reason: 'sessionExpired' });
    });
  }

  protected armIdle(idleTimeoutSec: number): void {
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
