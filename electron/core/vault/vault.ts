// The vault: what the client keeps per environment and user, in the OS keychain only.
//
// Today it keeps one thing: a per-workstation device credential (32 random bytes) for each
// environment and user, created on the first successful sign-in. The host protocol (v1) does not
// consume it yet; it exists so that "remember this workstation" and "forget this workstation"
// behave now as they will when the host starts binding sessions to a device. An index entry lists
// every account the vault wrote, so `forgetAll` removes them all even where the keychain cannot
// be enumerated. No plaintext fallback: with no keychain, nothing is kept.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import * as z from 'zod';
import { CcmsError } from '../../../shared/errors.js';
import { parse, parseOrThrow } from '../../../shared/parse.js';
import { UserId } from '../../../shared/protocol.js';
import { EnvironmentId } from '../../../shared/bridge.js';
import { nullLogger, type Logger } from '../logging/logger.js';
import type { Keychain } from './os-keychain.js';

export { createOsKeychain, type Keychain } from './os-keychain.js';

/** The keychain service name the vault writes under. */
export const VAULT_SERVICE = 'CCMS Terminal';
/** The account of the index entry. */
export const INDEX_ACCOUNT = 'vault-index';

/** The longest index text kept (Windows credential blobs hold 1280 UTF-16 characters). */
export const INDEX_MAX_CHARS = 1200;

const IndexDoc = z.object({ v: z.literal(1), accounts: z.array(z.string().max(200)).max(1000) });

/** Options of the vault. */
export interface VaultOptions {
  /** Shared-desk policy: the vault keeps nothing at all. */
  sharedDesk: boolean;
  logger?: Logger;
  /** Keychain service name; tests give each run its own. */
  service?: string;
  /** Source of random bytes (injected so tests can see what was made). */
  randomBytes?: (n: number) => Buffer;
  /** This workstation's name; default the computer name. */
  workstation?: string;
}

/**
 * The keychain account of an environment's user's device credential on a workstation. Windows
 * Credential Manager entries written by the keychain library roam with a roaming profile (the
 * library offers no "this machine only" persistence), so the account names the workstation: a
 * credential that roamed in from another desk is never taken for this one's (docs/deployment.md).
 */
export function deviceAccount(env: EnvironmentId, userId: string, workstation: string): string {
  const desk = workstation
    .toUpperCase()
    .replace(/[^A-Z0-9._-]/g, '_')
    .slice(0, 63);
  return `device/${desk}/${env}/${userId.toUpperCase()}`;
}

/** The per-workstation credential store over the OS keychain. */
export class Vault {
  private readonly keychain: Keychain;
  private readonly sharedDesk: boolean;
  private readonly log: Logger;
  private readonly service: string;
  private readonly random: (n: number) => Buffer;
  private readonly workstation: string;
  // Index updates are read-modify-write: one at a time.
  private queue: Promise<unknown> = Promise.resolve();
  // Accounts this process has already made sure of: a second sign-in asks the keychain nothing.
  private readonly remembered = new Set<string>();

  constructor(keychain: Keychain, opts: VaultOptions) {
    this.keychain = keychain;
    this.sharedDesk = opts.sharedDesk;
    this.log = opts.logger ?? nullLogger;
    this.service = opts.service ?? VAULT_SERVICE;
    this.random = opts.randomBytes ?? randomBytes;
    this.workstation = opts.workstation ?? hostname();
  }

  /** Whether the OS keychain answers now (false when locked, missing or refused). */
  async isAvailable(): Promise<boolean> {
    try {
      await this.keychain.get(this.service, INDEX_ACCOUNT);
      return true;
    } catch (err) {
      this.log.warn('keychain unavailable', err);
      return false;
    }
  }

  /**
   * Called after a successful sign-in: makes sure this workstation has a device credential for
   * the environment and user. Never rejects for a keychain failure (signing in must work without
   * a keychain); it logs a warning instead. Rejects only for an invalid environment or user ID.
   */
  async rememberSignIn(env: EnvironmentId, userId: string): Promise<void> {
    const account = this.account(env, userId);
    if (this.sharedDesk || this.remembered.has(account)) return;
    try {
      await this.serial(async () => {
        const existing = await this.keychain.get(this.service, account);
        if (existing === null) {
          await this.keychain.set(this.service, account, this.random(32).toString('base64url'));
        }
        await this.addToIndex(account);
        this.remembered.add(account);
      });
    } catch (err) {
      this.log.warn('could not remember this workstation in the OS keychain', err);
    }
  }

  /** The device credential kept for the environment and user, or null (for the future host). */
  async deviceCredential(env: EnvironmentId, userId: string): Promise<string | null> {
    const account = this.account(env, userId);
    if (this.sharedDesk) return null;
    return this.keychain.get(this.service, account);
  }

  /**
   * "Forget this workstation": deletes every entry the vault made (also under a shared-desk
   * policy, which may have come after entries were made). Returns how many credentials were
   * removed; rejects with KEYCHAIN_UNAVAILABLE when the keychain cannot be reached.
   */
  async forgetAll(): Promise<number> {
    return this.serial(async () => {
      this.remembered.clear();
      const fromIndex = await this.readIndex();
      const listed = await this.keychain.list(this.service);
      const accounts = new Set([...fromIndex, ...listed].filter((a) => a !== INDEX_ACCOUNT));
      let removed = 0;
      for (const account of accounts) {
        if (await this.keychain.delete(this.service, account)) removed++;
      }
      await this.keychain.delete(this.service, INDEX_ACCOUNT);
      this.log.info('forgot this workstation', { removed });
      return removed;
    });
  }

  private account(env: EnvironmentId, userId: string): string {
    const e = parseOrThrow(EnvironmentId, env, 'INVALID_REQUEST', 'environment');
    const u = parseOrThrow(UserId, userId, 'INVALID_REQUEST', 'user ID');
    return deviceAccount(e, u, this.workstation);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readIndex(): Promise<string[]> {
    const raw = await this.keychain.get(this.service, INDEX_ACCOUNT);
    if (raw === null) return [];
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const doc = parse(IndexDoc, json);
    if (doc.ok) return doc.value.accounts;
    // A damaged index loses nothing: forgetAll also enumerates the service.
    this.log.warn('vault index in the keychain is unreadable; starting a new one');
    return [];
  }

  private async addToIndex(account: string): Promise<void> {
    const accounts = await this.readIndex();
    if (accounts.includes(account)) return;
    const text = JSON.stringify({ v: 1 as const, accounts: [...accounts, account] });
    // Windows caps a credential at 2560 bytes (1280 UTF-16 characters). A full index stops
    // growing; forgetAll still finds the rest by listing the service.
    if (text.length > INDEX_MAX_CHARS) {
      this.log.info('vault index is full; later entries are found by listing the keychain');
      return;
    }
    await this.keychain.set(this.service, INDEX_ACCOUNT, text);
  }
}

/** Whether an error is the keychain being unavailable (for callers deciding what to show). */
export function isKeychainUnavailable(err: unknown): boolean {
  return err instanceof CcmsError && err.code === 'KEYCHAIN_UNAVAILABLE';
}
