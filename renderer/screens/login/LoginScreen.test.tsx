import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, AuthState } from '../../../shared/index.js';
import { machineIsOnHongKongTime } from '../../i18n/format-time.js';
import { feedAuthState } from '../../state/auth-feed.js';
import { useSessionStore } from '../../state/session-store.js';
import {
  fail,
  installFakeBridge,
  ok,
  renderWithProviders,
  testAppInfo,
} from '../shell/test-support.js';
import LoginScreen from './LoginScreen.js';

const fake = installFakeBridge();

const appInfo = testAppInfo;

async function signInAs(userId: string, password: string) {
  fireEvent.change(screen.getByLabelText('User ID'), { target: { value: userId } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  });
}

beforeEach(() => {
  fake.reset();
  useSessionStore.getState().setAppInfo(appInfo());
  feedAuthState({ step: 'signedOut' });
});
afterEach(cleanup);

describe('LoginScreen', () => {
  it('fills the remembered user ID and puts focus on the password', async () => {
    await renderWithProviders(<LoginScreen />);
    expect(screen.getByLabelText<HTMLInputElement>('User ID').value).toBe('C00101');
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
  });

  it('follows the remembered user ID when it changes while the field is untouched', async () => {
    // The core remembered another user meanwhile (the last sign-in on this workstation).
    await renderWithProviders(<LoginScreen />);
    act(() =>
      useSessionStore
        .getState()
        .setAppInfo(appInfo({ settings: { ...appInfo().settings, lastUserId: 'C00102' } })),
    );
    expect(screen.getByLabelText<HTMLInputElement>('User ID').value).toBe('C00102');
  });

  it('keeps a user ID the user typed when the remembered one changes', async () => {
    await renderWithProviders(<LoginScreen />);
    fireEvent.change(screen.getByLabelText('User ID'), { target: { value: 'C00103' } });
    act(() =>
      useSessionStore
        .getState()
        .setAppInfo(appInfo({ settings: { ...appInfo().settings, lastUserId: 'C00102' } })),
    );
    expect(screen.getByLabelText<HTMLInputElement>('User ID').value).toBe('C00103');
  });

  it('remembers nobody on a shared desk', async () => {
    useSessionStore.setState({ appInfo: appInfo({ sharedDesk: true }) });
    await renderWithProviders(<LoginScreen />);
    expect(screen.getByLabelText<HTMLInputElement>('User ID').value).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('User ID'));
  });

  it('names a missing field instead of calling the host', async () => {
    await renderWithProviders(<LoginScreen />);
    await signInAs('C00101', '');
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(fake.calls).toEqual([]);
  });

  it('sends what a Chinese IME types (full-width, ideographic space, lower case) as the user ID it names', async () => {
    fake.answer('login', () =>
      ok<AuthState>({
        step: 'otp',
        userId: 'C00101',
        channel: 'totp',
        expiresAt: new Date().toISOString(),
      }),
    );
    await renderWithProviders(<LoginScreen />);
    await signInAs('\u3000Ｃ００１０１\u3000', 'Demo-Pass-101!');
    expect(fake.calls.filter((c) => c.name === 'login')).toEqual([
      { name: 'login', input: { userId: 'C00101', password: 'Demo-Pass-101!' } },
    ]);
    expect(screen.getByLabelText<HTMLInputElement>('User ID').value).toBe('C00101');
    fake.reset();
    feedAuthState({ step: 'signedOut' });
    cleanup();
    fake.answer('login', () =>
      ok<AuthState>({
        step: 'otp',
        userId: 'C00102',
        channel: 'email',
        expiresAt: new Date().toISOString(),
      }),
    );
    await renderWithProviders(<LoginScreen />);
    await signInAs('ｃ00102', 'Demo-Pass-102!');
    expect(fake.calls.filter((c) => c.name === 'login')).toEqual([
      { name: 'login', input: { userId: 'C00102', password: 'Demo-Pass-102!' } },
    ]);
  });

  it.each([
    ['Chinese characters', '陳大文'],
    ['300 characters', 'C'.repeat(300)],
    ['a space inside', 'C00 101'],
  ])('answers %s at the field without calling the bridge', async (_, typed) => {
    await renderWithProviders(<LoginScreen />);
    await signInAs(typed, 'Demo-Pass-101!');
    expect(screen.getByText('User IDs look like C00101.')).toBeTruthy();
    expect(fake.calls).toEqual([]);
    expect(document.activeElement).toBe(screen.getByLabelText('User ID'));
    expect(screen.queryByRole('alert')?.textContent ?? '').not.toMatch(/should not have/);
    // Editing the field takes the message away.
    fireEvent.change(screen.getByLabelText('User ID'), { target: { value: 'C00101' } });
    expect(screen.queryByText('User IDs look like C00101.')).toBeNull();
  });

  it('says the user ID rule in zh-HK', async () => {
    await renderWithProviders(<LoginScreen />, 'zh-HK');
    fireEvent.change(screen.getByLabelText('用戶編號'), { target: { value: '陳大文' } });
    fireEvent.change(screen.getByLabelText('密碼'), { target: { value: 'x' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '登入' }));
    });
    expect(screen.getByText('用戶編號的格式如 C00101。')).toBeTruthy();
    expect(fake.calls).toEqual([]);
  });

  it('says until when a locked account is locked, in Hong Kong time with its date, and who to call', async () => {
    // 18:45 in Hong Kong, on a day that is not today: the date is named.
    const lockedUntil = '2099-11-25T10:45:00.000Z';
    const hkt = machineIsOnHongKongTime(Date.parse(lockedUntil)) ? '' : ' HKT';
    fake.answer('login', () => fail<AuthState>('ACCOUNT_LOCKED', { lockedUntil }));
    await renderWithProviders(<LoginScreen />);
    await signInAs('C00104', 'Demo-Pass-104!');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      `Your account is locked until 25 Nov 2099 18:45${hkt}. To unlock it sooner, contact your Delegated Administrator (DA).`,
    );
    expect(document.activeElement).toBe(alert);
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });

  it("warns when one password attempt is left, with the lock's length; not before", async () => {
    const left = [2, 1];
    fake.answer('login', () =>
      fail<AuthState>('INVALID_CREDENTIALS', { attemptsLeft: left.shift(), lockDurationSec: 900 }),
    );
    await renderWithProviders(<LoginScreen />);
    await signInAs('C00101', 'whatever-1A!');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The user ID or password is not correct. Check both and try again.',
    );
    await signInAs('C00101', 'whatever-2B!');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The user ID or password is not correct. Check both and try again. One attempt left before your account is locked for 15 minutes.',
    );
  });

  it('warns of the last password attempt in zh-HK', async () => {
    fake.answer('login', () =>
      fail<AuthState>('INVALID_CREDENTIALS', { attemptsLeft: 1, lockDurationSec: 900 }),
    );
    await renderWithProviders(<LoginScreen />, 'zh-HK');
    fireEvent.change(screen.getByLabelText('用戶編號'), { target: { value: 'C00101' } });
    fireEvent.change(screen.getByLabelText('密碼'), { target: { value: 'x' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '登入' }));
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      '用戶編號或密碼不正確。請檢查兩者後再試。尚餘一次機會。再輸入錯誤，帳戶將被鎖定 15 分鐘。',
    );
  });

  it('gives the wait of a rate limit in seconds', async () => {
    fake.answer('login', () => fail<AuthState>('RATE_LIMITED', { retryAfterSec: 42 }));
    await renderWithProviders(<LoginScreen />);
    await signInAs('C00101', 'whatever-1A!');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many attempts from this workstation. Try again in 42 seconds.',
    );
  });

  it('offers the connectivity check when the host cannot be reached', async () => {
    const open = vi.fn();
    fake.answer('login', () => fail<AuthState>('HOST_UNREACHABLE'));
    await renderWithProviders(<LoginScreen onOpenConnectivity={open} />);
    await signInAs('C00101', 'whatever-1A!');
    expect((await screen.findByRole('alert')).textContent).toContain('Run the connectivity check');
    fireEvent.click(screen.getByRole('button', { name: 'Run the connectivity check' }));
    expect(open).toHaveBeenCalledOnce();
  });

  it('shows bad configuration and a missing keychain as notices that do not block', async () => {
    useSessionStore.setState({
      appInfo: appInfo({
        keychainAvailable: false,
        configProblems: ['policy.json: idleTimeoutSec must be a number'],
      }),
    });
    fake.answer('login', () =>
      ok<AuthState>({
        step: 'otp',
        userId: 'C00101',
        channel: 'totp',
        expiresAt: new Date().toISOString(),
      }),
    );
    await renderWithProviders(<LoginScreen />);
    expect(
      screen.getByText(/A configuration file was ignored: policy.json: idleTimeoutSec/),
    ).toBeTruthy();
    expect(screen.getByText(/CCMS Terminal cannot use the system's credential store/)).toBeTruthy();
    await signInAs('C00101', 'Demo-Pass-101!');
    expect(useSessionStore.getState().authState?.step).toBe('otp');
  });

  it('switches to 繁體中文 and back from the sign-in screen, saving the choice', async () => {
    fake.answer('updateSettings', (input) =>
      ok<AppInfo>(appInfo({ settings: { environment: 'simulator', ...(input as object) } })),
    );
    await renderWithProviders(<LoginScreen />);
    const toZh = screen.getByRole('button', { name: '繁體中文 (change the interface language)' });
    await act(async () => {
      fireEvent.click(toZh);
    });
    // The other language's catalogs load on the switch.
    expect(await screen.findByLabelText('用戶編號')).toBeTruthy();
    expect(fake.calls).toContainEqual({ name: 'updateSettings', input: { language: 'zh-HK' } });
    expect(useSessionStore.getState().appInfo?.settings.language).toBe('zh-HK');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'English（更改介面語言）' }));
    });
    expect(await screen.findByLabelText('User ID')).toBeTruthy();
    expect(fake.calls).toContainEqual({ name: 'updateSettings', input: { language: 'en' } });
  });

  it('warns when Caps Lock is on', async () => {
    await renderWithProviders(<LoginScreen />);
    const password = screen.getByLabelText('Password');
    // jsdom's KeyboardEvent answers getModifierState('CapsLock') from modifierCapsLock.
    fireEvent.keyUp(password, { key: 'A', modifierCapsLock: true });
    expect(screen.getByText('Caps Lock is on.')).toBeTruthy();
    fireEvent.keyUp(password, { key: 'a', modifierCapsLock: false });
    expect(screen.queryByText('Caps Lock is on.')).toBeNull();
  });

  it('explains why the user is back at the login (challenge expired)', async () => {
    feedAuthState({ step: 'signedOut', reason: 'challengeExpired' });
    await renderWithProviders(<LoginScreen />);
    expect(screen.getByText(/was not entered in time/)).toBeTruthy();
  });
});
