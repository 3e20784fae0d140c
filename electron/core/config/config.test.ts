import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCa } from '../host/testing/tls-fixtures.js';
import { ConfigStore } from './config-store.js';
import {
  createFilePolicySource,
  createRegistryPolicySource,
  defaultPolicyFile,
  defaultPolicySource,
  parseRegQuery,
  POLICY_REGISTRY_KEY,
} from './policy-source.js';

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
    expect(c.settings()).toEqual({ language: 'en', environment: 'simulator' });
    expect(c.problems()).toEqual([]);
    expect(c.hostFor('simulator')).toEqual({
      environment: 'simulator',
      url: sim.url,
      caPems: [sim.caCertPem],
    });
  });

  it('without an embedded simulator the simulator environment is not offered', async () => {
    const c = await load(join(dir, 'missing.json'), false);
    expect(c.allowedEnvironments()).toEqual(['production', 'connectivity-test']);
    expect(c.settings().environment).toBe('production');
    expect(() => c.hostFor('simulator')).toThrow(/not allowed/);
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
    expect(c.allowedEnvironments()).toEqual(['production', 'connectivity-test']);
    expect(c.settings().environment).toBe('production');
    expect(c.hostFor('production')).toEqual({
      environment: 'production',
      url: 'https://ccms.hkex.example',
      caPems: [ca.certPem.trim()],
      proxy: 'http://proxy.corp.example:8080',
    });
    expect(c.idleCeilingSec()).toBe(600);
    expect(c.logLevel()).toBe('debug');
    expect(c.sharedDesk()).toBe(true);
  });

  it('FAULT corrupt policy file: not JSON → a clear message naming the file, safe defaults', async () => {
    const p = await policyFile('{ "hostUrls": { "production": ');
    const c = await load(p);
    expect(c.problems()).toHaveLength(1);
    expect(c.problems()[0]).toContain(p);
    expect(c.problems()[0]).toContain('not valid JSON');
    expect(c.allowedEnvironments()).toContain('production');
  });

  it('FAULT corrupt policy file: a bad field is named and dropped, the good ones kept', async () => {
    const p = await policyFile({
      hostUrls: { production: 'http://plain.example' },
      sharedDesk: 'yes',
      allowedEnvironments: ['production'],
      colour: 'blue',
    });
    const c = await load(p);
    const text = c.problems().join('\n');
    expect(text).toContain(`${p}: "hostUrls.production" must be an https:// URL`);
    expect(text).toContain(`${p}: "sharedDesk"`);
    expect(text).toContain('unknown setting "colour"');
    expect(c.allowedEnvironments()).toEqual(['production']);
    expect(c.sharedDesk()).toBe(false);
    expect(c.hostFor('production').url).toBe('https://ccms.example.invalid');
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
    expect(c.hostFor('production').caPems).toEqual([]);
  });

  it('reads the Windows registry policy through reg query', async () => {
    const stdout = [
      '',
      POLICY_REGISTRY_KEY.replace('HKLM', 'HKEY_LOCAL_MACHINE'),
      '    ProductionUrl    REG_SZ    https://ccms.hkex.example',
      '    AllowedEnvironments    REG_MULTI_SZ    production\\0connectivity-test',
      '    IdleTimeoutCeilingSec    REG_DWORD    0x258',
      '    SharedDesk    REG_DWORD    0x1',
      '    LogLevel    REG_SZ    warn',
      '',
    ].join('\r\n');
    const calls: string[][] = [];
    const source = createRegistryPolicySource(
      async (args) => (calls.push(args), { code: 0, stdout }),
    );
    const c = await ConfigStore.load({ userDataDir: dir, policySource: source });
    expect(calls).toEqual([
      ['query', 'HKLM\\SOFTWARE\\Policies\\CCMS Terminal Project\\CCMS Terminal'],
    ]);
    expect(c.problems()).toEqual([]);
    expect(c.allowedEnvironments()).toEqual(['production', 'connectivity-test']);
    expect(c.hostFor('production').url).toBe('https://ccms.hkex.example');
    expect(c.idleCeilingSec()).toBe(600);
    expect(c.sharedDesk()).toBe(true);
    expect(c.logLevel()).toBe('warn');
  });

  it('a missing registry key is no policy', async () => {
    const source = createRegistryPolicySource(async () => ({ code: 1, stdout: '' }));
    const c = await ConfigStore.load({ userDataDir: dir, policySource: source });
    expect(c.problems()).toEqual([]);
  });

  it('parses registry value names that contain spaces', () => {
    const v = parseRegQuery('    Some Name    REG_SZ    a b  c\n    Empty    REG_SZ\n');
    expect(v.get('Some Name')).toEqual({ type: 'REG_SZ', data: 'a b  c' });
    expect(v.get('Empty')).toEqual({ type: 'REG_SZ', data: '' });
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

  it('refuses an environment the policy does not allow, naming the field', async () => {
    const c = await load(await policyFile({ allowedEnvironments: ['production'] }));
    await expect(c.update({ environment: 'simulator' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: { field: 'environment' },
    });
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
    expect(c.settings()).toEqual({ language: 'en', environment: 'simulator' });
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
      language: 'en',
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
