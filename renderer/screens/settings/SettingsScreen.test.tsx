import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import type { AppInfo } from '../../../shared/index.js';
import { useSessionStore } from '../../state/session-store.js';
import { fail, installFakeBridge, ok, renderWithProviders } from '../shell/test-support.js';
import SettingsScreen from './SettingsScreen.js';

const fake = installFakeBridge();

const appInfo: AppInfo = {
  version: '0.1.0',
  mode: 'browser',
  platform: 'linux',
  versions: { node: '20.20.0' },
  settings: { language: 'en', environment: 'simulator' },
  allowedEnvironments: ['simulator', 'connectivity-test'],
  sharedDesk: false,
  configProblems: [],
  keychainAvailable: true,
};

beforeEach(() => {
  useSessionStore.setState({ appInfo, authState: { step: 'signedOut' } });
});
afterEach(() => {
  cleanup();
  fake.reset();
});

describe('SettingsScreen', () => {
  it('switches the language at once and saves it', async () => {
    fake.answer('updateSettings', (input) =>
      ok({ ...appInfo, settings: { ...appInfo.settings, ...input } }),
    );
    await renderWithProviders(<SettingsScreen onClose={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();

    await act(async () => screen.getByRole('radio', { name: '繁體中文（香港）' }).click());

    // The other language's catalogs load on the switch.
    expect(await screen.findByRole('heading', { name: '設定' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-HK');
    expect(fake.calls.find((c) => c.name === 'updateSettings')?.input).toEqual({
      language: 'zh-HK',
    });
    expect(useSessionStore.getState().appInfo?.settings.language).toBe('zh-HK');
  });

  it('offers only the allowed environments, and none while signed in', async () => {
    await renderWithProviders(<SettingsScreen onClose={() => undefined} />);
    expect(screen.getByRole('radio', { name: 'Simulator' })).toBeTruthy();
    expect(screen.queryByRole('radio', { name: 'Production' })).toBeNull();
    expect(
      (screen.getByRole('radio', { name: 'Connectivity Test' }) as HTMLInputElement).disabled,
    ).toBe(false);
    cleanup();

    useSessionStore.setState({
      authState: {
        step: 'signedIn',
        user: { userId: 'C00101', participantId: 'CP001', name: 'Chan Tai Man', roles: ['user'] },
        environment: 'simulator',
        expiresAt: '2026-11-25T10:00:00.000Z',
        idleTimeoutSec: 900,
      },
    });
    await renderWithProviders(<SettingsScreen onClose={() => undefined} />);
    expect(
      (screen.getByRole('radio', { name: 'Connectivity Test' }) as HTMLInputElement).disabled,
    ).toBe(true);
    expect(screen.getByText('Sign out to change the environment.')).toBeTruthy();
  });

  it('forgets the workstation after confirmation and says how many entries went', async () => {
    fake.answer('forgetWorkstation', () => ok({ removed: 2 }));
    fake.answer('getAppInfo', () => ok(appInfo));
    await renderWithProviders(<SettingsScreen onClose={() => undefined} />);
    await act(async () => screen.getByRole('button', { name: 'Forget this workstation' }).click());
    expect(fake.calls.some((c) => c.name === 'forgetWorkstation')).toBe(false);
    await act(async () => screen.getByRole('button', { name: 'Forget' }).click());
    expect(
      await screen.findByText('Done: 2 entries were removed from this workstation.'),
    ).toBeTruthy();
  });

  it('says plainly when the keychain is unavailable', async () => {
    fake.answer('forgetWorkstation', () => fail('KEYCHAIN_UNAVAILABLE'));
    await renderWithProviders(<SettingsScreen onClose={() => undefined} />);
    await act(async () => screen.getByRole('button', { name: 'Forget this workstation' }).click());
    await act(async () => screen.getByRole('button', { name: 'Forget' }).click());
    expect(
      await screen.findByText(
        /could not reach the system's credential store, so nothing stored there/,
      ),
    ).toBeTruthy();
  });

  it('shows the versions in About', async () => {
    await renderWithProviders(<SettingsScreen onClose={() => undefined} />);
    expect(screen.getByText('20.20.0')).toBeTruthy();
    expect(screen.getByText('Browser mode')).toBeTruthy();
  });
});
