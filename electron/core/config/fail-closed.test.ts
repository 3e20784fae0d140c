// The same typos and faults through both policy sources: a restricting setting that is not valid,
// or a policy that cannot be read, applies its most restrictive value; a harmless one its default.
// The registry is a fake (Windows only); the policy file is a real file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigStore } from './config-store.js';
import { createFilePolicySource } from './file-policy-source.js';
import type { PolicySource } from './policy-read.js';
import { createRegistryPolicySource, POLICY_REGISTRY_SUBKEY } from './registry-policy-source.js';
import { accessDenied, fakeRegistry, type RecordedValue } from './testing/fake-registry.js';
import { expectMostRestrictive } from './testing/most-restrictive.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ccms-fail-closed-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const sim = { url: 'https://127.0.0.1:9443', caCertPem: 'sim-ca' };

/** One case, written once for each source. */
interface Case {
  title: string;
  registry: Record<string, RecordedValue>;
  json: Record<string, unknown>;
  check(c: ConfigStore, problems: string): void;
}

const CASES: Case[] = [
  {
    title: 'an unknown environment in the allowed list leaves only Production, naming the typo',
    registry: { AllowedEnvironments: { type: 'REG_MULTI_SZ', data: ['simulator', 'prod'] } },
    json: { allowedEnvironments: ['simulator', 'prod'] },
    check(c, problems) {
      expect(c.allowedEnvironments()).toEqual(['production']);
      expect(problems).toMatch(/"(AllowedEnvironments|allowedEnvironments)" entry 2 \("prod"\)/);
      expect(problems).toContain('the most restrictive value applies');
    },
  },
  {
    title: 'two environments typed as one entry with a comma leave only Production',
    registry: {
      AllowedEnvironments: { type: 'REG_SZ', data: 'connectivity-test,simulator' },
    },
    json: { allowedEnvironments: 'connectivity-test,simulator' },
    check(c) {
      expect(c.allowedEnvironments()).toEqual(['production']);
    },
  },
  {
    title: 'an empty allowed list leaves only Production',
    registry: { AllowedEnvironments: { type: 'REG_MULTI_SZ', data: [] } },
    json: { allowedEnvironments: [] },
    check(c) {
      expect(c.allowedEnvironments()).toEqual(['production']);
    },
  },
  {
    title: 'an idle ceiling that is not a number gives the shortest ceiling',
    registry: { IdleTimeoutCeilingSec: { type: 'REG_SZ', data: '15 min' } },
    json: { idleTimeoutCeilingSec: '15 min' },
    check(c, problems) {
      expect(c.idleCeilingSec()).toBe(60);
      expect(problems).toMatch(/IdleTimeoutCeilingSec = 60|idleTimeoutCeilingSec = 60/);
    },
  },
  {
    title: 'an idle ceiling out of range gives the shortest ceiling',
    registry: { IdleTimeoutCeilingSec: { type: 'REG_DWORD', data: 100_000 } },
    json: { idleTimeoutCeilingSec: 100_000 },
    check(c) {
      expect(c.idleCeilingSec()).toBe(60);
    },
  },
  {
    title: 'shared desk "yes" turns shared desk on',
    registry: { SharedDesk: { type: 'REG_SZ', data: 'yes' } },
    json: { sharedDesk: 'yes' },
    check(c) {
      expect(c.sharedDesk()).toBe(true);
      expect(c.rememberUserId()).toBe(false);
    },
  },
  {
    title: 'remember user ID 2 turns remembering off',
    registry: { RememberUserId: { type: 'REG_DWORD', data: 2 } },
    json: { rememberUserId: 2 },
    check(c, problems) {
      expect(c.rememberUserId()).toBe(false);
      expect(c.sharedDesk()).toBe(false);
      expect(problems).toMatch(/RememberUserId = 0|rememberUserId = false/);
    },
  },
  {
    title: 'a log level that is not one falls back to the default, named',
    registry: { LogLevel: { type: 'REG_SZ', data: 'verbose' } },
    json: { logLevel: 'verbose' },
    check(c, problems) {
      expect(c.logLevel()).toBe('info');
      expect(problems).toContain('("verbose")');
      expect(problems).toContain('it is ignored and the default applies');
    },
  },
  {
    title: 'good values apply with no problems',
    registry: {
      AllowedEnvironments: { type: 'REG_MULTI_SZ', data: ['connectivity-test', 'simulator'] },
      IdleTimeoutCeilingSec: { type: 'REG_DWORD', data: 600 },
      SharedDesk: { type: 'REG_DWORD', data: 0 },
      RememberUserId: { type: 'REG_DWORD', data: 1 },
      LogLevel: { type: 'REG_SZ', data: 'debug' },
    },
    json: {
      allowedEnvironments: ['connectivity-test', 'simulator'],
      idleTimeoutCeilingSec: 600,
      sharedDesk: false,
      rememberUserId: true,
      logLevel: 'debug',
    },
    check(c, problems) {
      expect(problems).toBe('');
      expect(c.allowedEnvironments()).toEqual(['connectivity-test', 'simulator']);
      expect(c.idleCeilingSec()).toBe(600);
      expect(c.sharedDesk()).toBe(false);
      expect(c.rememberUserId()).toBe(true);
      expect(c.logLevel()).toBe('debug');
    },
  },
];

