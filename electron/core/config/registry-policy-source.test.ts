// Reading the machine policy from the Windows registry. Off Windows the registry is a fake with
// values recorded as Windows stores them; the native-reg test needs Windows and says so.
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from './effective-policy.js';
import {
  createRegistryPolicySource,
  loadNativeRegistry,
  POLICY_REGISTRY_SUBKEY,
} from './registry-policy-source.js';
import { decodeRegistryValue, expandEnvironment, REG } from './registry-values.js';
import { encodeRegistryValue, fakeRegistry, type RecordedValue } from './testing/fake-registry.js';

const ENV = { ProgramData: 'C:\\ProgramData', USERDOMAIN: 'CORP' };

async function policyOf(values: Record<string, RecordedValue>, env: NodeJS.ProcessEnv = ENV) {
  const source = createRegistryPolicySource({
    registry: fakeRegistry({ [POLICY_REGISTRY_SUBKEY]: values }),
    env,
  });
  return resolvePolicy(await source.read(), source);
}

describe('registry policy source', () => {
  it('fake registry: REG_SZ, REG_MULTI_SZ and REG_DWORD values map to the policy document', async () => {
    const p = await policyOf({
      ProductionUrl: { type: 'REG_SZ', data: 'https://ccms.hkex.example' },
      ConnectivityTestUrl: { type: 'REG_SZ', data: ' https://ccms-ct.hkex.example ' },
      AllowedEnvironments: { type: 'REG_MULTI_SZ', data: ['production', ' connectivity-test'] },
      ExtraCaCertificates: { type: 'REG_MULTI_SZ', data: ['C:\\a.pem', ' ', 'C:\\b.pem'] },
      IdleTimeoutCeilingSec: { type: 'REG_DWORD', data: 0x258 },
      SharedDesk: { type: 'REG_DWORD', data: 1 },
      LogLevel: { type: 'REG_SZ', data: 'warn' },
    });
    expect(p.problems).toEqual([]);
    expect(p.values).toEqual({
      hostUrls: {
        production: 'https://ccms.hkex.example',
        'connectivity-test': 'https://ccms-ct.hkex.example',
      },
      allowedEnvironments: ['production', 'connectivity-test'],
      extraCaCertificates: ['C:\\a.pem', 'C:\\b.pem'],
      idleTimeoutCeilingSec: 600,
      sharedDesk: true,
      logLevel: 'warn',
    });
  });

  it('fake registry: numbers and switches written as REG_SZ are accepted', async () => {
    const p = await policyOf({
      IdleTimeoutCeilingSec: { type: 'REG_SZ', data: '900' },
      SharedDesk: { type: 'REG_SZ', data: 'false' },
      RememberUserId: { type: 'REG_SZ', data: '0' },
    });
    expect(p.problems).toEqual([]);
    expect(p.values).toEqual({
      idleTimeoutCeilingSec: 900,
      sharedDesk: false,
      rememberUserId: false,
    });
  });

  it('fake registry: REG_EXPAND_SZ is expanded from the environment, REG_SZ is not', async () => {
    const p = await policyOf({
      ProxyMode: { type: 'REG_SZ', data: 'pac' },
      ProxyPacUrl: { type: 'REG_EXPAND_SZ', data: 'file:///%ProgramData%/CCMS/proxy.pac' },
      ExtraCaCertificates: {
        type: 'REG_EXPAND_SZ',
        data: '%PROGRAMDATA%\\CCMS\\%USERDOMAIN%-ca.pem;%NOT_SET%\\x.pem',
      },
      ProductionUrl: { type: 'REG_SZ', data: 'https://ccms.example/%USERDOMAIN%' },
    });
    expect(p.problems).toEqual([]);
    expect(p.values).toMatchObject({
      proxyPacUrl: 'file:///C:\\ProgramData/CCMS/proxy.pac',
      extraCaCertificates: ['C:\\ProgramData\\CCMS\\CORP-ca.pem', '%NOT_SET%\\x.pem'],
      hostUrls: { production: 'https://ccms.example/%USERDOMAIN%' },
    });
  });

  it('fake registry: a wrong type is named; restricting values fail closed, harmless ones default', async () => {
    const p = await policyOf({
      IdleTimeoutCeilingSec: { type: 'REG_BINARY', data: Buffer.from([0x84, 0x03]) },
      AllowedEnvironments: { type: 'REG_DWORD', data: 1 },
      LogLevel: { type: 'REG_DWORD', data: 3 },
      ProductionUrl: { type: 'REG_MULTI_SZ', data: ['https://a.example'] },
    });
    expect(p.values).toEqual({ idleTimeoutCeilingSec: 60, allowedEnvironments: ['production'] });
    const text = p.problems.join('\n');
    expect(text).toContain(
      '"IdleTimeoutCeilingSec" is REG_BINARY; expected REG_DWORD (or REG_SZ digits); the most restrictive value applies (IdleTimeoutCeilingSec = 60).',
    );
    expect(text).toContain('"AllowedEnvironments" is REG_DWORD; expected REG_MULTI_SZ');
    expect(text).toContain(
      '"LogLevel" is REG_DWORD; expected REG_SZ; it is ignored and the default applies.',
    );
    expect(text).toContain('"ProductionUrl" is REG_MULTI_SZ; expected REG_SZ or REG_EXPAND_SZ');
  });

  it('fake registry: a malformed REG_DWORD (wrong length) is refused, not misread', async () => {
    const p = await policyOf({
      SharedDesk: { type: 'raw', raw: { type: REG.DWORD, data: Buffer.from([0, 0]) } },
    });
    expect(p.values).toEqual({ sharedDesk: true });
    expect(p.problems[0]).toContain('"SharedDesk" is REG_DWORD of 2 bytes');
  });

  it('fake registry: value names are matched as Windows does, case-insensitively; unknown ones are named', async () => {
    const p = await policyOf({
      allowedenvironments: { type: 'REG_MULTI_SZ', data: ['simulator'] },
      IdleTimeout: { type: 'REG_DWORD', data: 300 },
      '': { type: 'REG_SZ', data: 'default value' },
    });
    expect(p.values).toEqual({ allowedEnvironments: ['simulator'] });
    expect(p.problems).toEqual([
      'HKLM\\SOFTWARE\\Policies\\CCMS Terminal Project\\CCMS Terminal: unknown value "IdleTimeout" is ignored.',
      'HKLM\\SOFTWARE\\Policies\\CCMS Terminal Project\\CCMS Terminal: unknown value "(Default)" is ignored.',
    ]);
  });

  it('fake registry: an empty policy key is a policy with nothing set', async () => {
    const p = await policyOf({});
    expect(p).toMatchObject({ status: 'ok', values: {}, problems: [] });
  });

  it('fake registry: a proxy password in a bad value is never echoed, nor a long bad choice', async () => {
    const p = await policyOf({
      Proxy: { type: 'REG_SZ', data: 'socks5://u:Secret-Pw1@p:1080' },
      LogLevel: { type: 'REG_SZ', data: 'C:\\Users\\chan\\Secret-Pw2 notes.txt' },
    });
    const text = p.problems.join('\n');
    expect(text).not.toContain('Secret-Pw');
    expect(text).toContain('"Proxy" must be an http:// or https:// URL');
    expect(text).toContain('"LogLevel": Invalid option');
  });

  it('fake registry: REG_SZ numbers are decimal digits only', async () => {
    for (const data of ['0x384', '9e2', '15 min', '-60']) {
      const p = await policyOf({ IdleTimeoutCeilingSec: { type: 'REG_SZ', data } });
      expect(p.values, data).toEqual({ idleTimeoutCeilingSec: 60 });
      expect(p.problems[0], data).toContain(
        '"IdleTimeoutCeilingSec" is REG_SZ text that is not a whole number',
      );
    }
  });

  it.skipIf(process.platform !== 'win32')(
    'native-reg reads a real HKLM key and reports a missing one as absent (skipped: needs the Windows registry, absent off Windows)',
    async () => {
      const registry = await loadNativeRegistry();
      const values = registry.readMachineValues('SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion');
      const product = values?.find((v) => v.name === 'ProductName');
      expect(product?.value && decodeRegistryValue(product.value)).toMatchObject({
        type: 'REG_SZ',
        value: expect.stringContaining('Windows'),
      });
      expect(registry.readMachineValues('SOFTWARE\\CCMS Terminal Project\\No Such Key')).toBeNull();
    },
  );
});

