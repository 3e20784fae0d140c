// The policy's proxy mode as Chromium's session takes it (`session.setProxy`). Pure (types only
// from `electron`), so the mapping is unit-tested in plain Node (proxy-config.test.ts).
import type { ProxyConfig } from 'electron';
import type { ProxyPolicy } from './core/config/effective-policy.js';

/** `http://user:pass@host:port` → `http://host:port`: Chromium's proxy rules carry no userinfo. */
function withoutUserinfo(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return url;
  }
}

/**
 * system: Windows' own proxy settings (WinINET, WPAD, PAC) as IT set them; direct: none; fixed:
 * the policy's proxy with its bypass list; pac: the policy's PAC file.
 */
export function chromiumProxyConfig(policy: ProxyPolicy): ProxyConfig {
  switch (policy.mode) {
    case 'direct':
      return { mode: 'direct' };
    case 'fixed':
      if (!policy.proxy) return { mode: 'system' };
      return {
        mode: 'fixed_servers',
        proxyRules: withoutUserinfo(policy.proxy),
        ...(policy.bypass.length > 0 && { proxyBypassRules: policy.bypass.join(',') }),
      };
    case 'pac':
      if (!policy.pacUrl) return { mode: 'system' };
      return { mode: 'pac_script', pacScript: policy.pacUrl };
    default:
      return { mode: 'system' };
  }
}
