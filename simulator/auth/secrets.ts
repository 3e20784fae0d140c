import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';

/** Encrypts and decrypts small secrets at rest (TOTP seeds) with AES-256-GCM. */
export class SecretBox {
  private readonly key: Buffer;
  constructor(keyBase64: string) {
    this.key = Buffer.from(keyBase64, 'base64');
    if (this.key.length !== 32) throw new Error('SecretBox: the key must be 32 bytes');
  }
  /** `v1.<iv>.<tag>.<ciphertext>`, all base64url; a fresh 96-bit IV each time. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', iv, tag, ct]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }
  /** Throws when the text was not sealed with this key or was altered. */
  open(sealed: string): string {
    const [v, iv, tag, ct] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || ct === undefined)
      throw new Error('SecretBox: not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ct, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
  /** A keyed hash for short codes: a plain hash of six digits would be reversed in a millisecond. */
  mac(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }
  /** Compares a code with its stored keyed hash in constant time. */
  macEquals(value: string, stored: string): boolean {
    const a = Buffer.from(this.mac(value));
    const b = Buffer.from(stored);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/** An opaque random token (session, challenge, init token, request id): 256 bits, base64url. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a copy of the database cannot sign anyone in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A uniformly random six-digit code. */
export function newNumericCode(digits = 6): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/** A temporary password that meets the policy: letters, digits and symbols, 16+ characters. */
export function newTemporaryPassword(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  const digits = '23456789';
  const symbols = '!#$%&*+-=?@';
  const all = letters + digits + symbols;
  const pick = (set: string): string => set.charAt(randomInt(0, set.length));
  const chars = [pick(letters), pick(letters), pick(digits), pick(symbols)];
  while (chars.length < 18) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return `T-${chars.join('')}`;
}

/** `c00102@cp001.example` -> `c***2@cp001.example`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  const head = local.charAt(0);
  const tail = local.length > 2 ? local.charAt(local.length - 1) : '';
  return `${head}***${tail}${email.slice(at)}`;
}
