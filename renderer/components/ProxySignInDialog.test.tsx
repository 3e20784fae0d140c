import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProxyAuthPrompt } from '../../shared/index.js';
import { useProxyAuthStore } from '../state/proxy-auth-store.js';
import { fail, installFakeBridge, ok, renderWithProviders } from '../screens/shell/test-support.js';
import { ProxySignInDialog } from './ProxySignInDialog.js';

const fake = installFakeBridge();
const prompt: ProxyAuthPrompt = {
  id: 'p-1',
  proxy: 'proxy.bank:8080',
  realm: 'Bank proxy',
  scheme: 'Basic',
  failedBefore: false,
};

beforeEach(() => {
  fake.reset();
  useProxyAuthStore.setState({ prompts: [], sending: false, error: null });
});
afterEach(cleanup);

async function open(p: ProxyAuthPrompt = prompt, language: 'en' | 'zh-HK' = 'en') {
  await renderWithProviders(<ProxySignInDialog />, language);
  act(() => fake.emit('proxyAuthRequired', p));
  return screen.findByRole('dialog');
}

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

describe('ProxySignInDialog', () => {
  it('is not there until a proxy asks, then names the proxy and realm with focus in the user name', async () => {
    await renderWithProviders(<ProxySignInDialog />);
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => fake.emit('proxyAuthRequired', prompt));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Sign in to the proxy server');
    expect(dialog.textContent).toContain('proxy.bank:8080');
    expect(dialog.textContent).toContain('Bank proxy');
    await waitFor(() => expect(document.activeElement).toBe(field('User name')));
    expect(field('Password').type).toBe('password');
  });

  it('sends the answer with Enter and clears the password at once', async () => {
    let release: () => void = () => undefined;
    fake.answer('answerProxyAuth', () => new Promise((r) => (release = () => r(ok({})))));
    await open();
    fireEvent.change(field('User name'), { target: { value: ' corp\\ops ' } });
    fireEvent.change(field('Password'), { target: { value: 'Proxy-Pass-1' } });
    await act(async () => {
      fireEvent.submit(field('Password').closest('form') as HTMLFormElement);
    });
    expect(fake.calls).toEqual([
      {
        name: 'answerProxyAuth',
        input: { id: 'p-1', username: 'corp\\ops', password: 'Proxy-Pass-1' },
      },
    ]);
    expect(field('Password').value).toBe('');
    await act(async () => release());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(JSON.stringify(useProxyAuthStore.getState())).not.toContain('Proxy-Pass-1');
  });

  it('cancels on Escape', async () => {
    fake.answer('answerProxyAuth', () => ok({}));
    await open();
    await act(async () => {
      fireEvent.keyDown(field('User name'), { key: 'Escape' });
    });
    expect(fake.calls).toEqual([{ name: 'answerProxyAuth', input: { id: 'p-1', cancel: true } }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('asks for a user name before sending anything', async () => {
    await open();
    await act(async () => {
      fireEvent.submit(field('Password').closest('form') as HTMLFormElement);
    });
    expect(screen.getByText('Enter the user name for the proxy server.')).toBeTruthy();
    expect(fake.calls).toEqual([]);
  });

  it('says when the last answer was refused, and closes when the core ends the prompt', async () => {
    const dialog = await open({ ...prompt, failedBefore: true });
    expect(dialog.textContent).toContain(
      'The proxy server did not accept the last user name and password.',
    );
    act(() => fake.emit('proxyAuthEnded', { id: 'p-1', reason: 'timedOut' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('keeps the dialog open with the reason when the core refuses the input', async () => {
    fake.answer('answerProxyAuth', () => fail('BRIDGE_INVALID'));
    await open();
    fireEvent.change(field('User name'), { target: { value: 'a:b' } });
    await act(async () => {
      fireEvent.submit(field('Password').closest('form') as HTMLFormElement);
    });
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect((await screen.findAllByRole('alert')).length).toBeGreaterThan(0);
  });

  it('speaks Hong Kong Chinese', async () => {
    const dialog = await open(prompt, 'zh-HK');
    expect(dialog.textContent).toContain('登入代理伺服器');
    expect(field('登入名稱')).toBeTruthy();
    expect(field('密碼')).toBeTruthy();
  });
});
