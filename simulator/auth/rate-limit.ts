import type { Clock } from '../clock.js';

/**
 * Counts failed logins per client address in a sliding window: lockout protects one account,
 * this slows one client spraying many accounts. Memory only; a restart forgives.
 */
export class FailureRateLimiter {
  private readonly failures = new Map<string, number[]>();
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

  /** Seconds to wait before the address may try again, or 0. */
  retryAfterSec(address: string): number {
    if (this.limit === 0) return 0;
    const list = this.recent(address);
    if (list.length < this.limit) return 0;
    const oldest = list[list.length - this.limit] ?? this.clock.now();
    return Math.max(1, Math.ceil((oldest + this.windowSec * 1000 - this.clock.now()) / 1000));
  }

  /** Records one failure of the address. */
  fail(address: string): void {
    if (this.limit === 0) return;
    const list = this.recent(address);
    list.push(this.clock.now());
    // Keep the memory bounded whatever a client does.
    if (list.length > this.limit * 2) list.splice(0, list.length - this.limit * 2);
    this.failures.set(address, list);
  }
}
