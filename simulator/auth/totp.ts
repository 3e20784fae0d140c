import { authenticator, totp } from 'otplib';
import type { SimSettings } from '../settings.js';

// otplib's KeyEncodings enum lives in a subpath TypeScript cannot resolve here; its value is 'hex'.
const HEX = 'hex' as NonNullable<NonNullable<Parameters<typeof totp.clone>[0]>['encoding']>;

/** RFC 6238 as docs/protocol.md fixes it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SEC = 30;
export const TOTP_DIGITS = 6;

/** A fresh base32 TOTP secret (160 bits, RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

/** The 30-second step number at `nowMs`. */
export function stepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SEC);
}

/** The code an authenticator app shows at `nowMs`, shifted by `offsetSteps` steps. */
export function totpAt(secret: string, nowMs: number, offsetSteps = 0): string {
  return authenticator
    .clone({ epoch: nowMs + offsetSteps * TOTP_PERIOD_SEC * 1000 })
    .generate(secret);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (padding and case ignored) as hex; a character outside the alphabet throws. */
export function base32ToHex(text: string): string {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const v = BASE32.indexOf(ch);
    if (v < 0) throw new Error('TOTP secret: not base32');
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out).toString('hex');
}

/** The outcome of checking a TOTP code. */
export type TotpCheck =
  { ok: true; step: number; clockSkewSec: number } | { ok: false; reason: 'invalid' | 'reused' };

/**
 * Checks a code within ±`windowSteps`. RFC 6238 §5.2: a step once accepted is never accepted
 * again, nor any earlier one, so `lastUsedStep` rejects a replay even inside the window.
 */
export function checkTotp(
  secret: string,
  code: string,
  nowMs: number,
  windowSteps: number,
  lastUsedStep: number,
): TotpCheck {
  // otplib's TOTP on the raw key: `authenticator` would decode the base32 secret again for every
  // step of the window with a slow pure-JS decoder (about half the event loop's TOTP time).
  const delta = totp
    .clone({ epoch: nowMs, window: windowSteps, encoding: HEX })
    .checkDelta(code, base32ToHex(secret));
  if (delta === null) return { ok: false, reason: 'invalid' };
  const step = stepAt(nowMs) + delta;
  if (step <= lastUsedStep) return { ok: false, reason: 'reused' };
  // The phone showed the code of step `step`: its clock is `delta` steps off the host's.
  return { ok: true, step, clockSkewSec: delta * TOTP_PERIOD_SEC };
}

/** How an authenticator app names the account's issuer in each environment (docs/protocol.md). */
export const TOTP_ISSUERS = {
  production: 'CCMS',
  'connectivity-test': 'CCMS (Connectivity Test)',
  simulator: 'CCMS (Simulator)',
} as const satisfies Record<SimSettings['environment'], string>;

/**
 * The `otpauth://` URI an authenticator app scans (Key Uri Format): the label is
 * "Issuer:account" and the `issuer` parameter the same issuer, both percent-encoded, so the
 * entries of two environments on one phone do not look identical.
 */
export function otpauthUri(
  userId: string,
  secret: string,
  environment: SimSettings['environment'],
): string {
  return authenticator.keyuri(userId, TOTP_ISSUERS[environment], secret);
}
