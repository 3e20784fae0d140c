// The suite's stand-in for the user's phone must compute exactly what an authenticator app does:
// RFC 6238 Appendix B's SHA-1 vectors (the last six digits), from both oathtool and otplib.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authenticatorCode, keyFromOtpauthUri, type AuthenticatorKind } from './authenticator.js';

// RFC 6238's SHA-1 seed "12345678901234567890" in base32, grouped as the wizard shows a key.
const RFC_KEY = 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ';
const VECTORS: [number, string][] = [
  [59, '287082'],
  [1_111_111_109, '081804'],
  [2_000_000_000, '279037'],
];

const kinds: [AuthenticatorKind, boolean][] = [
  ['otplib', true],
  ['oathtool', existsSync('/usr/bin/oathtool')],
];

describe('authenticator codes', () => {
  for (const [kind, present] of kinds) {
    it.runIf(present)(`${kind} gives the RFC 6238 codes for a grouped key`, () => {
      for (const [seconds, code] of VECTORS) {
        expect(authenticatorCode(RFC_KEY, seconds * 1000, kind), `T=${seconds}`).toBe(code);
      }
    });
  }

  it('takes the key out of an otpauth URI and refuses anything else', () => {
    expect(keyFromOtpauthUri('otpauth://totp/CCMS:C00103?secret=ABCDEFGH&issuer=CCMS')).toBe(
      'ABCDEFGH',
    );
    expect(() => keyFromOtpauthUri('otpauth://hotp/CCMS:C00103?secret=ABCDEFGH')).toThrow(/totp/);
    expect(() => keyFromOtpauthUri('otpauth://totp/CCMS:C00103?issuer=CCMS')).toThrow(/secret/);
  });
});
