// Unit tests of the vault's failure handling. The real behaviour against the OS keychain is in
// test/integration/vault/; here a fake Keychain exists only to inject faults, as each name says.
import { describe, expect, it } from 'vitest';
import { CcmsError } from '../../../shared/errors.js';
import type { Logger } from '../logging/logger.js';
import { Vault, isKeychainUnavailable, type Keychain } from './vault.js';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const rec = (level: string) => (msg: string, data?: unknown) => {
    lines.push(`${level} ${msg} ${JSON.stringify(data ?? null)}`);
  };
  return { lines, debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') };
}

const down = () =>
  Promise.reject(
    new CcmsError('KEYCHAIN_UNAVAILABLE', 'The OS keychain could not be reached: locked'),
  );

/** Fault: a keychain that rejects every call, as a locked or missing keychain does. */
const throwingKeychain: Keychain = { get: down, set: down, delete: down, list: down };

describe('fault: keychain that rejects every call (fake Keychain)', () => {
  it('reports unavailable, lets sign-in go on, and refuses to claim it forgot', async () => {
    const logger = recordingLogger();
    const vault = new Vault(throwingKeychain, { sharedDesk: false, logger });
    expect(await vault.isAvailable()).toBe(false);
    await expect(vault.rememberSignIn('simulator', 'C00101')).resolves.toBeUndefined();
    const err: unknown = await vault.forgetAll().catch((e: unknown) => e);
    expect(isKeychainUnavailable(err)).toBe(true);
    expect(logger.lines.some((l) => l.startsWith('warn could not remember this workstation'))).toBe(
      true,
    );
  });

  it('after a failure, the next call still runs (the queue is not stuck)', async () => {
    let fail = true;
    const store = new Map<string, string>();
    const flaky: Keychain = {
      get: async (s, a) => (fail ? down() : (store.get(`${s}|${a}`) ?? null)),
      set: async (s, a, v) => {
        store.set(`${s}|${a}`, v);
      },
      delete: async (s, a) => store.delete(`${s}|${a}`),
      list: async (s) =>
        [...store.keys()].filter((k) => k.startsWith(`${s}|`)).map((k) => k.slice(s.length + 1)),
    };
    const vault = new Vault(flaky, { sharedDesk: false });
    await expect(vault.forgetAll()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    fail = false;
    await vault.rememberSignIn('simulator', 'C00101');
    expect(await vault.forgetAll()).toBe(1);
  });
});

describe('fault: keychain that accepts reads but refuses writes (fake Keychain)', () => {
  it('keeps nothing, logs a warning without the credential, and does not reject', async () => {
    const written: string[] = [];
    const readOnly: Keychain = {
      get: async () => null,
      set: async (_s, _a, secret) => {
        written.push(secret);
        throw new CcmsError(
          'KEYCHAIN_UNAVAILABLE',
          'The OS keychain could not store a credential: denied',
        );
      },
      delete: async () => false,
      list: async () => [],
    };
    const logger = recordingLogger();
    const vault = new Vault(readOnly, {
      sharedDesk: false,
      logger,
      randomBytes: (n) => Buffer.alloc(n, 7),
    });
    await vault.rememberSignIn('production', 'C00101');
    expect(written).toHaveLength(1);
    const credential = written[0] as string;
    expect(logger.lines.join('\n')).not.toContain(credential);
    expect(logger.lines.join('\n')).toContain('could not remember');
  });
});
