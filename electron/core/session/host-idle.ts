import { CcmsError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';

/**
 * When the host will consider our session idle, as far as the core can tell. Every authenticated
 * call restarts the host's idle timer when it arrives, so the arrival of its reply is a safe upper
 * bound: measured on our own clock, the host's idle instant is never later than that plus its
 * idle timeout. (Durations are compared, not timestamps, so the host's clock offset cancels out;
 * the margin covers the reply's trip and a host clock that runs a little slow.)
 */
export class HostIdleEstimate {
  private seenAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly marginMs = 1000,
  ) {}

  /** A reply to an authenticated call (or a new session) arrived just now. */
  touched(): void {
    this.seenAt = this.clock.now();
  }

  /** The host said the session is idle-locked: it is idle already. */
  idle(): void {
    this.seenAt = Number.NEGATIVE_INFINITY;
  }

  /** Milliseconds until the host's idle timer has surely run out (0 when it has). */
  msUntilIdle(hostIdleTimeoutSec: number): number {
    const at = this.seenAt + hostIdleTimeoutSec * 1000 + this.marginMs;
    return Math.max(0, at - this.clock.now());
  }
}

/**
 * The host still considers the session active, so it emails no unlock code (and a `GET /session`
 * now would only restart its idle timer). `waitMs`: until it will be idle.
 */
export function unlockCodeNotSent(waitMs: number): CcmsError {
  return new CcmsError(
    'UNLOCK_CODE_NOT_SENT',
    'The host still considers the session active, so it sends no unlock code yet.',
    { retryAfterSec: Math.ceil(waitMs / 1000) },
  );
}
