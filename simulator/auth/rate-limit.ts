import type { Clock } from '../clock.js';

/** An admitted sign-in attempt; settle it exactly once, when its outcome is known. */
export interface Attempt {
  /** `failed`: the attempt counts as a failure of the address. */
  settle(failed: boolean): void;
}

/** The answer to `admit`: an attempt to settle, or how long the address must wait. */
export type Admission = { attempt: Attempt } | { retryAfterSec: number };

/**
 * Counts failed sign-ins per client address in a sliding window: lockout protects one account,
 * this slows one client spraying many accounts, and bounds the argon2 work one address can cause.
 * An attempt is reserved (in flight) before its password is hashed and settled after, so a burst
 * of concurrent attempts cannot all pass the check before the first failure is counted. A refused
 * attempt counts as a failure too: a client that ignores `retryAfterSec` stays refused.
 * Memory only; a restart forgives.
 */
export class FailureRateLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();
  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowSec: number,
  ) {}

  private recent(address: string): number[] {
    const since = this.clock.now() - this.windowSec * 1000;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(address);
    else this.failures.set(address, list);
    return list;
  }

  private fail(address: string): void {
    const list = this.recent(address);
    list.push(this.clock.now());
    // Keep the memory bounded whatever a client does.
    if (list.length > this.limit * 2) list.splice(0, list.length - this.limit * 2);
    this.failures.set(address, list);
  }

  private changeInFlight(address: string, by: number): void {
    const n = (this.inFlight.get(address) ?? 0) + by;
    if (n <= 0) this.inFlight.delete(address);
    else this.inFlight.set(address, n);
  }

  // Seconds until failures plus attempts in flight fall below the limit; attempts in flight end
  // within a hash, so when they alone hold the address 1 s is the honest answer.
  private waitSec(address: string): number {
    const list = this.recent(address);
    const busy = list.length + (this.inFlight.get(address) ?? 0);
    if (busy < this.limit) return 0;
    const mustExpire = busy - this.limit + 1;
    if (mustExpire > list.length) return 1;
    const expiresAt = (list[mustExpire - 1] ?? this.clock.now()) + this.windowSec * 1000;
    return Math.max(1, Math.ceil((expiresAt - this.clock.now()) / 1000));
  }

  /** Reserves one attempt of the address, or refuses it (counting the refusal as a failure). */
  admit(address: string): Admission {
    if (this.limit === 0) return { attempt: { settle: () => {} } };
    if (this.waitSec(address) > 0) {
      this.fail(address);
      return { retryAfterSec: this.waitSec(address) };
    }
    this.changeInFlight(address, 1);
    let settled = false;
    return {
      attempt: {
        settle: (failed) => {
          if (settled) return;
          settled = true;
          this.changeInFlight(address, -1);
          if (failed) this.fail(address);
        },
      },
    };
  }
}
