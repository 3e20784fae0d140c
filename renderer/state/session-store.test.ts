// The login form's remembered user ID follows the last user who signed in on this workstation,
// as the core remembers it (settings' lastUserId), when two users take turns in one window. The
// fake bridge stands in for the core: it remembers the user of each successful sign-in.
import { describe, expect, it, vi } from 'vitest';
import type { AppInfo, AuthState } from '../../shared/index.js';
import { installFakeBridge, ok, testAppInfo } from '../screens/shell/test-support.js';
import { feedAuthState } from './auth-feed.js';
import { selectStartUserId, useSessionStore } from './session-store.js';

const fake = installFakeBridge();
const later = new Date(Date.now() + 300_000).toISOString();
const signedIn = (userId: string): AuthState => ({
  step: 'signedIn',
  user: { userId, participantId: 'CP001', name: 'T', roles: ['user'] },
  environment: 'simulator',
  expiresAt: later,
  idleTimeoutSec: 900,
});
const appInfo = (lastUserId?: string): AppInfo =>
  testAppInfo({
    settings: { language: 'en', environment: 'simulator', ...(lastUserId && { lastUserId }) },
  });

describe('remembered user ID across sign-ins in one window', () => {
  it('offers the last user who signed in, not the one remembered when the window opened', async () => {
    let remembered: string | undefined = 'C00101';
    // The sign-out's own refresh is slow: the form must not wait for it to be right.
    let holdSignOutRefresh = false;
    fake.answer('getAppInfo', () =>
      holdSignOutRefresh ? new Promise(() => undefined) : ok(appInfo(remembered)),
    );
    useSessionStore.getState().setAppInfo(appInfo('C00101'));
    feedAuthState({ step: 'signedOut' });
    expect(selectStartUserId(useSessionStore.getState())).toBe('C00101');

    // C00102 signs in: the core now remembers C00102.
    remembered = 'C00102';
    feedAuthState({ step: 'otp', userId: 'C00102', channel: 'totp', expiresAt: later });
    feedAuthState(signedIn('C00102'));
    await vi.waitFor(() =>
      expect(useSessionStore.getState().appInfo?.settings.lastUserId).toBe('C00102'),
    );

    holdSignOutRefresh = true;
    feedAuthState({ step: 'signedOut' });
    expect(selectStartUserId(useSessionStore.getState())).toBe('C00102');
  });

  it('an unlock is not a new sign-in: no extra read of app info', () => {
    fake.answer('getAppInfo', () => ok(appInfo('C00101')));
    feedAuthState(signedIn('C00101'));
    const { user, environment, expiresAt } = signedIn('C00101') as Extract<
      AuthState,
      { step: 'signedIn' }
    >;
    feedAuthState({ step: 'locked', user, environment, expiresAt });
    const before = fake.calls.filter((c) => c.name === 'getAppInfo').length;
    feedAuthState(signedIn('C00101'));
    expect(fake.calls.filter((c) => c.name === 'getAppInfo').length).toBe(before);
  });
});
