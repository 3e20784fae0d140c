// The user's phone for the Electron suite: turns the key the 2FA wizard shows into the code an
// authenticator app would. Debian's oathtool where it is installed (then none of this project's
// code computes the answer), otherwise otplib, which also runs on Windows.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { authenticator } from 'otplib';

/** Which authenticator computes the codes. */
export type AuthenticatorKind = 'oathtool' | 'otplib';

const OATHTOOL = '/usr/bin/oathtool';

/** oathtool where it exists, else otplib. */
export function defaultAuthenticator(): AuthenticatorKind {
  return existsSync(OATHTOOL) ? 'oathtool' : 'otplib';
}

/** The 6-digit RFC 6238 code (SHA-1, 30 s) for a base32 key at `atMs`, as a phone app shows it. */
export function authenticatorCode(
  base32Key: string,
  atMs: number = Date.now(),
  kind: AuthenticatorKind = defaultAuthenticator(),
): string {
  // The wizard shows the key in groups of four; an app takes it without the spaces.
  const key = base32Key.replace(/\s+/g, '').toUpperCase();
  if (kind === 'otplib') return authenticator.clone({ epoch: atMs }).generate(key);
  const seconds = Math.floor(atMs / 1000);
  return execFileSync(OATHTOOL, ['--totp', '-b', key, '--now', `@${seconds}`], {
    encoding: 'utf8',
  }).trim();
}

/** The base32 key of an `otpauth://totp/…?secret=…` URI (what the wizard's QR code carries). */
export function keyFromOtpauthUri(uri: string): string {
  const url = new URL(uri);
  if (url.protocol !== 'otpauth:' || url.host !== 'totp') {
    throw new Error(`not an otpauth://totp URI: ${url.protocol}//${url.host}`);
  }
  const secret = url.searchParams.get('secret');
  if (!secret) throw new Error('the otpauth URI carries no secret');
  return secret;
}
