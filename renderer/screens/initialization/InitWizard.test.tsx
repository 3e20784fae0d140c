import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { USER_PASSWORD_POLICY, type AuthState } from '../../../shared/index.js';
import { feedAuthState } from '../../state/auth-feed.js';
import { useInitStore } from '../../state/init-store.js';
import { fail, installFakeBridge, ok, renderWithProviders } from '../shell/test-support.js';
import InitWizard from './InitWizard.js';
import { groupKey } from './qr.js';

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
  it("judges the password live and maps the host's PASSWORD_POLICY violations onto the checklist", async () => {
    fake.answer('initSetPassword', () =>
      fail<AuthState>('PASSWORD_POLICY', { violations: ['common', 'history'] }),
    );
    feedAuthState({ ...base, steps: ['password', 'channel'] });
    await renderWithProviders(<InitWizard />);
    expect(currentStep()).toBe('password');
    const field = screen.getByLabelText('New password');
    expect(document.activeElement).toBe(field);

    fireEvent.change(field, { target: { value: 'c00103abc' } });
    expect(ruleState('min_length')).toBe('unmet');
    expect(ruleState('user_id')).toBe('unmet');
    expect(ruleState('letter')).toBe('met');
    expect(ruleState('common')).toBe('host');

    fireEvent.change(field, { target: { value: 'Password-2026!' } });
    fireEvent.change(screen.getByLabelText('Confirm new password'), {
      target: { value: 'Password-2026!' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    });
    // A refused call may have moved the core, so its state is asked for before the error shows.
    expect(fake.calls).toEqual([
      { name: 'initSetPassword', input: { newPassword: 'Password-2026!' } },
      { name: 'getAuthState', input: {} },
    ]);
    expect(ruleState('common')).toBe('hostFailed');
    expect(ruleState('history')).toBe('hostFailed');
    expect(screen.getByRole('alert').textContent).toContain('does not meet the rules');
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

describe('groupKey', () => {
  it('groups a base32 key by four and drops padding', () => {
    expect(groupKey('ABCDEFGHIJ==')).toBe('ABCD EFGH IJ');
  });
});
