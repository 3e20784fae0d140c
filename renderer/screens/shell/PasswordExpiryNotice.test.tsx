import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import type { AuthState } from '../../../shared/index.js';
import { feedAuthState } from '../../state/auth-feed.js';
import { installFakeBridge, renderWithProviders } from './test-support.js';
import { PasswordExpiryNotice } from './PasswordExpiryNotice.js';

installFakeBridge();
afterEach(cleanup);

const NOW = Date.parse('2026-12-01T04:00:00.000Z');
const DAY = 86_400_000;
const signedIn = (passwordExpiresAt?: string): AuthState => ({
  step: 'signedIn',
  user: { userId: 'C00115', participantId: 'CP001', name: 'Tsang Hoi Yan', roles: ['user'] },
  environment: 'simulator',
  expiresAt: new Date(NOW + 10 * 3600_000).toISOString(),
  idleTimeoutSec: 900,
  ...(passwordExpiresAt && { passwordExpiresAt }),
});

describe('PasswordExpiryNotice', () => {
  it('names the day the password ends and the DA reset that changes it, within 14 days', async () => {
    feedAuthState(signedIn('2026-12-14T02:00:00.000Z'));
    await renderWithProviders(<PasswordExpiryNotice now={NOW} />);
    expect(screen.getByTestId('password-expiry-notice').textContent).toBe(
      'Your password expires soon' +
        'Your password expires on 14 Dec 2026. Change it before then: ask your Delegated Administrator (DA) to reset your password. You will receive a temporary password by email and choose a new password at your next sign-in.',
    );
  });

  it('says it in zh-HK with the date as Hong Kong writes it', async () => {
    feedAuthState(signedIn('2026-12-14T02:00:00.000Z'));
    await renderWithProviders(<PasswordExpiryNotice now={NOW} />, 'zh-HK');
    expect(screen.getByTestId('password-expiry-notice').textContent).toContain(
      '你的密碼將於 2026年12月14日 到期',
    );
  });

  it('says nothing when the end is more than 14 days away, or there is none', async () => {
    feedAuthState(signedIn(new Date(NOW + 14 * DAY + 60_000).toISOString()));
    const { unmount } = await renderWithProviders(<PasswordExpiryNotice now={NOW} />);
    expect(screen.queryByTestId('password-expiry-notice')).toBeNull();
    unmount();
    feedAuthState(signedIn());
    await renderWithProviders(<PasswordExpiryNotice now={NOW} />);
    expect(screen.queryByTestId('password-expiry-notice')).toBeNull();
  });
});
