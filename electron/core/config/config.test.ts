import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCa } from '../host/testing/tls-fixtures.js';
import { ConfigStore } from './config-store.js';
import {
  createFilePolicySource,
  defaultPolicyFile,
  defaultPolicySource,
  POLICY_REGISTRY_KEY,
} from './policy-source.js';
import { expectMostRestrictive } from './testing/most-restrictive.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ccms-config-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const sim = {
  url: 'https://127.0.0.1:9443',
  caCertPem: '-----BEGIN CERTIFICATE-----\nsim\n-----END CERTIFICATE-----',
};
async function policyFile(doc: unknown): Promise<string> {
  const p = join(dir, 'policy.json');
  await writeFile(p, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return p;
}
const load = async (policyPath: string, withSim = true) =>
  ConfigStore.load({
    userDataDir: join(dir, 'user'),
    policySource: createFilePolicySource(policyPath),
    ...(withSim ? { simulatorHost: sim } : {}),
  });

describe('machine policy', () => {
  it('no policy file: every environment, simulator preferred when embedded, no problems', async () => {
    const c = await load(join(dir, 'missing.json'));
    expect(c.allowedEnvironments()).toEqual(['production', 'connectivity-test', 'simulator']);
    // No language chosen yet: the renderer follows the OS's.
    expect(c.settings()).toEqual({ environment: 'simulator' });
    expect(c.problems()).toEqual([]);
    expect(c.policyState()).toEqual({
      status: 'none',
      source: join(dir, 'missing.json'),
      problems: [],
    });
    expect(c.rememberUserId()).toBe(true);
    expect(c.hostTarget('simulator')).toEqual({
      environment: 'simulator',
      url: sim.url,
      caPems: [sim.caCertPem],
    });
  });

  it('without an embedded simulator the simulator environment is not offered', async () => {
    const c = await load(join(dir, 'missing.json'), false);
    expect(c.allowedEnvironments()).toEqual(['production', 'connectivity-test']);
    expect(c.settings().environment).toBe('production');
    expect(() => c.hostTarget('simulator')).toThrow(/not allowed/);
  });

  it('applies host URLs, allowed environments, CA file, ceiling, log level and shared desk', async () => {
    const ca = makeCa('Policy CA');
    await writeFile(join(dir, 'corp-ca.pem'), ca.certPem);
    const c = await load(
      await policyFile({
        hostUrls: {
          production: 'https://ccms.hkex.example',
          'connectivity-test': 'https://ccms-ct.hkex.example',
        },
        allowedEnvironments: ['production', 'connectivity-test'],
        extraCaCertificates: [join(dir, 'corp-ca.pem')],
        idleTimeoutCeilingSec: 600,
        logLevel: 'debug',
        sharedDesk: true,
        proxy: 'http://proxy.corp.example:8080',
      }),
    );
    expect(c.problems()).toEqual([]);
    expect(c.policyState().status).toBe('ok');
    expect(c.allowedEnvironments()).toEqual(['production', 'connectivity-test']);
    expect(c.settings().environment).toBe('production');
    expect(c.hostTarget('production')).toEqual({
      environment: 'production',
      url: 'https://ccms.hkex.example',
      caPems: [ca.certPem.trim()],
      proxy: 'http://proxy.corp.example:8080',
    });
    expect(c.idleCeilingSec()).toBe(600);
    expect(c.logLevel()).toBe('debug');
    expect(c.sharedDesk()).toBe(true);
  });

  it('FAULT corrupt policy file: not JSON → unreadable, named, and the most restrictive policy applies', async () => {
    const p = await policyFile('{ "hostUrls": { "production": ');
    const c = await load(p);
    expect(c.policyState()).toMatchObject({ status: 'unreadable', source: p });
    expect(c.problems()).toHaveLength(1);
    expect(c.problems()[0]).toContain(`${p}: is not valid JSON`);
    expect(c.problems()[0]).toContain(
      'The most restrictive policy applies until it can be read: allowedEnvironments = production; idleTimeoutCeilingSec = 60; sharedDesk = true; rememberUserId = false.',
    );
    expectMostRestrictive(c);
  });

  it('FAULT policy file that cannot be read (a folder) or is not an object → unreadable', async () => {
    const folder = join(dir, 'policy-folder');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    const c = await load(folder);
    expect(c.policyState().status).toBe('unreadable');
    expect(c.problems()[0]).toContain(`${folder}: cannot be read (EISDIR)`);
    expect(c.allowedEnvironments()).toEqual(['production']);
    const list = await load(await policyFile(['production']));
    expect(list.policyState().status).toBe('unreadable');
    expect(list.problems()[0]).toContain('is not a JSON object of settings');
    expect(list.sharedDesk()).toBe(true);
  });

  it('FAULT corrupt policy file: a bad harmless field is named and dropped, a bad restricting one fails closed', async () => {
    const p = await policyFile({
      hostUrls: { production: 'http://plain.example' },
      sharedDesk: 'yes',
      allowedEnvironments: ['production'],
      colour: 'blue',
    });
    const c = await load(p);
    const text = c.problems().join('\n');
    expect(c.policyState().status).toBe('ok');
    expect(text).toContain(
      `${p}: "hostUrls.production" must be an https:// URL; it is ignored and the default applies.`,
    );
    expect(text).toContain(`${p}: "sharedDesk"`);
    expect(text).toContain('the most restrictive value applies (sharedDesk = true)');
    expect(text).toContain('unknown setting "colour"');
    expect(c.allowedEnvironments()).toEqual(['production']);
    expect(c.sharedDesk()).toBe(true);
    expect(c.hostTarget('production').url).toBe('https://ccms.example.invalid');
  });

  it('a hostUrls that is not an object is named and ignored', async () => {
    const p = await policyFile({ hostUrls: 'https://ccms.example.com' });
    const c = await load(p);
    expect(c.problems()).toEqual([`${p}: "hostUrls" is not an object; it is ignored.`]);
    expect(c.hostTarget('production').url).toBe('https://ccms.example.invalid');
  });

  it('FAULT corrupt policy file: an unreadable or non-PEM CA entry is reported and skipped', async () => {
    await writeFile(join(dir, 'junk.pem'), 'not a certificate');
    const c = await load(
      await policyFile({
        extraCaCertificates: [
          join(dir, 'nope.pem'),
          join(dir, 'junk.pem'),
          '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
        ],
      }),
    );
    const text = c.problems().join('\n');
    expect(text).toContain('extraCaCertificates.0" names');
    expect(text).toContain('extraCaCertificates.1" holds no PEM');
    expect(text).toContain('extraCaCertificates.2" holds a certificate that cannot be parsed');
    expect(c.hostTarget('production').caPems).toEqual([]);
  });

  it('proxy mode: a proxy alone means fixed; direct and pac drop it; fixed without one falls back', async () => {
    const proxy = 'http://proxy.corp.example:8080';
    const fixed = await load(
      await policyFile({ proxy, proxyBypassList: ['*.corp.example', '<local>'] }),
    );
    expect(fixed.proxySettings()).toEqual({
      mode: 'fixed',
      proxy,
      bypass: ['*.corp.example', '<local>'],
    });
    expect(fixed.hostTarget('production').proxy).toBe(proxy);

    const direct = await load(await policyFile({ proxyMode: 'direct', proxy }));
    expect(direct.proxySettings()).toEqual({ mode: 'direct', bypass: [] });
    expect(direct.proxy()).toBeUndefined();
    expect(direct.hostTarget('production').proxy).toBeUndefined();

    const pacUrl = 'https://wpad.corp.example/proxy.pac';
    const pac = await load(await policyFile({ proxyMode: 'pac', proxyPacUrl: pacUrl, proxy }));
    expect(pac.proxySettings()).toEqual({ mode: 'pac', pacUrl, bypass: [] });

    const p = await policyFile({ proxyMode: 'fixed', proxy: 'socks5://x:1' });
    const broken = await load(p);
    expect(broken.proxySettings()).toEqual({ mode: 'system', bypass: [] });
    expect(broken.problems()).toEqual([
      `${p}: "proxy" must be an http:// or https:// URL; it is ignored and the default applies.`,
      `${p}: "proxyMode" is fixed but "proxy" is not set or not valid; the system proxy settings are used.`,
    ]);
  });

  it('a bypass list with two rules on one line is named and dropped', async () => {
    const p = await policyFile({
      proxy: 'http://p.example:8080',
      proxyBypassList: ['a.example, b.example'],
    });
    const c = await load(p);
    expect(c.problems().join('\n')).toContain(
      `${p}: "proxyBypassList" entry 1: must be a host pattern`,
    );
    expect(c.proxySettings().bypass).toEqual([]);
  });

  it('picks the policy source per platform, CCMS_POLICY_FILE only off Windows', () => {
    expect(
      defaultPolicySource({ platform: 'win32', env: { CCMS_POLICY_FILE: '/tmp/x.json' } }).location,
    ).toBe(POLICY_REGISTRY_KEY);
    expect(defaultPolicySource({ platform: 'linux', env: {} }).location).toBe(
      '/etc/ccms-terminal/policy.json',
    );
    expect(defaultPolicySource({ platform: 'darwin', env: {} }).location).toBe(
      defaultPolicyFile('darwin'),
    );
    expect(
      defaultPolicySource({ platform: 'linux', env: { CCMS_POLICY_FILE: '/tmp/x.json' } }).location,
    ).toBe('/tmp/x.json');
    expect(
      defaultPolicySource({
        platform: 'linux',
        file: '/opt/p.json',
        env: { CCMS_POLICY_FILE: '/tmp/x.json' },
      }).location,
    ).toBe('/opt/p.json');
  });
});

describe('user settings', () => {
  it('are written atomically and read back', async () => {
    const c = await load(join(dir, 'none.json'));
    await c.update({ language: 'zh-HK', lastUserId: 'C00101' });
    const file = join(dir, 'user', 'settings.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      language: 'zh-HK',
      environment: 'simulator',
      lastUserId: 'C00101',
    });
    expect((await readdir(join(dir, 'user'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = await load(join(dir, 'none.json'));
    expect(again.settings()).toEqual({
      language: 'zh-HK',
      environment: 'simulator',
      lastUserId: 'C00101',
    });
  });

  it('write no language until the user chooses one; a file from before that holds "en" keeps it', async () => {
    const c = await load(join(dir, 'none.json'));
    // Saving the last user ID is not choosing a language: the OS's still decides next time.
    await c.update({ lastUserId: 'C00101' });
    const file = join(dir, 'user', 'settings.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      environment: 'simulator',
      lastUserId: 'C00101',
    });
    expect((await load(join(dir, 'none.json'))).settings().language).toBeUndefined();
    await writeFile(file, JSON.stringify({ language: 'en', environment: 'simulator' }));
    const old = await load(join(dir, 'none.json'));
    expect(old.settings().language).toBe('en');
    expect(old.problems()).toEqual([]);
  });

  it('refuses an environment the policy does not allow, naming the field', async () => {
    const c = await load(await policyFile({ allowedEnvironments: ['production'] }));
    await expect(c.update({ environment: 'simulator' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: { field: 'environment' },
    });
  });

  it('with RememberUserId off the last user ID is not kept, and one kept before is dropped', async () => {
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'user')));
    await writeFile(
      join(dir, 'user', 'settings.json'),
      JSON.stringify({ language: 'en', environment: 'simulator', lastUserId: 'C00101' }),
    );
    const c = await load(await policyFile({ rememberUserId: false }));
    expect(c.rememberUserId()).toBe(false);
    expect(c.sharedDesk()).toBe(false);
    expect(c.settings().lastUserId).toBeUndefined();
    await c.update({ lastUserId: 'C00102' });
    expect(await readFile(join(dir, 'user', 'settings.json'), 'utf8')).not.toContain('C0010');
  });

  it('a shared desk never stores the last user ID', async () => {
    const c = await load(await policyFile({ sharedDesk: true }));
    await c.update({ lastUserId: 'C00101' });
    expect(c.settings().lastUserId).toBeUndefined();
    expect(await readFile(join(dir, 'user', 'settings.json'), 'utf8')).not.toContain('C00101');
  });

  it('FAULT corrupt settings file: bad JSON → message naming the file, defaults', async () => {
    await rm(join(dir, 'user'), { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'user')));
    await writeFile(join(dir, 'user', 'settings.json'), '{"language": "en",');
    const c = await load(join(dir, 'none.json'));
    expect(c.problems()[0]).toContain(join(dir, 'user', 'settings.json'));
    expect(c.settings()).toEqual({ environment: 'simulator' });
  });

  it('FAULT corrupt settings file: a bad field is named, the rest kept', async () => {
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'user')));
    await writeFile(
      join(dir, 'user', 'settings.json'),
      JSON.stringify({ language: 'fr', environment: 'connectivity-test', lastUserId: 'C00102' }),
    );
    const c = await load(join(dir, 'none.json'));
    expect(c.problems().join('\n')).toContain('"language"');
    expect(c.settings()).toEqual({
      environment: 'connectivity-test',
      lastUserId: 'C00102',
    });
  });

  it('a settings environment the policy forbids falls back with a message', async () => {
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'user')));
    await writeFile(
      join(dir, 'user', 'settings.json'),
      JSON.stringify({ language: 'en', environment: 'simulator' }),
    );
    const c = await load(await policyFile({ allowedEnvironments: ['connectivity-test'] }));
    expect(c.settings().environment).toBe('connectivity-test');
    expect(c.problems().join('\n')).toContain('not allowed by the machine policy');
  });
});
