/** A source of the current time, so tests move the clock instead of sleeping. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests of every time-bound rule. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(startMs: number = Date.now()) {
    this.ms = startMs;
  }
  now(): number {
    return this.ms;
  }
  /** Moves the clock forward (or back, with a negative value) by `ms` milliseconds. */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`advance: ${ms} is not a finite number`);
    this.ms += ms;
  }
  /** Sets the clock to `ms` since the epoch. */
  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`set: ${ms} is not a finite number`);
    this.ms = ms;
  }
}

/**
 * The real clock, moved on by hand: for tests that run on real timers (the e2e tests' browser and
 * core) yet must reach a time hours away, such as the end of a DMS exception.
 */
export class ShiftedClock implements Clock {
  private shiftMs = 0;
  now(): number {
    return Date.now() + this.shiftMs;
  }
  /** Moves the clock forward (or back, with a negative value) by `ms` milliseconds. */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`advance: ${ms} is not a finite number`);
    this.shiftMs += ms;
  }
}

/** ISO 8601 with milliseconds, as every time on the wire is written. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
