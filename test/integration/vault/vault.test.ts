// The vault against the real OS keychain. On Linux: run under `scripts/with-keyring.sh`, which
// gives the tests a private D-Bus session with an unlocked gnome-keyring (Secret Service).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  INDEX_ACCOUNT,
  INDEX_MAX_CHARS,
  Vault,
  createOsKeychain,
  deviceAccount,
} from '../../../electron/core/vault/vault.js';
import { createLogger } from '../../../electron/core/logging/logger.js';

const run = promisify(execFile);
const keychain = createOsKeychain();
const services: string[] = [];

function freshService(): string {
  const s = `CCMS Terminal test ${randomUUID()}`;
  services.push(s);
  return s;
}

afterEach(async () => {
  for (const s of services.splice(0)) {
    for (const account of await keychain.list(s)) await keychain.delete(s, account);
  }
});

/** Every file under a folder, for searching for a secret written in plaintext. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('OS keychain (Secret Service)', () => {
  it('stores, lists, reads and deletes a credential', async () => {
    const service = freshService();
    expect(await keychain.get(service, 'alpha')).toBeNull();
    await keychain.set(service, 'alpha', 'secret-1');
    await keychain.set(service, 'alpha', 'secret-2');
    expect(await keychain.get(service, 'alpha')).toBe('secret-2');
    expect(await keychain.list(service)).toEqual(['alpha']);
    expect(await keychain.delete(service, 'alpha')).toBe(true);
    expect(await keychain.delete(service, 'alpha')).toBe(false);
    expect(await keychain.list(service)).toEqual([]);
  });
});

describe('Vault', () => {
  it('is available inside the keychain session', async () => {
    const vault = new Vault(keychain, { sharedDesk: false, service: freshService() });
    expect(await vault.isAvailable()).toBe(true);
  });

  it('creates one random device credential per environment and user on first sign-in, then keeps it', async () => {
    const service = freshService();
    const vault = new Vault(keychain, { sharedDesk: false, service });
    await vault.rememberSignIn('simulator', 'C00101');
    const first = await vault.deviceCredential('simulator', 'C00101');
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await vault.rememberSignIn('simulator', 'C00101');
    expect(await vault.deviceCredential('simulator', 'C00101')).toBe(first);

    await vault.rememberSignIn('production', 'C00101');
    await vault.rememberSignIn('simulator', 'C00102');
    const other = await vault.deviceCredential('production', 'C00101');
    expect(other).not.toBe(first);
    expect((await keychain.list(service)).sort()).toEqual(
      [
        deviceAccount('production', 'C00101', hostname()),
        deviceAccount('simulator', 'C00101', hostname()),
        deviceAccount('simulator', 'C00102', hostname()),
        INDEX_ACCOUNT,
      ].sort(),
    );
  });

  it('keeps one device credential per workstation: one that roamed in from another desk is not used', async () => {
    const service = freshService();
    const deskA = new Vault(keychain, { sharedDesk: false, service, workstation: 'DESK-A' });
    const deskB = new Vault(keychain, { sharedDesk: false, service, workstation: 'desk-b' });
    await deskA.rememberSignIn('simulator', 'C00101');
    const a = await deskA.deviceCredential('simulator', 'C00101');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Same keychain (a roaming profile brings desk A's entries along), another computer name.
    expect(await deskB.deviceCredential('simulator', 'C00101')).toBeNull();
    await deskB.rememberSignIn('simulator', 'C00101');
    const b = await deskB.deviceCredential('simulator', 'C00101');
    expect(b).not.toBeNull();
    expect(b).not.toBe(a);
    expect(await deskA.deviceCredential('simulator', 'C00101')).toBe(a);
  });

  it('asks the keychain nothing when the same user signs in again, until the workstation is forgotten', async () => {
    const service = freshService();
    // The real keychain, with its calls counted on the way through.
    const calls: string[] = [];
    const counted: typeof keychain = {
      get: (s, a) => (calls.push('get'), keychain.get(s, a)),
      set: (s, a, v) => (calls.push('set'), keychain.set(s, a, v)),
      delete: (s, a) => (calls.push('delete'), keychain.delete(s, a)),
      list: (s) => (calls.push('list'), keychain.list(s)),
    };
    const vault = new Vault(counted, { sharedDesk: false, service });
    await vault.rememberSignIn('simulator', 'C00101');
    expect(calls.length).toBeGreaterThan(0);
    calls.length = 0;
    await vault.rememberSignIn('simulator', 'C00101');
    expect(calls).toEqual([]);
    // Another user, or the same one after "Forget this workstation", is remembered afresh.
    await vault.rememberSignIn('simulator', 'C00102');
    expect(calls).toContain('set');
    expect(await vault.forgetAll()).toBe(2);
    calls.length = 0;
    await vault.rememberSignIn('simulator', 'C00101');
    expect(calls).toContain('set');
    expect(await vault.deviceCredential('simulator', 'C00101')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('forgets every entry it made, the index too, and reports how many', async () => {
    const service = freshService();
    const vault = new Vault(keychain, { sharedDesk: false, service });
    await Promise.all([
      vault.rememberSignIn('simulator', 'C00101'),
      vault.rememberSignIn('simulator', 'C00102'),
      vault.rememberSignIn('connectivity-test', 'C00191'),
    ]);
    expect(await vault.forgetAll()).toBe(3);
    expect(await keychain.list(service)).toEqual([]);
    expect(await vault.deviceCredential('simulator', 'C00101')).toBeNull();
    expect(await vault.forgetAll()).toBe(0);
  });

  it('forgets entries the index lost (a damaged index)', async () => {
    const service = freshService();
    const vault = new Vault(keychain, { sharedDesk: false, service });
    await vault.rememberSignIn('simulator', 'C00101');
    await keychain.set(service, INDEX_ACCOUNT, '{not json');
    expect(await vault.forgetAll()).toBe(1);
    expect(await keychain.list(service)).toEqual([]);
  });

  it('keeps the index within the Windows credential size and still forgets everything past it', async () => {
    const service = freshService();
    const vault = new Vault(keychain, { sharedDesk: false, service });
    const users = Array.from({ length: 45 }, (_, i) => `C${String(10_000 + i)}`);
    for (const u of users) await vault.rememberSignIn('connectivity-test', u);
    const index = await keychain.get(service, INDEX_ACCOUNT);
    expect(index?.length).toBeLessThanOrEqual(INDEX_MAX_CHARS);
    expect((await keychain.list(service)).length).toBe(46);
    expect(await vault.forgetAll()).toBe(45);
    expect(await keychain.list(service)).toEqual([]);
  });

  it('keeps nothing at all under a shared-desk policy, yet still forgets older entries', async () => {
    const service = freshService();
    await new Vault(keychain, { sharedDesk: false, service }).rememberSignIn('simulator', 'C00101');
    const shared = new Vault(keychain, { sharedDesk: true, service });
    await shared.rememberSignIn('simulator', 'C00102');
    expect(await shared.deviceCredential('simulator', 'C00101')).toBeNull();
    expect((await keychain.list(service)).filter((a) => a.includes('C00102'))).toEqual([]);
    expect(await shared.forgetAll()).toBe(1);
    expect(await keychain.list(service)).toEqual([]);
  });

  it('never writes the device credential in plaintext to a file or a log', async () => {
    const service = freshService();
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-vault-log-'));
    try {
      const vault = new Vault(keychain, {
        sharedDesk: false,
        service,
        logger: createLogger({ dir: logDir, level: 'debug' }),
      });
      await vault.rememberSignIn('simulator', 'C00101');
      await vault.forgetAll();
      await vault.rememberSignIn('simulator', 'C00101');
      const credential = await vault.deviceCredential('simulator', 'C00101');
      expect(credential).not.toBeNull();
      // gnome-keyring keeps its (encrypted) files under XDG_DATA_HOME in the test session.
      const roots = [logDir, process.env['XDG_DATA_HOME'] ?? ''].filter(Boolean);
      for (const file of roots.flatMap(filesUnder)) {
        expect(fs.readFileSync(file).includes(credential as string), file).toBe(false);
      }
    } finally {
      fs.rmSync(logDir, { recursive: true, force: true });
    }
  });

  it('rejects an invalid user ID or environment with a clear error', async () => {
    const vault = new Vault(keychain, { sharedDesk: false, service: freshService() });
    await expect(vault.rememberSignIn('simulator', 'C001 01; rm')).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('user ID is invalid'),
    });
    await expect(vault.rememberSignIn('staging' as never, 'C00101')).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('environment is invalid'),
    });
  });
});

describe('fault: keychain unavailable (the real OS keychain reached outside any D-Bus session)', () => {
  it('maps every call to KEYCHAIN_UNAVAILABLE, signs in without remembering, and refuses to pretend it forgot', async () => {
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-vault-log-'));
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-vault-home-'));
    try {
      // A fresh, empty home: any fallback store written by the probe would show up in it.
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        HOME: home,
        USERPROFILE: home,
        XDG_DATA_HOME: home,
        XDG_CONFIG_HOME: home,
        XDG_CACHE_HOME: home,
      };
      delete env['DBUS_SESSION_BUS_ADDRESS'];
      const probe = path.join(import.meta.dirname, 'keychain-probe.ts');
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', probe, freshService(), logDir],
        { env },
      );
      const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<
        string,
        Record<string, unknown>
      >;
      for (const op of ['get', 'set', 'list', 'delete', 'forgetAll']) {
        expect(result[op], op).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' });
      }
      expect(result['isAvailable']).toEqual({ ok: true, value: false });
      expect(result['rememberSignIn']).toMatchObject({ ok: true });
      const log = fs.readFileSync(path.join(logDir, 'main.log'), 'utf8');
      expect(log).toContain('could not remember this workstation');
      // No plaintext fallback: the probe wrote nothing but its log.
      expect(fs.readdirSync(logDir)).toEqual(['main.log']);
      expect(filesUnder(home)).toEqual([]);
      expect(log).not.toContain('never-stored-secret');
    } finally {
      fs.rmSync(logDir, { recursive: true, force: true });
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