describe('registry values', () => {
  it('decodes strings without their terminator, lists up to their double NUL, and odd bytes', () => {
    expect(decodeRegistryValue(encodeRegistryValue({ type: 'REG_SZ', data: '繁體 ok' }))).toEqual({
      type: 'REG_SZ',
      value: '繁體 ok',
    });
    const unterminated = {
      type: REG.SZ,
      data: Buffer.concat([Buffer.from('ab', 'utf16le'), Buffer.from([0x63])]),
    };
    expect(decodeRegistryValue(unterminated)).toEqual({ type: 'REG_SZ', value: 'ab' });
    const list = encodeRegistryValue({ type: 'REG_MULTI_SZ', data: ['a', 'b'] });
    const trailing = {
      type: REG.MULTI_SZ,
      data: Buffer.concat([list.data, Buffer.from('junk', 'utf16le')]),
    };
    expect(decodeRegistryValue(trailing)).toEqual({ type: 'REG_MULTI_SZ', value: ['a', 'b'] });
    expect(decodeRegistryValue({ type: 42, data: Buffer.alloc(0) })).toEqual({
      type: 'registry type 42',
      value: null,
    });
    expect(decodeRegistryValue(encodeRegistryValue({ type: 'REG_QWORD', data: 900 }))).toEqual({
      type: 'REG_QWORD',
      value: 900,
    });
  });

  it('expands %NAME% case-insensitively and leaves unknown names', () => {
    expect(expandEnvironment('%programdata%\\x;%Nope%;100%', ENV)).toBe(
      'C:\\ProgramData\\x;%Nope%;100%',
    );
  });
});
