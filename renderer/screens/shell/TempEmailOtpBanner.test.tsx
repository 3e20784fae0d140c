import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import type { AuthState } from '../../../shared/index.js';
import { feedAuthState } from '../../state/auth-feed.js';
import { installFakeBridge, ok, renderWithProviders } from './test-support.js';
import TerminalShell from './TerminalShell.js';

const fake = installFakeBridge();

const signedIn = (tempEmailOtpUntil?: string): AuthState => ({
  step: 'signedIn',
  user: { userId: 'C00110', participantId: 'CP001', name: 'Tsang Hoi Yee', roles: ['user'] },
  environment: 'simulator',
  expiresAt: new Date(Date.now() + 10 * 3600_000).toISOString(),
  idleTimeoutSec: 900,
  ...(tempEmailOtpUntil !== undefined && { tempEmailOtpUntil }),
});

beforeEach(() => {
  fake.answer('getTerminalSummary', () =>
    ok({
      participant: { participantId: 'CP001', name: 'Demo' },
      accounts: [],
      collateral: [],
      notices: [],
      asOf: '2026-11-25T01:00:00.000Z',
    }),
  );
  fake.answer('reportActivity', () => ok({}));
});
afterEach(() => {
  cleanup();
  fake.reset();
});

describe('the temporary email OTP banner', () => {
  it('says until when the app is not used and how to set it up again, in both languages', async () => {
    feedAuthState(signedIn('2099-01-01T08:00:00.000Z'));
    const view = await renderWithProviders(<TerminalShell />);
    const banner = await screen.findByTestId('temp-email-otp-banner');
    expect(banner.textContent).toMatch(
      /^Your authenticator app is not being used until 1 Jan 2099 16:00/,
    );
    expect(banner.textContent).toContain('ask your Delegated Administrator (DA) to reset');
    view.unmount();
    await renderWithProviders(<TerminalShell />, 'zh-HK');
    const zh = await screen.findByTestId('temp-email-otp-banner');
    expect(zh.textContent).toMatch(
      /^直至 2099年1月1日 16:00.*，系統不會使用你的身份驗證流動應用程式/,
    );
    expect(zh.textContent).toContain('重設你的雙重認證');
  });

  it('is not there without an exception', async () => {
    feedAuthState(signedIn());
    await renderWithProviders(<TerminalShell />);
    await screen.findByRole('heading', { name: 'Terminal home' });
    expect(screen.queryByTestId('temp-email-otp-banner')).toBeNull();
  });
});
