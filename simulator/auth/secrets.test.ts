import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { localPasswordViolations, DA_PASSWORD_POLICY } from '../../shared/password-policy.js';
import { SecretBox, maskEmail, newNumericCode, newTemporaryPassword } from './secrets.js';
import { isCommonPassword } from './common-passwords.js';

describe('secrets at rest', () => {
  const box = new SecretBox(randomBytes(32).toString('base64'));

  it('seals with AES-256-GCM: a fresh IV each time, tampering detected, other keys refused', () => {
    const a = box.seal('JBSWY3DPEHPK3PXP');
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(a).not.toBe(box.seal('JBSWY3DPEHPK3PXP'));
    expect(box.open(a)).toBe('JBSWY3DPEHPK3PXP');
    const parts = a.split('.');
    parts[3] = Buffer.from('XXXXXXXXXXXXXXXX').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(randomBytes(32).toString('base64')).open(a)).toThrow();
    expect(() => new SecretBox(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('keys the hash of short codes and compares it in constant time', () => {
    const mac = box.mac('123456');
    expect(box.macEquals('123456', mac)).toBe(true);
    expect(box.macEquals('123457', mac)).toBe(false);
    expect(new SecretBox(randomBytes(32).toString('base64')).mac('123456')).not.toBe(mac);
  });

  it('makes six-digit codes, masked emails and temporary passwords that meet the DA policy', () => {
    for (let i = 0; i < 50; i++) expect(newNumericCode()).toMatch(/^\d{6}$/);
    expect(maskEmail('c00102@cp001.example')).toBe('c***2@cp001.example');
    expect(maskEmail('ab@x.example')).toBe('a***@x.example');
    for (let i = 0; i < 50; i++) {
      const pw = newTemporaryPassword();
      expect(localPasswordViolations(DA_PASSWORD_POLICY, pw, 'C00101')).toEqual([]);
      expect(isCommonPassword(pw)).toBe(false);
    }
  });

  it('recognises common passwords and their decorated forms', () => {
    for (const pw of ['Password123!', 'P@ssw0rd', 'qwerty123', 'Summer2026!!', '!!Welcome1'])
      expect(isCommonPassword(pw)).toBe(true);
    for (const pw of ['Demo-Pass-101!', 'Harbour-Lights-88!'])
      expect(isCommonPassword(pw)).toBe(false);
  });
});
