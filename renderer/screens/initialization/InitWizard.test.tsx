import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { USER_PASSWORD_POLICY, type AuthState } from '../../../shared/index.js';
import { feedAuthState } from '../../state/auth-feed.js';
import { useInitStore } from '../../state/init-store.js';
import { fail, installFakeBridge, ok, renderWithProviders } from '../shell/test-support.js';
import InitWizard from './InitWizard.js';
import { authenticatorAccountName, groupKey } from './qr.js';

const fake = installFakeBridge();
const later = new Date(Date.now() + 1_800_000).toISOString();
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DP';
const base = {
  step: 'init',
  userId: 'C00103',
  passwordPolicy: USER_PASSWORD_POLICY,
  expiresAt: later,
} as const;
const appSetup: AuthState = {
  ...base,
  steps: ['channel'],
  channelSetup: {
    channel: 'totp',
    secret: SECRET,
    otpauthUri: `otpauth://totp/CCMS:C00103?secret=${SECRET}&issuer=CCMS`,
    digits: 6,
    period: 30,
  },
};
const ruleState = (rule: string) =>
  document.querySelector(`[data-rule="${rule}"]`)?.getAttribute('data-state');
const currentStep = () =>
  document.querySelector('[aria-current="step"]')?.getAttribute('data-step');

beforeEach(() => {
  fake.reset();
});
afterEach(cleanup);

