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

/** ISO 8601 with milliseconds, as every time on the wire is written. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
