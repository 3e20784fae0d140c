/** An opaque handle for a scheduled callback. */
export type TimerHandle = { readonly id: number };

/** Time and timers, injected so tests move the clock instead of sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` once after `ms` milliseconds. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  /** Cancels a scheduled callback; unknown or fired handles are ignored. */
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock: `Date.now()` and Node's timers (unref'd, so they never keep a process alive). */
export function createSystemClock(): Clock {
  let next = 1;
  const timers = new Map<number, NodeJS.Timeout>();
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const id = next++;
      // Node timers overflow above 2^31-1 ms (~24.8 days) and fire at once; clamp instead.
      const delay = Math.min(Math.max(0, ms), 2_147_483_647);
      const t = setTimeout(() => {
        timers.delete(id);
        fn();
      }, delay);
      t.unref();
      timers.set(id, t);
      return { id };
    },
    clearTimeout(handle) {
      const t = timers.get(handle.id);
      if (t) clearTimeout(t);
      timers.delete(handle.id);
    },
  };
}

/** The process-wide real clock. */
export const systemClock: Clock = createSystemClock();

/** A clock for tests: time stands still until `advance` moves it and fires what fell due. */
export class ManualClock implements Clock {
  private current: number;
  private next = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void; seq: number }>();

  constructor(start: number | string | Date = Date.UTC(2026, 0, 1, 9, 0, 0)) {
    this.current = typeof start === 'number' ? start : new Date(start).getTime();
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.next++;
    this.timers.set(id, { at: this.current + Math.max(0, ms), fn, seq: id });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  /** How many callbacks are waiting. */
  pending(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every due callback in time order (ties: scheduling order). */
  advance(ms: number): void {
    const target = this.current + Math.max(0, ms);
    for (;;) {
      let due: { id: number; at: number; fn: () => void; seq: number } | undefined;
      for (const [id, t] of this.timers) {
        if (t.at > target) continue;
        if (!due || t.at < due.at || (t.at === due.at && t.seq < due.seq)) due = { id, ...t };
      }
      if (!due) break;
      this.timers.delete(due.id);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }

  /** Moves time to an absolute instant (never backwards). */
  advanceTo(at: number | string | Date): void {
    const ms = typeof at === 'number' ? at : new Date(at).getTime();
    this.advance(ms - this.current);
  }

  /** Sets the wall clock without firing timers, as when the OS clock jumps. */
  jump(ms: number): void {
    this.current += ms;
  }
}