describe('InitWizard', () => {
  it("judges the password live, and on the host's refusal keeps what was typed and marks only the rule that failed", async () => {
    fake.answer('initSetPassword', () =>
      fail<AuthState>('PASSWORD_POLICY', { violations: ['history'] }),
    );
    feedAuthState({ ...base, steps: ['password', 'channel'] });
    await renderWithProviders(<InitWizard />);
    expect(currentStep()).toBe('password');
    const field = screen.getByLabelText('New password');
    const confirmField = screen.getByLabelText('Confirm new password');
    expect(document.activeElement).toBe(field);

    fireEvent.change(field, { target: { value: 'c00103abc' } });
    expect(ruleState('min_length')).toBe('unmet');
    expect(ruleState('user_id')).toBe('unmet');
    expect(ruleState('letter')).toBe('met');
    expect(ruleState('common')).toBe('host');

    fireEvent.change(field, { target: { value: 'Password-2026!' } });
    fireEvent.change(confirmField, { target: { value: 'Password-2026!' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    });
    // A refused call may have moved the core, so its state is asked for before the error shows.
    expect(fake.calls).toEqual([
      { name: 'initSetPassword', input: { newPassword: 'Password-2026!' } },
      { name: 'getAuthState', input: {} },
    ]);
    // Nothing typed is lost, the rules met stay met, and only the host's rule is marked.
    expect((field as HTMLInputElement).value).toBe('Password-2026!');
    expect((confirmField as HTMLInputElement).value).toBe('Password-2026!');
    expect(ruleState('history')).toBe('hostFailed');
    expect(ruleState('common')).toBe('host');
    expect(ruleState('min_length')).toBe('met');
    expect(ruleState('symbol')).toBe('met');
    // The reason sits at the rule, is announced, and the user is back where the password is typed.
    const reason = 'You have used this password before. Choose one that is not among your last 5.';
    expect(document.querySelector('[data-rule="history"]')?.textContent).toContain(reason);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([reason]);
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-describedby')).toContain('password-rule-refused-history');

    // The verdict was about the password sent: editing it returns the rule to "checked by the host".
    fireEvent.change(field, { target: { value: 'Password-2027!' } });
    expect(ruleState('history')).toBe('host');
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it("marks a rule the host judged differently from the terminal, with the host's verdict", async () => {
    fake.answer('initSetPassword', () =>
      fail<AuthState>('PASSWORD_POLICY', { violations: ['symbol'] }),
    );
    feedAuthState({ ...base, steps: ['password', 'channel'] });
    await renderWithProviders(<InitWizard />);
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'Harbour-2026£' } });
    fireEvent.change(screen.getByLabelText('Confirm new password'), {
      target: { value: 'Harbour-2026£' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    });
    expect(ruleState('symbol')).toBe('hostFailed');
    expect(ruleState('digit')).toBe('met');
    expect(document.querySelector('[data-rule="symbol"]')?.textContent).toContain(
      'The host refused the password under this rule.',
    );
  });

  it('says the policy error itself when the host names no rule the terminal knows', async () => {
    fake.answer('initSetPassword', () =>
      fail<AuthState>('PASSWORD_POLICY', { violations: ['dictionary_word'] }),
    );
    feedAuthState({ ...base, steps: ['password', 'channel'] });
    await renderWithProviders(<InitWizard />);
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'Harbour-2026!' } });
    fireEvent.change(screen.getByLabelText('Confirm new password'), {
      target: { value: 'Harbour-2026!' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('does not meet the rules');
    expect((screen.getByLabelText('New password') as HTMLInputElement).value).toBe('Harbour-2026!');
  });

  it('judges the confirmation only once it is left or on submit, and clears the message as soon as they match', async () => {
    feedAuthState({ ...base, steps: ['password', 'channel'] });
    await renderWithProviders(<InitWizard />);
    const field = screen.getByLabelText('New password');
    const confirmField = screen.getByLabelText('Confirm new password');
    const mismatch = () => screen.queryByText('The two passwords do not match.');
    // Typing the first password, the confirmation still empty: no complaint.
    fireEvent.change(field, { target: { value: 'Good-Pa' } });
    expect(mismatch()).toBeNull();
    fireEvent.change(field, { target: { value: 'Good-Pass-2026!' } });
    expect(mismatch()).toBeNull();
    // Passing through the empty confirmation (Tab in and out) is not a mismatch either.
    fireEvent.blur(confirmField);
    expect(mismatch()).toBeNull();
    // Typing the confirmation: judged only when the field is left.
    fireEvent.change(confirmField, { target: { value: 'Good-Pass' } });
    expect(mismatch()).toBeNull();
    fireEvent.blur(confirmField);
    expect(mismatch()).not.toBeNull();
    // Fixed: the message goes at the keystroke that makes them match.
    fireEvent.change(confirmField, { target: { value: 'Good-Pass-2026!' } });
    expect(mismatch()).toBeNull();
  });

  it('refuses a confirmation that does not match, without calling the host', async () => {
    feedAuthState({ ...base, steps: ['password', 'channel'] });
    await renderWithProviders(<InitWizard />);
    fireEvent.change(screen.getByLabelText('New password'), {
      target: { value: 'Good-Pass-2026!' },
    });
    fireEvent.change(screen.getByLabelText('Confirm new password'), {
      target: { value: 'Good-Pass-2026?' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    });
    expect(screen.getByText('The two passwords do not match.')).toBeTruthy();
    expect(fake.calls.filter((c) => c.name === 'initSetPassword')).toEqual([]);
  });

  it("resumes at the app step from the core's state and shows the key in groups of four", async () => {
    feedAuthState(appSetup);
    await renderWithProviders(<InitWizard />);
    expect(currentStep()).toBe('confirm');
    expect(await screen.findByRole('img', { name: /QR code/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: "Can't scan?" }));
    expect(screen.getByTestId('totp-key').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    expect(document.activeElement).toBe(screen.getByLabelText('One-time password'));
  });

  it('says the account name the authenticator app will list, environment included', async () => {
    const issuer = encodeURIComponent('CCMS (Connectivity Test)');
    feedAuthState({
      ...appSetup,
      channelSetup: {
        channel: 'totp',
        secret: SECRET,
        otpauthUri: `otpauth://totp/${issuer}:C00103?secret=${SECRET}&issuer=${issuer}`,
        digits: 6,
        period: 30,
      },
    });
    await renderWithProviders(<InitWizard />);
    expect(screen.getByTestId('totp-account').textContent).toBe(
      'Your authenticator app will list this account as “CCMS (Connectivity Test): C00103”.',
    );
  });

  it('confirms the app with a code typed in full-width digits (Chinese IME)', async () => {
    fake.answer('initConfirm', () => fail<AuthState>('OTP_INVALID'));
    feedAuthState(appSetup);
    await renderWithProviders(<InitWizard />, 'zh-HK');
    await act(async () => {
      fireEvent.change(screen.getByRole('textbox'), { target: { value: '１２３４５６' } });
    });
    expect(fake.calls.find((c) => c.name === 'initConfirm')?.input).toEqual({ code: '123456' });
  });

  it('drops the secret from the store when the user leaves the app step', async () => {
    feedAuthState(appSetup);
    await renderWithProviders(<InitWizard />);
    expect(useInitStore.getState().totpSetup?.secret).toBe(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Use a different method' }));
    expect(currentStep()).toBe('channel');
    expect(useInitStore.getState().totpSetup).toBeNull();
  });

  it('shows the done screen after the confirmation although the session is already signed in', async () => {
    fake.answer('initConfirm', () =>
      ok<AuthState>({
        step: 'signedIn',
        user: { userId: 'C00103', participantId: 'CP001', name: 'Test', roles: ['user'] },
        environment: 'simulator',
        expiresAt: later,
        idleTimeoutSec: 900,
      }),
    );
    feedAuthState(appSetup);
    await renderWithProviders(<InitWizard />);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('One-time password'), { target: { value: '123456' } });
    });
    expect(screen.getByRole('heading', { name: '2FA Initialization is complete' })).toBeTruthy();
    expect(currentStep()).toBe('done');
    expect(useInitStore.getState().totpSetup).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Continue to CCMS Terminal' }));
    expect(useInitStore.getState().completedChannel).toBeNull();
  });
});

describe('InitWizard: the email deliverability check (the renderer clock moved by fake timers)', () => {
  const T0 = Date.UTC(2026, 11, 1, 8, 0, 0);
  const signedIn: AuthState = {
    step: 'signedIn',
    user: { userId: 'C00103', participantId: 'CP001', name: 'Test', roles: ['user'] },
    environment: 'simulator',
    expiresAt: new Date(T0 + 36_000_000).toISOString(),
    idleTimeoutSec: 900,
  };
  const emailSetup = (sentAt: number): AuthState => ({
    ...base,
    expiresAt: new Date(T0 + 1_800_000).toISOString(),
    steps: ['channel'],
    channelSetup: {
      channel: 'email',
      maskedEmail: 'c0****@cp001.example',
      expiresAt: new Date(sentAt + 300_000).toISOString(),
      resendAvailableAt: new Date(sentAt + 30_000).toISOString(),
    },
  });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: T0 });
    fake.answer('initChooseChannel', (input) =>
      input.channel === 'email' ? ok(emailSetup(Date.now())) : ok(appSetup),
    );
    fake.answer('initConfirm', () => ok(signedIn));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function chooseEmail(): Promise<void> {
    feedAuthState({ ...base, steps: ['channel'] });
    await renderWithProviders(<InitWizard />);
    fireEvent.click(screen.getByRole('radio', { name: 'Email' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    });
    feedAuthState(emailSetup(Date.now()));
    await act(async () => {});
  }
  async function waitAndType(ms: number): Promise<void> {
    await act(async () => {
      vi.advanceTimersByTime(ms);
    });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('One-time password'), {
        target: { value: '123456' },
      });
    });
  }

  it('says on the done screen that a code took 4 min 10 s of its 5 minutes, and recommends the app', async () => {
    await chooseEmail();
    await waitAndType(250_000);
    expect(screen.getByRole('heading', { name: '2FA Initialization is complete' })).toBeTruthy();
    expect(screen.getByTestId('slow-email').textContent).toBe(
      'Your code took 4 min 10 s to arrive; codes are valid for 5 minutes. Email may be too slow on this network: we recommend the authenticator app. Your Delegated Administrator can reset 2FA so that you can choose it at your next sign-in.',
    );
    // Only numbers were kept, and they go with the done screen.
    expect(useInitStore.getState().emailDelay).toEqual({ tookMs: 250_000, validMs: 300_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Continue to CCMS Terminal' }));
    expect(useInitStore.getState().emailDelay).toBeNull();
  });

  it('says it in Chinese too', async () => {
    feedAuthState({ ...base, steps: ['channel'] });
    await renderWithProviders(<InitWizard />, 'zh-HK');
    fireEvent.click(screen.getByRole('radio', { name: '電郵' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '繼續' }));
    });
    feedAuthState(emailSetup(Date.now()));
    await act(async () => {
      vi.advanceTimersByTime(200_000);
    });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('一次性密碼'), { target: { value: '123456' } });
    });
    expect(screen.getByTestId('slow-email').textContent).toContain(
      '你的一次性密碼用了 3 分 20 秒才送達，而一次性密碼的有效時間為 5 分鐘。',
    );
  });

  it('says nothing when the code came within half its validity', async () => {
    await chooseEmail();
    await waitAndType(90_000);
    expect(screen.getByRole('heading', { name: '2FA Initialization is complete' })).toBeTruthy();
    expect(screen.queryByTestId('slow-email')).toBeNull();
  });

  it('offers the authenticator app once half the code’s life has gone by without a code', async () => {
    await chooseEmail();
    await act(async () => {
      vi.advanceTimersByTime(149_000);
    });
    expect(screen.queryByTestId('slow-email-hint')).toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.getByTestId('slow-email-hint').textContent).toContain(
      'No email after 2 min 30 s? Email may be slow on this network',
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Use the authenticator app instead' }));
    });
    expect(fake.calls.filter((c) => c.name === 'initChooseChannel').map((c) => c.input)).toEqual([
      { channel: 'email' },
      { channel: 'totp' },
    ]);
    expect(useInitStore.getState().emailCode).toBeNull();
  });
});

describe('groupKey', () => {
  it('groups a base32 key by four and drops padding', () => {
    expect(groupKey('ABCDEFGHIJ==')).toBe('ABCD EFGH IJ');
  });
});

describe('authenticatorAccountName', () => {
  it("reads the label's issuer and account, percent-decoded, and nothing of the secret", () => {
    expect(
      authenticatorAccountName(`otpauth://totp/CCMS:C00101?secret=${SECRET}&issuer=CCMS`),
    ).toBe('CCMS: C00101');
    expect(
      authenticatorAccountName('otpauth://totp/CCMS%20(Simulator)%3AC00103?secret=X&issuer=CCMS'),
    ).toBe('CCMS (Simulator): C00103');
    expect(authenticatorAccountName('otpauth://totp/C00103?secret=X')).toBe('C00103');
    expect(authenticatorAccountName('otpauth://totp/%E0%A4%A?secret=X')).toBeNull();
    expect(authenticatorAccountName('otpauth://totp/?secret=X')).toBeNull();
  });
});