const SOURCES = [
  {
    name: 'fake registry',
    make: (c: Case): PolicySource =>
      createRegistryPolicySource({
        registry: fakeRegistry({ [POLICY_REGISTRY_SUBKEY]: c.registry }),
        env: {},
      }),
  },
  {
    name: 'policy file',
    make: (c: Case): PolicySource => {
      const path = join(dir, 'policy.json');
      const source = createFilePolicySource(path);
      return {
        ...source,
        read: async () => (await writeFile(path, JSON.stringify(c.json)), source.read()),
      };
    },
  },
];

const load = (policySource: PolicySource) =>
  ConfigStore.load({ userDataDir: join(dir, 'user'), policySource, simulatorHost: sim });

describe.each(SOURCES)('machine policy fails closed ($name)', ({ name, make }) => {
  it.each(CASES)(`${name}: $title`, async (c) => {
    const config = await load(make(c));
    expect(config.policyState().status).toBe('ok');
    c.check(config, config.policyState().problems.join('\n'));
  });
});

describe('a policy that exists but cannot be read gives every restriction its tightest value', () => {
  const expectUnreadable = (c: ConfigStore) => {
    expect(c.policyState().status).toBe('unreadable');
    expectMostRestrictive(c);
  };

  it('fake registry: access denied on the policy key', async () => {
    const source = createRegistryPolicySource({
      registry: fakeRegistry({ [POLICY_REGISTRY_SUBKEY]: {} }, accessDenied()),
    });
    const c = await load(source);
    expectUnreadable(c);
    expect(c.policyState().problems[0]).toBe(
      'HKLM\\SOFTWARE\\Policies\\CCMS Terminal Project\\CCMS Terminal: cannot be read (Access is denied. Windows error 5). The most restrictive policy applies until it can be read: AllowedEnvironments = production; IdleTimeoutCeilingSec = 60; SharedDesk = 1; RememberUserId = 0.',
    );
  });

  it('fake registry: the native registry module fails to load', async () => {
    const source = createRegistryPolicySource({
      registry: () => Promise.reject(new Error('Cannot find module native-reg')),
    });
    const c = await load(source);
    expectUnreadable(c);
    expect(c.policyState().problems[0]).toContain('cannot be read (Cannot find module native-reg)');
  });

  it('policy file: not JSON', async () => {
    const path = join(dir, 'policy.json');
    await writeFile(path, 'AllowedEnvironments=production');
    const c = await load(createFilePolicySource(path));
    expectUnreadable(c);
    expect(c.policyState()).toMatchObject({ source: path });
  });
});

describe('no policy is not an unreadable one', () => {
  it('fake registry: a missing key is no policy, with every environment and no ceiling', async () => {
    const c = await load(createRegistryPolicySource({ registry: fakeRegistry({}) }));
    expect(c.policyState()).toEqual({
      status: 'none',
      source: 'HKLM\\SOFTWARE\\Policies\\CCMS Terminal Project\\CCMS Terminal',
      problems: [],
    });
    expect(c.allowedEnvironments()).toEqual(['production', 'connectivity-test', 'simulator']);
    expect(c.idleCeilingSec()).toBeUndefined();
    expect(c.sharedDesk()).toBe(false);
  });

  it('policy file: a missing file is no policy', async () => {
    const c = await load(createFilePolicySource(join(dir, 'none.json')));
    expect(c.policyState().status).toBe('none');
    expect(c.rememberUserId()).toBe(true);
  });
});
