import { describe, expect, it } from 'vitest';
import { chromiumProxyConfig } from './proxy-config.js';

describe("the policy's proxy mode as Chromium's setProxy config", () => {
  it('system and direct', () => {
    expect(chromiumProxyConfig({ mode: 'system', bypass: [] })).toEqual({ mode: 'system' });
    expect(chromiumProxyConfig({ mode: 'direct', bypass: [] })).toEqual({ mode: 'direct' });
  });

  it('a fixed proxy with its bypass list, never its credentials', () => {
    expect(
      chromiumProxyConfig({
        mode: 'fixed',
        proxy: 'http://alice:S3cret@proxy.bank:8080',
        bypass: ['*.bank.internal', '<local>'],
      }),
    ).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'http://proxy.bank:8080',
      proxyBypassRules: '*.bank.internal,<local>',
    });
  });

  it('a PAC file', () => {
    expect(
      chromiumProxyConfig({ mode: 'pac', pacUrl: 'http://wpad.bank/proxy.pac', bypass: [] }),
    ).toEqual({ mode: 'pac_script', pacScript: 'http://wpad.bank/proxy.pac' });
  });

  it('falls back to the system settings when a mode lacks what it needs', () => {
    expect(chromiumProxyConfig({ mode: 'fixed', bypass: [] })).toEqual({ mode: 'system' });
    expect(chromiumProxyConfig({ mode: 'pac', bypass: [] })).toEqual({ mode: 'system' });
  });
});
