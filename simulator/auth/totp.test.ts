import { describe, expect, it } from 'vitest';
import { base32ToHex, checkTotp, otpauthUri, stepAt, totpAt } from './totp.js';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP check', () => {
  it('decodes base32 secrets to the raw key, and names a bad one', () => {
    expect(base32ToHex(RFC_SECRET)).toBe(Buffer.from('12345678901234567890').toString('hex'));
    expect(base32ToHex(RFC_SECRET.toLowerCase())).toBe(base32ToHex(RFC_SECRET));
    expect(() => base32ToHex('GEZD1')).toThrow('not base32');
  });

  it('matches the RFC 6238 test vectors (6 digits)', () => {
    expect(totpAt(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpAt(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpAt(RFC_SECRET, 2_000_000_000_000)).toBe('279037');
  });

  it('accepts ±1 step with the skew in seconds, refuses ±2', () => {
    const now = 1_700_000_015_000;
    expect(checkTotp(RFC_SECRET, totpAt(RFC_SECRET, now, -1), now, 1, -1)).toEqual({
      ok: true,
      step: stepAt(now) - 1,
      clockSkewSec: -30,
    });
    expect(checkTotp(RFC_SECRET, totpAt(RFC_SECRET, now, 1), now, 1, -1)).toEqual({
      ok: true,
      step: stepAt(now) + 1,
      clockSkewSec: 30,
    });
    expect(checkTotp(RFC_SECRET, totpAt(RFC_SECRET, now, 2), now, 1, -1)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(checkTotp(RFC_SECRET, totpAt(RFC_SECRET, now, -2), now, 1, -1)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses the last used step and any earlier one', () => {
    const now = 1_700_000_015_000;
    const step = stepAt(now);
    expect(checkTotp(RFC_SECRET, totpAt(RFC_SECRET, now), now, 1, step)).toEqual({
      ok: false,
      reason: 'reused',
    });
    expect(checkTotp(RFC_SECRET, totpAt(RFC_SECRET, now, -1), now, 1, step)).toEqual({
      ok: false,
      reason: 'reused',
    });
    expect(checkTotp(RFC_SECRET, totpAt(RFC_SECRET, now, 1), now, 1, step).ok).toBe(true);
  });

  it('builds the otpauth URI an authenticator app scans, its issuer naming the environment', () => {
    expect(otpauthUri('C00101', RFC_SECRET, 'production')).toBe(
      `otpauth://totp/CCMS:C00101?secret=${RFC_SECRET}&period=30&digits=6&algorithm=SHA1&issuer=CCMS`,
    );
    expect(otpauthUri('C00101', RFC_SECRET, 'connectivity-test')).toBe(
      `otpauth://totp/CCMS%20(Connectivity%20Test):C00101?secret=${RFC_SECRET}&period=30&digits=6&algorithm=SHA1&issuer=CCMS%20(Connectivity%20Test)`,
    );
  });
});
