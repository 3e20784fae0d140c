import type { PolicyFieldKind } from './policy-fields.js';

/** A registry value as RegQueryValueExW returns it (native-reg's `queryValueRaw`): type and bytes. */
export interface RawRegistryValue {
  type: number;
  data: Buffer;
}

/** The registry type numbers of winnt.h that the policy reads. */
export const REG = { SZ: 1, EXPAND_SZ: 2, BINARY: 3, DWORD: 4, MULTI_SZ: 7, QWORD: 11 } as const;

const TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'REG_NONE',
  1: 'REG_SZ',
  2: 'REG_EXPAND_SZ',
  3: 'REG_BINARY',
  4: 'REG_DWORD',
  5: 'REG_DWORD_BIG_ENDIAN',
  6: 'REG_LINK',
  7: 'REG_MULTI_SZ',
  8: 'REG_RESOURCE_LIST',
  11: 'REG_QWORD',
};

/** A registry value decoded; types the policy never uses keep only their name. */
export type RegistryData =
  | { type: 'REG_SZ' | 'REG_EXPAND_SZ'; value: string }
  | { type: 'REG_MULTI_SZ'; value: string[] }
  | { type: 'REG_DWORD' | 'REG_QWORD'; value: number }
  | { type: string; value: null };

/** UTF-16LE text up to its first NUL; the registry does not promise a terminator. */
function utf16(data: Buffer): string {
  return data.subarray(0, data.length - (data.length % 2)).toString('utf16le');
}
const untilNul = (text: string) => text.split('\0', 1)[0] ?? '';

/** Decodes the bytes of a registry value by its type. */
export function decodeRegistryValue(raw: RawRegistryValue): RegistryData {
  const name = TYPE_NAMES[raw.type] ?? `registry type ${raw.type}`;
  switch (raw.type) {
    case REG.SZ:
    case REG.EXPAND_SZ:
      return { type: name as 'REG_SZ' | 'REG_EXPAND_SZ', value: untilNul(utf16(raw.data)) };
    case REG.MULTI_SZ: {
      // The strings end at the first empty one (the list's double NUL).
      const parts = utf16(raw.data).split('\0');
      const end = parts.indexOf('');
      return { type: 'REG_MULTI_SZ', value: end < 0 ? parts : parts.slice(0, end) };
    }
    case REG.DWORD:
      if (raw.data.length !== 4)
        return { type: `${name} of ${raw.data.length} bytes`, value: null };
      return { type: 'REG_DWORD', value: raw.data.readUInt32LE(0) };
    case REG.QWORD:
      if (raw.data.length !== 8)
        return { type: `${name} of ${raw.data.length} bytes`, value: null };
      return { type: 'REG_QWORD', value: Number(raw.data.readBigUInt64LE(0)) };
    default:
      return { type: name, value: null };
  }
}

/** Expands `%NAME%` as ExpandEnvironmentStrings does: names are case-insensitive, unknown ones stay. */
export function expandEnvironment(text: string, env: NodeJS.ProcessEnv): string {
  const byName = new Map(Object.entries(env).map(([k, v]) => [k.toLowerCase(), v]));
  return text.replace(
    /%([^%]+)%/g,
    (whole, name: string) => byName.get(name.toLowerCase()) ?? whole,
  );
}

/** A registry value taken as a policy field's value, or why it cannot be. */
export type FieldValue = { ok: true; value: unknown } | { ok: false; reason: string };

const EXPECTED: Readonly<Record<PolicyFieldKind, string>> = {
  text: 'REG_SZ or REG_EXPAND_SZ',
  enum: 'REG_SZ',
  list: 'REG_MULTI_SZ (or REG_SZ with ";" between entries)',
  number: 'REG_DWORD (or REG_SZ digits)',
  boolean: 'REG_DWORD 1 or 0 (or REG_SZ 1, 0, true or false)',
};
const BOOLEAN_TEXT = new Map([
  ['1', true],
  ['true', true],
  ['0', false],
  ['false', false],
]);

/** Takes a decoded registry value for a field of `kind`: REG_EXPAND_SZ is expanded from `env`. */
export function toFieldValue(
  kind: PolicyFieldKind,
  data: RegistryData,
  env: NodeJS.ProcessEnv,
): FieldValue {
  const wrongType: FieldValue = {
    ok: false,
    reason: `is ${data.type}; expected ${EXPECTED[kind]}`,
  };
  const text =
    data.type === 'REG_SZ' || data.type === 'REG_EXPAND_SZ'
      ? (data.type === 'REG_EXPAND_SZ'
          ? expandEnvironment(String(data.value), env)
          : String(data.value)
        ).trim()
      : undefined;
  switch (kind) {
    case 'text':
    case 'enum':
      return text === undefined ? wrongType : { ok: true, value: text };
    case 'list': {
      const items = Array.isArray(data.value) ? data.value : text?.split(';');
      if (!items) return wrongType;
      return { ok: true, value: items.map((s) => s.trim()).filter((s) => s !== '') };
    }
    case 'number':
      if (typeof data.value === 'number') return { ok: true, value: data.value };
      if (text === undefined) return wrongType;
      if (!/^\d{1,10}$/.test(text))
        return { ok: false, reason: `is ${data.type} text that is not a whole number` };
      return { ok: true, value: Number(text) };
    case 'boolean': {
      if (typeof data.value === 'number') {
        if (data.value === 0 || data.value === 1) return { ok: true, value: data.value === 1 };
        return { ok: false, reason: `is ${data.type} ${data.value}; expected 1 (on) or 0 (off)` };
      }
      if (text === undefined) return wrongType;
      const flag = BOOLEAN_TEXT.get(text.toLowerCase());
      if (flag === undefined)
        return { ok: false, reason: `is ${data.type} text that is not 1, 0, true or false` };
      return { ok: true, value: flag };
    }
  }
}
