// Proves docs/architecture.md's rule "no password or code in renderer state after submit" for every zustand
// store the renderer has. The bridge is a fake that records calls: this test is about the stores,
// not the core, so the fake stands in for the main process and shows the secrets did go out.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { USER_PASSWORD_POLICY, type AuthState } from '../../shared/index.js';
import App from '../App.js';
import {
  fail,
  installFakeBridge,
  ok,
  renderWithProviders,
  testAppInfo,
} from '../screens/shell/test-support.js';
import { allStores } from '../test-setup.js';

const fake = installFakeBridge();

/** Everything every store holds, as text (functions are skipped by JSON). */
function allStoreText(): string {
  return [...allStores.values()].map((s) => JSON.stringify(s.getState())).join('\n');
}

const PASSWORD = 'Demo-Pass-101!';
const NEW_PASSWORD = 'Brand-New-Pass-77!';
const WRONG_CODE = '987654';
const CONFIRM_CODE = '246810';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DP';
const appInfo = testAppInfo({ settings: { language: 'en', environment: 'simulator' } });
const later = new Date(Date.now() + 300_000).toISOString();
const initBase = {
  step: 'init',
  userId: 'C00103',
  passwordPolicy: USER_PASSWORD_POLICY,
  expiresAt: later,
} as const;

// The fake core's state is the last one it answered with, as getAuthState then reports it.
let coreState: AuthState = { step: 'signedOut' };
const core = (state: AuthState) => {
  coreState = state;
  return ok(state);
};
fake.answer('getAppInfo', () => ok(appInfo));
fake.answer('getAuthState', () => ok(coreState));
fake.answer('login', (input) =>
  core(
    input.userId === 'C00103'
      ? { ...initBase, steps: ['password', 'channel'] }
      : { step: 'otp', userId: input.userId, channel: 'totp', expiresAt: later },
  ),
);
fake.answer('submitOtp', () => fail('OTP_INVALID', { attemptsLeft: 4 }));
fake.answer('initSetPassword', () => core({ ...initBase, steps: ['channel'] }));
fake.answer('initChooseChannel', () =>
  core({
    ...initBase,
    steps: ['channel'],
    channelSetup: {
      channel: 'totp',
      secret: SECRET,
      otpauthUri: `otpauth://totp/CCMS:C00103?secret=${SECRET}&issuer=CCMS`,
      digits: 6,
      period: 30,
    },
  }),
);
fake.answer('initConfirm', () =>
  core({
    step: 'signedIn',
    user: { userId: 'C00103', participantId: 'CP001', name: 'Test User', roles: ['user'] },
    environment: 'simulator',
    expiresAt: later,
    idleTimeoutSec: 900,
  }),
);

const sentInputs = (name: string) => fake.calls.filter((c) => c.name === name).map((c) => c.input);

beforeEach(() => {
  fake.calls.length = 0;
  coreState = { step: 'signedOut' };
});
afterEach(cleanup);

describe('no password, code or TOTP secret stays in any store (fake bridge records the calls)', () => {
  it('finds the stores to check', () => {
    expect([...allStores.keys()]).toEqual(
      expect.arrayContaining([
        './state/session-store.ts:useSessionStore',
        './state/otp-store.ts:useOtpStore',
        './state/init-store.ts:useInitStore',
        './state/shell-store.ts:useShellStore',
      ]),
    );
  });

  it('forgets the password after login and the code after a wrong OTP', async () => {
    await renderWithProviders(<App />);
    fireEvent.change(await screen.findByLabelText('User ID'), { target: { value: 'C00101' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: PASSWORD } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });
    expect(sentInputs('login')).toEqual([{ userId: 'C00101', password: PASSWORD }]);
    expect(allStoreText()).not.toContain(PASSWORD);

    const otp = await screen.findByLabelText<HTMLInputElement>('One-time password');
    await act(async () => {
      fireEvent.change(otp, { target: { value: WRONG_CODE } });
    });
    expect(sentInputs('submitOtp')).toEqual([{ code: WRONG_CODE }]);
    await screen.findByRole('alert');
    expect(allStoreText()).not.toContain(WRONG_CODE);
    // A wrong code leaves the core at the OTP step: the prompt stays, empty, with the error.
    expect(screen.getByLabelText('One-time password')).toBe(otp);
    expect(otp.value).toBe('');
    expect(document.body.innerHTML).not.toContain(PASSWORD);
  });

  it('forgets the new password, the confirmation code and the secret in the 2FA wizard', async () => {
    await renderWithProviders(<App />);
    fireEvent.change(await screen.findByLabelText('User ID'), { target: { value: 'C00103' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'Temp-Pass-103!' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });

    const first = await screen.findByLabelText('New password');
    fireEvent.change(first, { target: { value: NEW_PASSWORD } });
    fireEvent.change(screen.getByLabelText('Confirm new password'), {
      target: { value: NEW_PASSWORD },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    });
    expect(sentInputs('initSetPassword')).toEqual([{ newPassword: NEW_PASSWORD }]);
    expect(allStoreText()).not.toContain(NEW_PASSWORD);

    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    });
    expect(sentInputs('initChooseChannel')).toEqual([{ channel: 'totp' }]);
    // While the app step is open only the init store holds the secret, not the session store.
    const { useSessionStore } = await import('./session-store.js');
    expect(JSON.stringify(useSessionStore.getState())).not.toContain(SECRET);

    const code = await screen.findByLabelText('One-time password');
    await act(async () => {
      fireEvent.change(code, { target: { value: CONFIRM_CODE } });
    });
    expect(sentInputs('initConfirm')).toEqual([{ code: CONFIRM_CODE }]);
    await screen.findByRole('button', { name: 'Continue to CCMS Terminal' });
    const text = allStoreText();
    expect(text).not.toContain(CONFIRM_CODE);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(NEW_PASSWORD);
  });
});
