// A stand-in for the Windows registry, which does not exist off Windows: tests record values as
// Windows stores them (type number and UTF-16LE or little-endian bytes) and the registry policy
// source reads them as it reads native-reg's answers on Windows.
import type { RegistryAccess } from '../registry-policy-source.js';
import { REG, type RawRegistryValue } from '../registry-values.js';

/** A value as regedit shows it; `raw` gives any type and bytes. */
export type RecordedValue =
  | { type: 'REG_SZ' | 'REG_EXPAND_SZ'; data: string }
  | { type: 'REG_MULTI_SZ'; data: string[] }
  | { type: 'REG_DWORD' | 'REG_QWORD'; data: number }
  | { type: 'REG_BINARY'; data: Buffer }
  | { type: 'raw'; raw: RawRegistryValue };

const utf16 = (text: string) => Buffer.from(text, 'utf16le');

/** The bytes Windows stores for a value. */
export function encodeRegistryValue(v: RecordedValue): RawRegistryValue {
  switch (v.type) {
    case 'REG_SZ':
      return { type: REG.SZ, data: utf16(`${v.data}\0`) };
    case 'REG_EXPAND_SZ':
      return { type: REG.EXPAND_SZ, data: utf16(`${v.data}\0`) };
    case 'REG_MULTI_SZ':
      return { type: REG.MULTI_SZ, data: utf16(`${v.data.map((s) => `${s}\0`).join('')}\0`) };
    case 'REG_DWORD': {
      const data = Buffer.alloc(4);
      data.writeUInt32LE(v.data);
      return { type: REG.DWORD, data };
    }
    case 'REG_QWORD': {
      const data = Buffer.alloc(8);
      data.writeBigUInt64LE(BigInt(v.data));
      return { type: REG.QWORD, data };
    }
    case 'REG_BINARY':
      return { type: REG.BINARY, data: v.data };
    case 'raw':
      return v.raw;
  }
}

/** The error native-reg throws when RegOpenKeyExW is refused (its README's example). */
export function accessDenied(): Error {
  return Object.assign(new Error('Access is denied.'), { errno: 5, syscall: 'RegOpenKeyExW' });
}

/**
 * A fake registry of HKLM: subkey → value name → value. `fault` is thrown by every read instead,
 * as a refused or failed read does on Windows.
 */
export function fakeRegistry(
  keys: Record<string, Record<string, RecordedValue>>,
  fault?: Error,
): () => Promise<RegistryAccess> {
  const lower = new Map(Object.entries(keys).map(([k, v]) => [k.toLowerCase(), v]));
  return async () => ({
    readMachineValues(subKey) {
      if (fault) throw fault;
      // Key names are case-insensitive in Windows.
      const values = lower.get(subKey.toLowerCase());
      if (!values) return null;
      return Object.entries(values).map(([name, v]) => ({ name, value: encodeRegistryValue(v) }));
    },
  });
}
