import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthState } from '../../../shared/index.js';
import { feedAuthState } from '../../state/auth-feed.js';
import { useSessionStore } from '../../state/session-store.js';
import { fail, installFakeBridge, ok, renderWithProviders } from '../shell/test-support.js';
import OtpPrompt from './OtpPrompt.js';

const fake = installFakeBridge();
const T0 = Date.parse('2026-11-25T09:00:00.000Z');
const at = (sec: number) => new Date(T0 + sec * 1000).toISOString();

function emailState(over: Partial<Extract<AuthState, { step: 'otp' }>> = {}): AuthState {
  return {
    step: 'otp',
    userId: 'C00102',
    channel: 'email',
    maskedEmail: 'c0***@cp001.example',
    expiresAt: at(300),
    resendAvailableAt: at(30),
    ...over,
  };
}

beforeEach(() => {
  fake.reset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('OtpPrompt', () => {
  it('counts down to expiresAt and enables "Resend code" at resendAvailableAt (fake clock)', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(T0);
    feedAuthState(emailState());
    await renderWithProviders(<OtpPrompt />);

    expect(screen.getByText(/c0\*\*\*@cp001\.example/)).toBeTruthy();
    expect(screen.getByTestId('otp-countdown').textContent).toBe('The code expires in 5:00.');
    const resend = screen.getByRole('button', { name: 'Resend code' });
    expect(resend.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('You can ask for a new code in 30 s.')).toBeTruthy();

    act(() => vi.advanceTimersByTime(29_000));
    expect(screen.getByTestId('otp-countdown').textContent).toBe('The code expires in 4:31.');
    expect(resend.getAttribute('aria-disabled')).toBe('true');

    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByTestId('otp-countdown').textContent).toBe('The code expires in 4:30.');
    expect(resend.getAttribute('aria-disabled')).not.toBe('true');

    act(() => vi.advanceTimersByTime(270_000));
    expect(screen.queryByTestId('otp-countdown')).toBeNull();
    expect(screen.getByTestId('otp-code-expired').textContent).toBe(
      'This code has expired. Send a new code.',
    );
  });

  it('an expired email code keeps the prompt: "This code has expired", Resend offered, the challenge still counted', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(T0 + 301_000);
    fake.answer('submitOtp', () => fail('OTP_EXPIRED'));
    fake.answer('resendOtp', () =>
      ok(emailState({ codeExpiresAt: at(601), resendAvailableAt: at(331), resendsLeft: 3 })),
    );
    feedAuthState(emailState({ expiresAt: at(600), codeExpiresAt: at(300), resendsLeft: 4 }));
    await renderWithProviders(<OtpPrompt />);
    expect(screen.getByTestId('otp-code-expired').textContent).toBe(
      'This code has expired. Send a new code.',
    );
    await act(async () => {
      fireEvent.change(screen.getByLabelText('One-time password'), {
        target: { value: '123456' },
      });
    });
    // The host's answer says the same once, as the alert; the prompt (and the password) stay.
    expect(screen.getByRole('alert').textContent).toBe('This code has expired. Send a new code.');
    expect(screen.getByTestId('otp-code-expired').textContent).toBe('');
    const resend = screen.getByRole('button', { name: 'Resend code' });
    expect(resend.getAttribute('aria-disabled')).not.toBe('true');
    await act(async () => {
      fireEvent.click(resend);
    });
    expect(fake.calls.map((c) => c.name)).toContain('resendOtp');
    expect(screen.getByText('A new code was sent. Use only the newest code.')).toBeTruthy();
    expect(screen.getByTestId('otp-countdown').textContent).toBe('The code expires in 5:00.');
  });

  it('says no more codes can be sent when the host allows no more (resendsLeft 0), with Resend disabled', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(T0 + 301_000);
    feedAuthState(
      emailState({ expiresAt: at(600), codeExpiresAt: at(300), resendsLeft: 0, codeExpired: true }),
    );
    await renderWithProviders(<OtpPrompt />);
    expect(screen.getByTestId('otp-code-expired').textContent).toBe(
      'This code has expired, and no more codes can be sent for this sign-in. Cancel and sign in again.',
    );
    expect(screen.getByRole('button', { name: 'Resend code' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
  });

  it('submits on the sixth digit, clears the code, and says how many attempts are left', async () => {
    fake.answer('submitOtp', () => fail('OTP_INVALID', { attemptsLeft: 3 }));
    feedAuthState(emailState());
    await renderWithProviders(<OtpPrompt />);
    const input = screen.getByLabelText<HTMLInputElement>('One-time password');
    await act(async () => {
      fireEvent.change(input, { target: { value: '123456' } });
    });
    expect(fake.calls.filter((c) => c.name === 'submitOtp')).toEqual([
      { name: 'submitOtp', input: { code: '123456' } },
    ]);
    expect(input.value).toBe('');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That code is not correct.');
    expect(alert.textContent).toContain('You have 3 attempts left before your account is locked.');
    expect(document.activeElement).toBe(alert);
  });

  it('takes a code typed in full-width digits (Chinese IME) and sends it as ASCII digits', async () => {
    fake.answer('submitOtp', () => fail('OTP_INVALID'));
    feedAuthState(emailState());
    await renderWithProviders(<OtpPrompt />, 'zh-HK');
    await act(async () => {
      fireEvent.change(screen.getByRole('textbox'), { target: { value: '４８２９１３' } });
    });
    expect(fake.calls.find((c) => c.name === 'submitOtp')?.input).toEqual({ code: '482913' });
  });

  it('submits with Enter and tells an expired code from a used one', async () => {
    const answers = [fail<AuthState>('OTP_EXPIRED'), fail<AuthState>('OTP_REUSED')];
    fake.answer('submitOtp', () => answers.shift() ?? fail('UNKNOWN'));
    feedAuthState({
      step: 'otp',
      userId: 'C00101',
      channel: 'totp',
      expiresAt: at(300),
    });
    await renderWithProviders(<OtpPrompt />);
    expect(screen.getByText(/authenticator app/)).toBeTruthy();
    const input = screen.getByLabelText<HTMLInputElement>('One-time password');
    const form = input.closest('form');
    if (!form) throw new Error('the OTP input is not in a form');

    fireEvent.change(input, { target: { value: '11111' } });
    await act(async () => {
      fireEvent.submit(form);
    });
    expect(screen.getByText('Enter the 6 digits of the code.')).toBeTruthy();
    expect(fake.calls.some((c) => c.name === 'submitOtp')).toBe(false);

    fireEvent.change(input, { target: { value: '111111' } });
    expect((await screen.findByRole('alert')).textContent).toContain('That code has expired.');
    expect(screen.getByRole('alert').textContent).toContain(
      'check that your phone sets its date and time',
    );

    fireEvent.change(input, { target: { value: '222222' } });
    await vi.waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('already been used'),
    );
  });

  it('"Cancel" asks the core to end the sign-in', async () => {
    fake.answer('cancelLogin', () => ok<AuthState>({ step: 'signedOut' }));
    feedAuthState(emailState());
    await renderWithProviders(<OtpPrompt />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    });
    expect(fake.calls.map((c) => c.name)).toContain('cancelLogin');
    expect(useSessionStore.getState().authState).toEqual({ step: 'signedOut' });
  });
});
