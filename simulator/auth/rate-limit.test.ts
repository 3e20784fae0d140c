import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { FailureRateLimiter, type Admission } from './rate-limit.js';

const attemptOf = (a: Admission) => {
  if (!('attempt' in a)) throw new Error(`refused: ${a.retryAfterSec}`);
  return a.attempt;
};

describe('FailureRateLimiter', () => {
  it('counts attempts in flight against the limit, and refusals as failures', () => {
    const clock = new ManualClock(0);
    const limiter = new FailureRateLimiter(clock, 3, 60);
    const inFlight = [1, 2, 3].map(() => attemptOf(limiter.admit('a')));
    // Only attempts in flight hold the address: they end within a hash.
    expect(limiter.admit('a')).toEqual({ retryAfterSec: 1 });
    expect('attempt' in limiter.admit('b')).toBe(true);
    for (const a of inFlight) a.settle(true);
    clock.advance(10_000);
    // Four failures (three settled, one refusal) in the window: the 2nd oldest must expire.
    expect(limiter.admit('a')).toEqual({ retryAfterSec: 50 });
    clock.advance(50_000);
    expect('attempt' in limiter.admit('a')).toBe(true);
  });

  it('forgets an attempt that succeeded, and settles each attempt once', () => {
    const limiter = new FailureRateLimiter(new ManualClock(0), 1, 60);
    const a = attemptOf(limiter.admit('a'));
    a.settle(false);
    a.settle(true);
    expect('attempt' in limiter.admit('a')).toBe(true);
  });
});
