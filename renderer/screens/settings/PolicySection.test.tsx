import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import type { AppInfo, PolicyState } from '../../../shared/index.js';
import { useSessionStore } from '../../state/session-store.js';
import { installFakeBridge, renderWithProviders } from '../shell/test-support.js';
import { PolicySection } from './PolicySection.js';
import SettingsScreen from './SettingsScreen.js';

installFakeBridge();
afterEach(cleanup);

const KEY = 'HKLM\\SOFTWARE\\Policies\\CCMS Terminal Project\\CCMS Terminal';
const unreadable: PolicyState = {
  status: 'unreadable',
  source: KEY,
  problems: [
    `${KEY}: cannot be read (Access is denied. Windows error 5). The most restrictive policy applies until it can be read: AllowedEnvironments = production.`,
  ],
};

describe('PolicySection', () => {
  it('says clearly that the policy cannot be read and what applies until it can', async () => {
    await renderWithProviders(<PolicySection policy={unreadable} />);
    expect(screen.getByText('The machine policy cannot be read')).toBeTruthy();
    expect(screen.getByText(/only Production can be chosen/)).toBeTruthy();
    expect(screen.getByText(KEY)).toBeTruthy();
    const details = screen.getByRole('list', { name: 'Details for your IT support staff' });
    expect(
      within(details)
        .getByText(/Access is denied/)
        .getAttribute('lang'),
    ).toBe('en');
  });

  it('says it in Hong Kong Chinese too', async () => {
    await renderWithProviders(<PolicySection policy={unreadable} />, 'zh-HK');
    expect(screen.getByText('無法讀取電腦原則')).toBeTruthy();
    expect(screen.getByText(/只可選擇正式環境/)).toBeTruthy();
    expect(screen.getByText('此工作站已設定電腦原則，但終端機無法讀取。')).toBeTruthy();
  });

  it('counts the values that are not valid and lists each', async () => {
    const policy: PolicyState = {
      status: 'ok',
      source: '/etc/ccms-terminal/policy.json',
      problems: ['a: "sharedDesk" is bad', 'b: "logLevel" is bad'],
    };
    await renderWithProviders(<PolicySection policy={policy} />);
    expect(screen.getByText('2 machine policy values are not valid')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(policy.problems);
    expect(screen.queryByText('The machine policy cannot be read')).toBeNull();
  });

  it('shows no warning when no policy is set', async () => {
    await renderWithProviders(
      <PolicySection policy={{ status: 'none', source: KEY, problems: [] }} />,
    );
    expect(screen.getByText('No machine policy is set on this workstation.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByText(/not valid|cannot be read/)).toBeNull();
  });

  it('is part of Settings when the core sends the policy state', async () => {
    const appInfo: AppInfo = {
      version: '0.1.0',
      mode: 'electron',
      platform: 'win32',
      versions: {},
      settings: { language: 'en', environment: 'production' },
      allowedEnvironments: ['production'],
      sharedDesk: true,
      configProblems: unreadable.problems,
      keychainAvailable: true,
      policy: unreadable,
    };
    useSessionStore.setState({ appInfo, authState: { step: 'signedOut' } });
    await renderWithProviders(<SettingsScreen onClose={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Machine policy' })).toBeTruthy();
    expect(screen.getByText('The machine policy cannot be read')).toBeTruthy();
  });
});
