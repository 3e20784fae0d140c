// The OS keychain (Windows Credential Manager, macOS Keychain, Linux Secret Service) through
// @napi-rs/keyring. Every failure becomes KEYCHAIN_UNAVAILABLE: the caller decides whether that is
// fatal (forgetting) or not (remembering), and never falls back to a file.
import { AsyncEntry, findCredentialsAsync, type EntryOptions } from '@napi-rs/keyring';
import { CcmsError } from '../../../shared/errors.js';

/** The OS keychain, reduced to what the vault needs; one real implementation (`createOsKeychain`). */
export interface Keychain {
  /** The secret kept for service/account, or null when there is none. */
  get(service: string, account: string): Promise<string | null>;
  /** Creates or replaces the secret for service/account. */
  set(service: string, account: string, secret: string): Promise<void>;
  /** Deletes service/account; true when something was deleted. */
  delete(service: string, account: string): Promise<boolean>;
  /** The account names kept under a service. */
  list(service: string): Promise<string[]>;
}

// On Linux keyring-rs would silently fall back to the kernel keyring, which forgets everything at
// logout and is not what IT audits. Pinning Secret Service makes "unavailable" mean unavailable.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

function unavailable(action: string, err: unknown): CcmsError {
  const reason = err instanceof Error ? err.message : String(err);
  return new CcmsError('KEYCHAIN_UNAVAILABLE', `The OS keychain could not ${action}: ${reason}`);
}

async function guarded<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw unavailable(action, err);
  }
}

/** The machine's OS keychain; every failure rejects with `CcmsError('KEYCHAIN_UNAVAILABLE')`. */
export function createOsKeychain(): Keychain {
  const entry = (service: string, account: string) =>
    new AsyncEntry(service, account, ENTRY_OPTIONS);
  return {
    get: (service, account) =>
      guarded('read a credential', () => entry(service, account).getPassword()),
    set: (service, account, secret) =>
      guarded('store a credential', () => entry(service, account).setPassword(secret)),
    delete: (service, account) =>
      guarded('delete a credential', () => entry(service, account).deleteCredential()),
    list: (service) =>
      guarded('list credentials', async () =>
        (await findCredentialsAsync(service)).map((c) => c.account),
      ),
  };
}
