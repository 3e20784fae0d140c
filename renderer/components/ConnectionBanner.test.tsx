import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { feedAuthState } from '../state/auth-feed.js';
import { useHostStatusStore } from '../state/host-status-store.js';
import { installFakeBridge, ok, renderWithProviders } from '../screens/shell/test-support.js';
import { ShellHeader } from '../screens/shell/ShellHeader.js';
import { ConnectionBanner } from './ConnectionBanner.js';

const fake = installFakeBridge();
afterEach(cleanup);

const user = {
  userId: 'C00101',
  participantId: 'CP001',
  name: 'Chan Tai Man',
  roles: ['user' as const],
};

describe('the reconnecting state', () => {
  it('appears in a polite live region while the host cannot be reached, and goes when it answers', async () => {
    fake.answer('getHostStatus', () => ok({ connection: 'ok', maintenance: [] }));
    await renderWithProviders(<ConnectionBanner />);
    const region = screen.getByTestId('connection-banner');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    act(() =>
      useHostStatusStore.setState({
        status: { connection: 'reconnecting', lostAt: new Date().toISOString(), maintenance: [] },
      }),
    );
    expect(region.textContent).toContain('CCMS Terminal cannot reach the CCMS host. Reconnecting…');
    act(() => useHostStatusStore.setState({ status: { connection: 'ok', maintenance: [] } }));
    expect(region.textContent).toBe('');
  });

  it('says it in zh-HK', async () => {
    useHostStatusStore.setState({ status: { connection: 'reconnecting', maintenance: [] } });
    await renderWithProviders(<ConnectionBanner />, 'zh-HK');
    expect(screen.getByTestId('connection-banner').textContent).toContain(
      'CCMS 終端機未能連接 CCMS 主機，正在重新連接…',
    );
  });

  it('follows the core: the hostStatus event drives the store', async () => {
    fake.answer('getHostStatus', () => ok({ connection: 'ok', maintenance: [] }));
    const stop = await useHostStatusStore.getState().start();
    expect(useHostStatusStore.getState().status.connection).toBe('ok');
    act(() => fake.emit('hostStatus', { connection: 'reconnecting', maintenance: [] }));
    expect(useHostStatusStore.getState().status.connection).toBe('reconnecting');
    stop();
  });

  it('the header stops counting the session down while reconnecting', async () => {
    feedAuthState({
      step: 'signedIn',
      user,
      environment: 'simulator',
      expiresAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      idleTimeoutSec: 900,
    });
    useHostStatusStore.setState({ status: { connection: 'ok', maintenance: [] } });
    const props = {
      user,
      participantName: null,
      environment: 'simulator' as const,
      expiresAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      signingOut: false,
      onSignOut: () => undefined,
    };
    await renderWithProviders(<ShellHeader {...props} />);
    expect(screen.getByTestId('session-left').textContent).toMatch(/^(2 h 59 min|3 h 0 min)$/);
    act(() =>
      useHostStatusStore.setState({ status: { connection: 'reconnecting', maintenance: [] } }),
    );
    expect(screen.getByTestId('session-left').textContent).toBe('Unknown while reconnecting');
  });
});
