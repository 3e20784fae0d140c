// Run as a child process by vault.test.ts, outside the test's D-Bus session, so that it meets the
// real OS keychain unavailable. Prints one JSON line with what each operation did.
import { Vault, createOsKeychain } from '../../../electron/core/vault/vault.js';
import { createLogger } from '../../../electron/core/logging/logger.js';

async function outcome(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    return { ok: false, code: e.code, message: e.message };
  }
}

const service = process.argv[2] ?? 'CCMS Terminal probe';
const logDir = process.argv[3];
const keychain = createOsKeychain();
const vault = new Vault(keychain, {
  sharedDesk: false,
  service,
  ...(logDir ? { logger: createLogger({ dir: logDir, level: 'debug' }) } : {}),
});
const result = {
  get: await outcome(() => keychain.get(service, 'x')),
  set: await outcome(() => keychain.set(service, 'x', 'never-stored-secret')),
  list: await outcome(() => keychain.list(service)),
  delete: await outcome(() => keychain.delete(service, 'x')),
  isAvailable: await outcome(() => vault.isAvailable()),
  rememberSignIn: await outcome(() => vault.rememberSignIn('simulator', 'C00101')),
  forgetAll: await outcome(() => vault.forgetAll()),
};
console.log(JSON.stringify(result));
