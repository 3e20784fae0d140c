import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthState } from '../../../shared/index.js';
import { machineIsOnHongKongTime } from '../../i18n/format-time.js';
import { feedAuthState } from '../../state/auth-feed.js';
import { useHostStatusStore } from '../../state/host-status-store.js';
import { useSessionStore } from '../../state/session-store.js';
import {
  fail,
  installFakeBridge,
  renderWithProviders,
  testAppInfo,
} from '../shell/test-support.js';
import LoginScreen from './LoginScreen.js';

const fake = installFakeBridge();
// 1 Dec 2026 12:00 in Hong Kong; the window: 5 Dec 2026 22:00 – 23:30 Hong Kong time.
const NOW = Date.parse('2026-12-01T04:00:00.000Z');
const WINDOW = {
  startsAt: '2026-12-05T14:00:00.000Z',
  endsAt: '2026-12-05T15:30:00.000Z',
  title: 'Quarterly upgrade',
  titleZh: '季度系統升級',
};
const hkt = (lang: 'en' | 'zh') =>
  machineIsOnHongKongTime(Date.parse(WINDOW.startsAt))
    ? ''
    : lang === 'en'
      ? ' HKT'
      : '（香港時間）';

const appInfo = testAppInfo();

beforeEach(() => {
  fake.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  useSessionStore.getState().setAppInfo(appInfo);
  feedAuthState({ step: 'signedOut' });
  useHostStatusStore.setState({ status: { connection: 'ok', maintenance: [WINDOW] } });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('maintenance on the sign-in screen', () => {
  it('announces the next window within 7 days, with its title; Sign in stays available', async () => {
    vi.setSystemTime(NOW);
    await renderWithProviders(<LoginScreen />);
    expect(screen.getByTestId('maintenance-notice').textContent).toBe(
      `Scheduled maintenance: 5 Dec 2026 22:00${hkt('en')} – 23:30${hkt('en')}. Quarterly upgrade`,
    );
    expect(screen.getByRole('button', { name: 'Sign in' }).getAttribute('aria-disabled')).not.toBe(
      'true',
    );
  });

  it('says it in zh-HK', async () => {
    vi.setSystemTime(NOW);
    await renderWithProviders(<LoginScreen />, 'zh-HK');
    expect(screen.getByTestId('maintenance-notice').textContent).toContain(
      `系統維護時段：2026年12月5日 22:00${hkt('zh')} – 23:30${hkt('zh')}。季度系統升級`,
    );
  });

  it('says nothing of a window more than 7 days ahead', async () => {
    vi.setSystemTime(Date.parse(WINDOW.startsAt) - 8 * 86_400_000);
    await renderWithProviders(<LoginScreen />);
    expect(screen.queryByTestId('maintenance-notice')).toBeNull();
  });

  it('during the window: says until when, and Sign in sends nothing', async () => {
    vi.setSystemTime(Date.parse(WINDOW.startsAt) + 60_000);
    fake.answer('login', () => fail<AuthState>('HOST_MAINTENANCE'));
    await renderWithProviders(<LoginScreen />);
    expect(screen.getByTestId('maintenance-notice').textContent).toContain(
      `CCMS is under maintenance until 23:30${hkt('en')}. Sign-in will be possible after that.`,
    );
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Demo-Pass-101!' } });
    await act(async () => {
      fireEvent.submit(button.closest('form')!);
    });
    expect(fake.calls.filter((c) => c.name === 'login')).toEqual([]);
  });

  it("gives the host's HOST_MAINTENANCE refusal with its end", async () => {
    useHostStatusStore.setState({ status: { connection: 'ok', maintenance: [] } });
    vi.setSystemTime(NOW);
    fake.answer('login', () => fail<AuthState>('HOST_MAINTENANCE', { endsAt: WINDOW.endsAt }));
    await renderWithProviders(<LoginScreen />);
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Demo-Pass-101!' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      `CCMS is under maintenance until 5 Dec 2026 23:30${hkt('en')}. Sign-in will be possible after that.`,
    );
  });
});
