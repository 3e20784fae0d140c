import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { AuthState, TerminalSummary } from '../../../shared/index.js';
import { feedAuthState } from '../../state/auth-feed.js';
import { useSessionStore } from '../../state/session-store.js';
import { useShellStore } from '../../state/shell-store.js';
import { fail, installFakeBridge, ok, renderWithProviders } from './test-support.js';
import TerminalShell from './TerminalShell.js';

const fake = installFakeBridge();

const user = {
  userId: 'C00101',
  participantId: 'CP001',
  name: 'Chan Tai Man',
  roles: ['user' as const],
};
const signedIn = (roles: ('user' | 'da')[] = ['user']): AuthState => ({
  step: 'signedIn',
  user: { ...user, roles },
  environment: 'simulator',
  expiresAt: new Date(Date.now() + 10 * 3600_000).toISOString(),
  idleTimeoutSec: 900,
});
const locked: AuthState = {
  step: 'locked',
  user,
  environment: 'simulator',
  expiresAt: '2099-01-01T00:00:00.000Z',
};

const summary: TerminalSummary = {
  participant: { participantId: 'CP001', name: 'Demo Clearing Participant Ltd' },
  accounts: [{ accountId: 'CP001-H', name: 'House account', type: 'house', status: 'active' }],
  collateral: [{ currency: 'HKD', required: 12500000, deposited: 13000000.5, excess: 500000.5 }],
  notices: [
    {
      id: 'n1',
      publishedAt: '2026-11-24T01:00:00.000Z',
      title: 'Holiday arrangements',
      titleZh: '假期安排',
    },
  ],
  asOf: '2026-11-25T01:00:00.000Z',
};

beforeEach(() => {
  fake.answer('getTerminalSummary', () => ok(summary));
  fake.answer('reportActivity', () => ok({}));
});
afterEach(() => {
  cleanup();
  fake.reset();
  vi.useRealTimers();
});

async function show(state: AuthState, language: 'en' | 'zh-HK' = 'en') {
  feedAuthState(state);
  return renderWithProviders(<TerminalShell />, language);
}

describe('TerminalShell', () => {
  it('shows who is signed in and the terminal home from the summary', async () => {
    await show(signedIn());
    expect(screen.getByTestId('shell-user').textContent).toBe('Chan Tai Man (C00101)');
    expect(await screen.findByRole('cell', { name: 'House account' })).toBeTruthy();
    // The host's type and status codes are read out as words.
    expect(screen.getByRole('cell', { name: 'House' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Active' })).toBeTruthy();
    const collateral = screen.getByRole('table', { name: 'Collateral balances by currency' });
    expect(within(collateral).getByText('12,500,000.00')).toBeTruthy();
    expect(within(collateral).getByText('500,000.50')).toBeTruthy();
    expect(screen.getByText('Holiday arrangements')).toBeTruthy();
    // Name and ID are laid out apart (a long name gives way at the minimum window size); the
    // tooltip and the text read out stay whole.
    const participant = screen.getByTitle('Demo Clearing Participant Ltd (CP001)');
    expect(participant.textContent).toBe('Demo Clearing Participant Ltd (CP001)');
    expect(screen.getByRole('status', { name: 'Environment: Simulator' })).toBeTruthy();
    // Hours and minutes in words, not a clock: 9:59:58 would read as a time of day.
    expect(screen.getByTestId('session-left').textContent).toMatch(/^(9 h 59 min|10 h 0 min)$/);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Security Management Function (DMS)' })).toBeNull();

    await act(async () => screen.getByRole('button', { name: 'Refresh' }).click());
    expect(fake.calls.filter((c) => c.name === 'getTerminalSummary')).toHaveLength(2);
    expect(screen.getByRole('cell', { name: 'House account' })).toBeTruthy();
  });

  it('shows notices with their Chinese title and Traditional Chinese labels in zh-HK', async () => {
    await show(signedIn(), 'zh-HK');
    expect(await screen.findByText('假期安排')).toBeTruthy();
    expect(screen.getByRole('button', { name: '登出' })).toBeTruthy();
    expect(screen.getByTestId('session-left').textContent).toMatch(
      /^(9 小時 59 分鐘|10 小時 0 分鐘)$/,
    );
    expect(screen.getByRole('cell', { name: '公司' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '正常' })).toBeTruthy();
  });

  it('says when the summary cannot be loaded and retries', async () => {
    fake.answer('getTerminalSummary', () => fail('HOST_UNREACHABLE'));
    await show(signedIn());
    expect(await screen.findByText('The terminal home could not be loaded.')).toBeTruthy();
    fake.answer('getTerminalSummary', () => ok(summary));
    await act(async () => screen.getByRole('button', { name: 'Try again' }).click());
    expect(await screen.findByRole('cell', { name: 'House account' })).toBeTruthy();
  });

  it('offers the DMS console to a DA only', async () => {
    await show(signedIn(['user', 'da']));
    expect(screen.getByRole('button', { name: 'Security Management Function (DMS)' })).toBeTruthy();
  });

  it('counts the idle warning down each second and stays signed in on request', async () => {
    await show(signedIn());
    vi.useFakeTimers({
      toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'],
    });
    act(() => fake.emit('idleWarning', { secondsLeft: 60 }));
    const countdown = screen.getByTestId('idle-countdown');
    expect(countdown.textContent).toContain('60 seconds');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId('idle-countdown').textContent).toContain('59 seconds');
    act(() => vi.advanceTimersByTime(58_000));
    expect(screen.getByTestId('idle-countdown').textContent).toContain('1 second ');

    await act(async () => screen.getByRole('button', { name: 'Stay signed in' }).click());
    expect(screen.queryByTestId('idle-countdown')).toBeNull();
    expect(fake.calls.some((c) => c.name === 'reportActivity')).toBe(true);
  });

  it('unlocks the locked terminal with a one-time password, showing attempts left after a wrong one', async () => {
    fake.answer('unlock', ({ code }) =>
      code === '123456' ? ok(signedIn()) : fail('OTP_INVALID', { attemptsLeft: 3 }),
    );
    await show(locked);
    expect(screen.getByRole('heading', { name: 'Terminal locked' })).toBeTruthy();
    const input = screen.getByLabelText('One-time password');

    await act(async () => fireEvent.change(input, { target: { value: '000000' } }));
    expect(await screen.findByText(/3 attempts left/)).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe('');

    await act(async () => fireEvent.change(input, { target: { value: '123456' } }));
    expect(useSessionStore.getState().authState?.step).toBe('signedIn');
    expect(await screen.findByRole('heading', { name: 'Terminal home' })).toBeTruthy();
    expect(JSON.stringify(useShellStore.getState())).not.toContain('123456');
    expect(fake.calls.filter((c) => c.name === 'unlock').map((c) => c.input)).toEqual([
      { code: '000000' },
      { code: '123456' },
    ]);
  });

  it('signs out from the lock screen too', async () => {
    fake.answer('logout', () => ok({ step: 'signedOut' }));
    await show(locked);
    await act(async () => screen.getByRole('button', { name: 'Sign out' }).click());
    expect(useSessionStore.getState().authState).toEqual({ step: 'signedOut' });
  });
});
