import { describe, expect, it } from 'vitest';
import { chooseProxy, proxyDetails, withoutUserinfo } from './proxy-step.js';

const HOST = 'https://ccms.bank.example/';

describe('chooseProxy', () => {
  it('takes the policy proxy when there is no system answer', async () => {
    const c = await chooseProxy('http://desk:Pw-1@proxy.bank:8080', HOST, undefined, 1_000);
    expect(c.source).toBe('policy');
    expect(c.url?.host).toBe('proxy.bank:8080');
    expect(c.rules).toBeUndefined();
  });

  it('follows the first rule of the system answer, keeping the answer as given', async () => {
    const c = await chooseProxy(undefined, HOST, async () => 'PROXY pac.bank:3128; DIRECT', 1_000);
    expect(c).toMatchObject({ source: 'system', rules: 'PROXY pac.bank:3128; DIRECT' });
    expect(c.url?.href).toBe('http://pac.bank:3128/');
    const https = await chooseProxy(undefined, HOST, async () => 'HTTPS secure.bank:443', 1_000);
    expect(https.url?.protocol).toBe('https:');
  });

  it('DIRECT and SOCKS answers: no proxy to tunnel through', async () => {
    expect(await chooseProxy(undefined, HOST, async () => 'DIRECT', 1_000)).toEqual({
      source: 'system',
      rules: 'DIRECT',
    });
    expect(await chooseProxy(undefined, HOST, async () => 'SOCKS5 s.bank:1080', 1_000)).toEqual({
      source: 'system',
      rules: 'SOCKS5 s.bank:1080',
      unsupported: 'SOCKS5 s.bank:1080',
    });
  });

  it('with a policy proxy, follows Chromium (bypass lists) and keeps the sign-in for that proxy', async () => {
    const policy = 'http://desk:Pw-1@proxy.bank:8080';
    const same = await chooseProxy(policy, HOST, async () => 'PROXY proxy.bank:8080', 1_000);
    expect(same.url?.username).toBe('desk');
    const bypassed = await chooseProxy(policy, HOST, async () => 'DIRECT', 1_000);
    expect(bypassed).toEqual({ source: 'policy', rules: 'DIRECT' });
  });

  it('rejects with ETIMEDOUT when the system lookup hangs', async () => {
    await expect(
      chooseProxy(undefined, HOST, () => new Promise<string>(() => {}), 50),
    ).rejects.toMatchObject({ code: 'ETIMEDOUT' });
  });
});

describe('what the proxy step shows', () => {
  it('host:port and whether there is a sign-in, never the sign-in', async () => {
    const c = await chooseProxy('http://desk:Pw-1@proxy.bank:8080', HOST, undefined, 1_000);
    expect(proxyDetails(c)).toEqual({
      source: 'policy',
      proxy: 'proxy.bank:8080',
      credentials: 'yes',
    });
  });

  it('withoutUserinfo strips user and password from every URL in a text', () => {
    expect(withoutUserinfo('via http://a:b@p:1 and https://c@q/x')).toBe(
      'via http://p:1 and https://q/x',
    );
  });
});
