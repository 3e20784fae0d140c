import type { Clock, TimerHandle } from '../clock.js';

/**
 * The timers of one session state: its deadline (challenge, init token or absolute expiry) and,
 * when signed in, the idle warning and lock. Each keeps its wall-clock instant too, because timers
 * run on a monotonic clock that may stand still while the machine sleeps.
 */
export class SessionTimers {
  private deadlineTimer: TimerHandle | undefined;
  private deadline: { at: number; fire: () => void } | undefined;
  private idleTimers: TimerHandle[] = [];
  private idleLockAt: number | undefined;
  private taskTimer: TimerHandle | undefined;

  constructor(private readonly clock: Clock) {}

  /** Runs `fire` at the wall-clock instant `at` (ms), replacing the previous deadline. */
  setDeadline(at: number, fire: () => void): void {
    if (this.deadlineTimer) this.clock.clearTimeout(this.deadlineTimer);
    this.deadline = { at, fire };
    this.deadlineTimer = this.clock.setTimeout(fire, at - this.clock.now());
  }

  /** (Re)starts the idle countdown: `onWarn(warnSec)` `warnSec` before `onLock`. */
  setIdle(
    idleSec: number,
    warnSec: number,
    onWarn: (secondsLeft: number) => void,
    onLock: () => void,
  ): void {
    this.clearIdle();
    const warn = Math.min(warnSec, idleSec);
    this.idleLockAt = this.clock.now() + idleSec * 1000;
    this.idleTimers = [
      this.clock.setTimeout(() => onWarn(warn), (idleSec - warn) * 1000),
      this.clock.setTimeout(onLock, idleSec * 1000),
    ];
  }

  /** Runs `fn` after `ms` (a state's follow-up work, e.g. asking for an unlock code), replacing the previous one. */
  setTask(ms: number, fn: () => void): void {
    if (this.taskTimer) this.clock.clearTimeout(this.taskTimer);
    this.taskTimer = this.clock.setTimeout(() => {
      this.taskTimer = undefined;
      fn();
    }, ms);
  }

  /** Which wall-clock instant has passed without its timer firing, if any (the deadline first). */
  overdue(): { kind: 'deadline'; fire: () => void } | { kind: 'idle' } | null {
    const now = this.clock.now();
    if (this.deadline && now >= this.deadline.at)
      return { kind: 'deadline', fire: this.deadline.fire };
    if (this.idleLockAt !== undefined && now >= this.idleLockAt) return { kind: 'idle' };
    return null;
  }

  /** Cancels everything. */
  clear(): void {
    this.clearIdle();
    if (this.taskTimer) this.clock.clearTimeout(this.taskTimer);
    this.taskTimer = undefined;
    if (this.deadlineTimer) this.clock.clearTimeout(this.deadlineTimer);
    this.deadlineTimer = undefined;
    this.deadline = undefined;
  }

  private clearIdle(): void {
    for (const t of this.idleTimers) this.clock.clearTimeout(t);
    this.idleTimers = [];
    this.idleLockAt = undefined;
  }
}
