import { createRequire } from 'node:module';
import { fieldByValueName } from './policy-fields.js';
import type { PolicyRead, PolicySource } from './policy-read.js';
import { decodeRegistryValue, toFieldValue, type RawRegistryValue } from './registry-values.js';

/** The key Group Policy writes the terminal's policy to, under HKEY_LOCAL_MACHINE. */
export const POLICY_REGISTRY_SUBKEY = 'SOFTWARE\\Policies\\CCMS Terminal Project\\CCMS Terminal';
/** The same key as messages and the templates name it. */
export const POLICY_REGISTRY_KEY = `HKLM\\${POLICY_REGISTRY_SUBKEY}`;

/** One value under a key: its name and its raw data (null when it vanished while being read). */
export interface RegistryEntry {
  name: string;
  value: RawRegistryValue | null;
}

/** What the policy needs of the Windows registry: native-reg on Windows, a fake one in tests. */
export interface RegistryAccess {
  /** The values of HKLM\\`subKey`; null when the key does not exist; throws when it cannot be read. */
  readMachineValues(subKey: string): RegistryEntry[] | null;
}

/**
 * The registry through native-reg, loaded on first use: it is a Windows-only native module, so
 * nothing else (tests, browser mode, Linux builds) ever loads it.
 */
export async function loadNativeRegistry(): Promise<RegistryAccess> {
  // A plain require, not import(): the main bundle is CommonJS and Electron's require reads
  // app.asar (and its unpacked .node) by itself; import() would go through the ESM loader.
  const load = createRequire(import.meta.url);
  const reg = load('native-reg') as typeof import('native-reg');
  return {
    readMachineValues(subKey) {
      // SOFTWARE\Policies is shared by the 32- and 64-bit views; the 64-bit one is asked for anyway.
      const key = reg.openKey(reg.HKLM, subKey, reg.Access.READ | reg.Access.WOW64_64KEY);
      if (!key) return null;
      try {
        return reg.enumValueNames(key).map((name) => {
          const raw = reg.queryValueRaw(key, name);
          return { name, value: raw && { type: raw.type, data: Buffer.from(raw) } };
        });
      } finally {
        reg.closeKey(key);
      }
    },
  };
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const errno = (err as NodeJS.ErrnoException).errno;
  return errno === undefined ? err.message : `${err.message} Windows error ${errno}`;
}

function setPath(doc: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    doc[head] = value;
    return;
  }
  const child = (doc[head] ??= {}) as Record<string, unknown>;
  setPath(child, rest, value);
}

/** The policy document the values under the key make, by the schema's value names and types. */
export function registryDocument(entries: RegistryEntry[], env: NodeJS.ProcessEnv): PolicyRead {
  const raw: Record<string, unknown> = {};
  const rejected = new Map<string, string>();
  const unknown: string[] = [];
  for (const { name, value } of entries) {
    if (!value) continue;
    const field = fieldByValueName(name);
    if (!field) {
      unknown.push(name === '' ? '(Default)' : name);
      continue;
    }
    const taken = toFieldValue(field.kind, decodeRegistryValue(value), env);
    if (taken.ok) setPath(raw, field.path, taken.value);
    else rejected.set(field.path.join('.'), taken.reason);
  }
  return { kind: 'ok', raw, rejected, unknown };
}

/** How the registry source is built; both default to the real thing. */
export interface RegistrySourceOptions {
  registry?: () => Promise<RegistryAccess>;
  /** Expands REG_EXPAND_SZ values; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The Windows machine policy under `HKLM\SOFTWARE\Policies\CCMS Terminal Project\CCMS Terminal`.
 * Only a missing key is "no policy": access denied, a read error, or native-reg failing to load
 * make the policy unreadable, and the most restrictive policy applies.
 */
export function createRegistryPolicySource(opts: RegistrySourceOptions = {}): PolicySource {
  const load = opts.registry ?? loadNativeRegistry;
  return {
    location: POLICY_REGISTRY_KEY,
    naming: 'registry',
    async read() {
      let entries: RegistryEntry[] | null;
      try {
        entries = (await load()).readMachineValues(POLICY_REGISTRY_SUBKEY);
      } catch (err) {
        return {
          kind: 'unreadable',
          message: `${POLICY_REGISTRY_KEY}: cannot be read (${describeError(err)}).`,
        };
      }
      if (entries === null) return { kind: 'absent' };
      return registryDocument(entries, opts.env ?? process.env);
    },
  };
}
