import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { AuthState } from '../../../shared/index.js';
import { feedAuthState } from '../../state/auth-feed.js';
import { useSessionStore } from '../../state/session-store.js';
import { fail, installFakeBridge, ok, renderWithProviders } from './test-support.js';
import TerminalShell from './TerminalShell.js';

const fake = installFakeBridge();

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
const user = {
  userId: 'C00102',
  participantId: 'CP001',
  name: 'Wong Siu Ming',
  roles: ['user' as const],
};
const lockedEmail: AuthState = {
  step: 'locked',
  user,
  environment: 'simulator',
  expiresAt: '2099-01-01T00:00:00.000Z',
  channel: 'email',
  maskedEmail: 'c0***@cp001.example',
  // The core asked the host for the code as it locked: another one 30 s later.
  resendAvailableAt: new Date(T0 + 30_000).toISOString(),
};
const signedIn: AuthState = {
  step: 'signedIn',
  user,
  environment: 'simulator',
  expiresAt: '2099-01-01T00:00:00.000Z',
  idleTimeoutSec: 900,
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(T0);
  fake.answer('getTerminalSummary', () => fail('UNKNOWN'));
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
const sendButton = () => screen.getByRole('button', { name: /Send a new code|Sending/ });
const isDisabled = (el: HTMLElement) =>
  el.getAttribute('aria-disabled') === 'true' || el.hasAttribute('disabled');

describe('LockScreen, email channel', () => {
  it('says where the code went, offers a new code after 30 s, and unlocks with the emailed code', async () => {
    fake.answer('sendUnlockCode', () =>
      ok({ ...lockedEmail, resendAvailableAt: new Date(Date.now() + 30_000).toISOString() }),
    );
    fake.answer('unlock', ({ code }) =>
      code === '482913' ? ok(signedIn) : fail('OTP_INVALID', { attemptsLeft: 4 }),
    );
    await show(lockedEmail);
    expect(screen.getByRole('heading', { name: 'Terminal locked' })).toBeTruthy();
    expect(screen.getByTestId('lock-email-sent').textContent).toContain(
      'We sent a code to c0***@cp001.example',
    );
    expect(screen.queryByText(/authenticator app/)).toBeNull();

    // The host's 30 s resend rule, as the core reports it.
    expect(isDisabled(sendButton())).toBe(true);
    expect(screen.getByTestId('lock-resend-in').textContent).toBe(
      'You can ask for a new code in 30 s.',
    );
    await act(async () => sendButton().click());
    expect(fake.calls.some((c) => c.name === 'sendUnlockCode')).toBe(false);

    act(() => vi.advanceTimersByTime(30_000));
    expect(isDisabled(sendButton())).toBe(false);
    await act(async () => sendButton().click());
    expect(fake.calls.filter((c) => c.name === 'sendUnlockCode')).toHaveLength(1);
    expect(
      screen.getByText('A new code was sent. Use only the newest code.').getAttribute('role'),
    ).toBe('status');
    expect(isDisabled(sendButton())).toBe(true);

    const input = screen.getByLabelText('One-time password');
    await act(async () => fireEvent.change(input, { target: { value: '482913' } }));
    expect(useSessionStore.getState().authState?.step).toBe('signedIn');
    expect(fake.calls.filter((c) => c.name === 'unlock').map((c) => c.input)).toEqual([
      { code: '482913' },
    ]);
  });

  it('before the host has locked too: says the code is to come, and explains UNLOCK_CODE_NOT_SENT with the wait in minutes', async () => {
    fake.answer('sendUnlockCode', () => fail('UNLOCK_CODE_NOT_SENT', { retryAfterSec: 250 }));
    const { resendAvailableAt: _none, ...notYet } = lockedEmail as Extract<
      AuthState,
      { step: 'locked' }
    >;
    await show(notYet);
    expect(screen.getByTestId('lock-email-sent').textContent).toBe(
      'We will email a code to c0***@cp001.example as soon as the host allows it (when it has locked your session too).',
    );
    expect(isDisabled(sendButton())).toBe(false);
    await act(async () => sendButton().click());
    expect(
      await screen.findByText(
        'The host has not locked your session yet, so no unlock code was emailed. Try again in 5 min, or sign out and sign in again.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('A new code was sent. Use only the newest code.')).toBeNull();
  });

  it('speaks Hong Kong Chinese: 電郵 and the masked address', async () => {
    await show(lockedEmail, 'zh-HK');
    expect(screen.getByRole('heading', { name: '終端機已鎖定' })).toBeTruthy();
    expect(screen.getByTestId('lock-email-sent').textContent).toBe(
      '我們已將一次性密碼以電郵發送至 c0***@cp001.example，可能需時一分鐘送達；請只使用最新的一個。',
    );
    expect(screen.getByRole('button', { name: '發送新的一次性密碼' })).toBeTruthy();
  });

  it('unlocks with a code typed in full-width digits (Chinese IME), sent as ASCII digits', async () => {
    fake.answer('unlock', () => ok(signedIn));
    await show({ ...lockedEmail, channel: 'totp', maskedEmail: undefined } as AuthState, 'zh-HK');
    await act(async () => {
      fireEvent.change(screen.getByRole('textbox'), { target: { value: '４８２９１３' } });
    });
    expect(fake.calls.filter((c) => c.name === 'unlock').map((c) => c.input)).toEqual([
      { code: '482913' },
    ]);
    expect(useSessionStore.getState().authState?.step).toBe('signedIn');
  });

  it('a TOTP user sees no email text and no send button', async () => {
    await show({ ...lockedEmail, channel: 'totp', maskedEmail: undefined } as AuthState);
    expect(screen.queryByTestId('lock-email-sent')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send a new code' })).toBeNull();
    expect(screen.getByText(/authenticator app/)).toBeTruthy();
  });

  it('a TOTP user is pointed at the app only, and "Unlock" with too few digits asks for six and sends nothing', async () => {
    await show({ ...lockedEmail, channel: 'totp', maskedEmail: undefined } as AuthState);
    expect(screen.getByText('Use the 6-digit code your authenticator app shows now.')).toBeTruthy();
    const unlock = screen.getByRole('button', { name: 'Unlock' });
    expect(isDisabled(unlock)).toBe(false);
    fireEvent.change(screen.getByRole('textbox', { name: 'One-time password' }), {
      target: { value: '123' },
    });
    await act(async () => unlock.click());
    expect(screen.getByText('Enter the 6 digits of the code.')).toBeTruthy();
    expect(fake.calls.filter((c) => c.name === 'unlock')).toHaveLength(0);
  });
});
