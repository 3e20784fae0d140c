import { describe, expect, it, vi } from 'vitest';
import type { AuthState } from '../../../shared/bridge.js';
import { nullLogger } from '../logging/logger.js';
import { REMEMBER_AFTER_MS, followSignIns } from './sign-in-follow-up.js';

const signedIn: AuthState = {
  step: 'signedIn',
  user: { userId: 'C00101', participantId: 'CP001', name: 'Chan Tai Man', roles: ['user'] },
  environment: 'simulator',
  expiresAt: '2026-12-01T18:00:00.000Z',
  idleTimeoutSec: 900,
} as AuthState;

function wire(sharedDesk = false, lastUserId?: string) {
  let listener: (s: AuthState) => void = () => undefined;
  const remembered: string[] = [];
  const saved: string[] = [];
  const heard: string[] = [];
  const f = followSignIns({
    session: {
      state: () => ({ step: 'signedOut' }),
      onChange: (l) => ((listener = l), () => undefined),
      onIdleWarning: () => () => undefined,
    },
    vault: { rememberSignIn: async (env, user) => void remembered.push(`${env}/${user}`) },
    config: {
      sharedDesk: () => sharedDesk,
      settings: () => (lastUserId === undefined ? {} : { lastUserId }),
      update: async (p) => void saved.push(p.lastUserId),
    },
    log: nullLogger,
    emitAuthState: (s) => heard.push(s.step),
    emitIdleWarning: () => undefined,
  });
  return { f, go: (s: AuthState) => listener(s), remembered, saved, heard };
}

describe('what follows a sign-in transition', () => {
  it('remembers a new sign-in once; unlocking is not a new sign-in', async () => {
    const w = wire();
    w.go(signedIn);
    w.go({ ...signedIn, step: 'locked' } as AuthState);
    w.go(signedIn);
    await w.f.settled();
    expect(w.heard).toEqual(['signedIn', 'locked', 'signedIn']);
    expect(w.remembered).toEqual(['simulator/C00101']);
    expect(w.saved).toEqual(['C00101']);
  });

  it.each([
    ['keeps no user ID on a shared desk', true, undefined],
    ['writes no settings when the same user signs in again', false, 'C00101'],
  ])('%s', async (_name, sharedDesk, lastUserId) => {
    const w = wire(sharedDesk, lastUserId);
    w.go(signedIn);
    await w.f.settled();
    expect(w.remembered).toEqual(['simulator/C00101']);
    expect(w.saved).toEqual([]);
  });

  it('remembers after the reply: nothing of it runs in the microtasks that answer the call', async () => {
    const w = wire();
    let replied = false;
    // As the router answers: the state change, then the reply in the microtasks that follow.
    await Promise.resolve()
      .then(() => w.go(signedIn))
      .then(() => Promise.resolve())
      .then(() => {
        replied = true;
        expect(w.remembered).toEqual([]);
        expect(w.saved).toEqual([]);
      });
    await w.f.settled();
    expect(replied).toBe(true);
    expect(w.remembered).toEqual(['simulator/C00101']);
    expect(w.saved).toEqual(['C00101']);
  });

  // Fake timers: no test waits out the second; a wait not cut short would never end here.
  it('remembers a second after the sign-in, or at once when asked to settle (getAppInfo, quitting)', async () => {
    vi.useFakeTimers();
    try {
      const w = wire();
      w.go(signedIn);
      await vi.advanceTimersByTimeAsync(REMEMBER_AFTER_MS - 1);
      expect(w.remembered).toEqual([]);
      await w.f.settled();
      expect(w.remembered).toEqual(['simulator/C00101']);
      expect(w.saved).toEqual(['C00101']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('remembers by itself once the second is over', async () => {
    vi.useFakeTimers();
    try {
      const w = wire();
      w.go(signedIn);
      await vi.advanceTimersByTimeAsync(REMEMBER_AFTER_MS);
      expect(w.remembered).toEqual(['simulator/C00101']);
      expect(w.saved).toEqual(['C00101']);
    } finally {
      vi.useRealTimers();
    }
  });
});
