import { AxiosError, AxiosHeaders } from 'axios';
import { describe, expect, it } from 'vitest';
import { REDACTED, holdLiveSecrets, isSecretKey, redact, redactString } from './redact.js';

const PASSWORD = 'Demo-Pass-101!';
const TOKEN = 'tok_3f9a8c7d6e5b4a39281706f5e4d3c2b1';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/CCMS:C00101?secret=${SECRET}&issuer=CCMS`;

/** Serialises the redacted value and asserts none of the secrets survived anywhere in it. */
function expectClean(value: unknown, ...secrets: string[]): string {
  const text = JSON.stringify(redact(value)) ?? '';
  for (const s of secrets) expect(text).not.toContain(s);
  return text;
}

describe('redact: key names', () => {
  it('removes passwords, tokens and secrets under any spelling of their key', () => {
    const out = redact({
      userId: 'C00101',
      password: PASSWORD,
      new_password: PASSWORD,
      'Init-Token': TOKEN,
      sessionToken: TOKEN,
      challengeId: 'ch_123',
      totpSecret: SECRET,
      secret: SECRET,
      otpauthUri: URI,
      authorization: `Bearer ${TOKEN}`,
      deviceCredential: 'dc_abc',
    });
    expect(out).toEqual({
      userId: 'C00101',
      password: REDACTED,
      new_password: REDACTED,
      'Init-Token': REDACTED,
      sessionToken: REDACTED,
      challengeId: REDACTED,
      totpSecret: REDACTED,
      secret: REDACTED,
      otpauthUri: REDACTED,
      authorization: REDACTED,
      deviceCredential: REDACTED,
    });
  });

  it('removes six-digit codes under code keys but keeps error codes readable', () => {
    expect(redact({ code: '123456' })).toEqual({ code: REDACTED });
    expect(redact({ code: 654321 })).toEqual({ code: REDACTED });
    expect(redact({ otp: '000111' })).toEqual({ otp: REDACTED });
    expect(redact({ code: 'OTP_INVALID', message: 'wrong code' })).toEqual({
      code: 'OTP_INVALID',
      message: 'wrong code',
    });
  });

  it('keeps rules and facts whose names merely contain a secret word', () => {
    const policy = { minLength: 10, requireDigit: true };
    expect(redact({ passwordPolicy: policy, tokenType: 'bearer' })).toEqual({
      passwordPolicy: policy,
      tokenType: 'bearer',
    });
    expect(isSecretKey('passwordPolicy')).toBe(false);
    expect(isSecretKey('refresh_token')).toBe(true);
  });

  it('keeps null, undefined and booleans under secret keys (they say whether, not what)', () => {
    expect(redact({ password: null, token: undefined, secret: false })).toEqual({
      password: null,
      token: undefined,
      secret: false,
    });
  });
});

describe('redact: shapes', () => {
  it('walks nested objects, arrays, maps and sets', () => {
    const value = {
      a: [{ b: { password: PASSWORD } }, [{ token: TOKEN }]],
      m: new Map<string, unknown>([
        ['secret', SECRET],
        ['ok', 1],
      ]),
      s: new Set([{ initToken: TOKEN }]),
    };
    const text = expectClean(value, PASSWORD, TOKEN, SECRET);
    expect(text).toContain('"ok":1');
  });

  it('redacts the session inside a host reply and the TOTP setup inside an auth state', () => {
    expectClean(
      {
        session: {
          token: TOKEN,
          expiresAt: '2026-01-01T00:00:00.000Z',
          user: { userId: 'C00101' },
        },
        channelSetup: { channel: 'totp', secret: SECRET, otpauthUri: URI, digits: 6, period: 30 },
      },
      TOKEN,
      SECRET,
      'otpauth://totp',
    );
  });

  it('turns an Error with a cause chain into data without secrets', () => {
    const root = new Error(`connect failed for password=${PASSWORD}`);
    const mid = new Error('login failed', { cause: root });
    Object.assign(mid, {
      config: {
        headers: { Authorization: `Bearer ${TOKEN}` },
        data: JSON.stringify({ password: PASSWORD }),
      },
    });
    const top = new Error('sign-in failed', { cause: mid });
    const out = redact(top) as Record<string, unknown>;
    expect(out['message']).toBe('sign-in failed');
    expect(String(out['stack'])).toContain('sign-in failed');
    const text = expectClean(top, PASSWORD, TOKEN);
    expect(text).toContain('login failed');
    expect(text).toContain('connect failed');
  });

  it('removes secrets from a real AxiosError (headers class, JSON body, reply with a session)', () => {
    const headers = new AxiosHeaders({
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/json',
    });
    const config = {
      url: '/api/v1/auth/otp',
      method: 'post',
      headers,
      data: JSON.stringify({ challengeId: 'ch_9', code: '123456' }),
    };
    const response = {
      status: 200,
      statusText: 'OK',
      headers: {},
      config,
      data: { session: { token: TOKEN, user: { userId: 'C00101' } } },
    };
    const err = new AxiosError(
      'timeout of 30000ms exceeded',
      'ECONNABORTED',
      config as never,
      {},
      response as never,
    );
    const text = expectClean(err, TOKEN, '123456', 'ch_9');
    expect(text).toContain('timeout of 30000ms exceeded');
    expect(text).toContain('ECONNABORTED');
    expect(text).toContain('C00101');
  });

  it('keeps the code and details of an error value', () => {
    const err = Object.assign(new Error('bad code'), {
      code: 'OTP_INVALID',
      details: { attemptsLeft: 2 },
    });
    expect(redact(err)).toMatchObject({
      name: 'Error',
      message: 'bad code',
      code: 'OTP_INVALID',
      details: { attemptsLeft: 2 },
    });
  });

  it('survives cycles and shows shared references twice', () => {
    const shared = { password: PASSWORD, name: 'x' };
    const a: Record<string, unknown> = { shared, again: shared };
    a['self'] = a;
    const out = redact(a) as Record<string, unknown>;
    expect(out['self']).toBe('[Circular]');
    expect(out['again']).toEqual({ password: REDACTED, name: 'x' });
    const err = new Error('loop');
    (err as Error & { cause: unknown }).cause = err;
    expect((redact(err) as Record<string, unknown>)['cause']).toBe('[Circular]');
  });

  it('never throws, even on hostile values', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('nope');
        },
      },
    );
    const getter = Object.defineProperty({}, 'token', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const badJson = {
      toJSON() {
        throw new Error('no');
      },
    };
    expect(() => redact(hostile)).not.toThrow();
    expect(redact(getter)).toEqual({ token: REDACTED });
    expect(redact(badJson)).toBe('[Unreadable]');
    expect(redact({ deep: { h: hostile } })).toEqual({ deep: { h: '[Unreadable]' } });
  });

  it('bounds depth, size and binary data', () => {
    let deep: Record<string, unknown> = { password: PASSWORD };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    expectClean(deep, PASSWORD);
    expect(JSON.stringify(redact(deep))).toContain('[Too deep]');
    expect(redact(Buffer.from(PASSWORD))).toBe(`[Buffer ${PASSWORD.length} bytes]`);
    const big = Array.from({ length: 1000 }, (_, i) => i);
    expect((redact(big) as unknown[]).length).toBeLessThan(1000);
  });

  it('names class instances instead of dumping them', () => {
    class Socket {
      secretKeyMaterial = SECRET;
    }
    expect(redact({ socket: new Socket() })).toEqual({ socket: '[Socket]' });
  });

  it('handles primitives of every kind', () => {
    expect(redact(42)).toBe(42);
    expect(redact(null)).toBe(null);
    expect(redact(undefined)).toBe(undefined);
    expect(redact(10n)).toBe('10n');
    expect(redact(Symbol('s'))).toBe('Symbol(s)');
    expect(redact(function named() {})).toBe('[Function named]');
    expect(redact(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('redact: text', () => {
  it('removes key=value secrets in query strings and prose', () => {
    const out = redactString(
      `POST /login?user=C00101&password=${PASSWORD}&lang=en token: ${TOKEN}`,
    );
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toContain(TOKEN);
    expect(out).toContain('user=C00101');
    expect(out).toContain('lang=en');
    expect(out).toContain(`password=${REDACTED}`);
  });

  it('removes bearer tokens and authorization headers', () => {
    expect(redactString(`Authorization: Bearer ${TOKEN}`)).toBe(`Authorization: ${REDACTED}`);
    expect(redactString(`sent Bearer ${TOKEN} to host`)).toBe(`sent Bearer ${REDACTED} to host`);
  });

  it('removes otpauth URIs wherever they appear, encoded or not', () => {
    expect(redactString(`scan ${URI} now`)).toBe(`scan otpauth://${REDACTED} now`);
    expect(redactString(`u=${encodeURIComponent(URI)}`)).not.toContain(SECRET);
  });

  it('parses JSON strings and redacts them by key', () => {
    const body = JSON.stringify({
      userId: 'C00101',
      password: PASSWORD,
      nested: { code: '123456' },
    });
    const out = redactString(body);
    expect(JSON.parse(out)).toEqual({
      userId: 'C00101',
      password: REDACTED,
      nested: { code: REDACTED },
    });
  });

  it('redacts JSON-like text that is not valid JSON through the patterns', () => {
    const out = redactString(`{"password":"${PASSWORD}","code":"123456", broken`);
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toContain('123456');
  });

  it('keeps escaped quotes inside a secret from leaking its tail', () => {
    const out = redactString(`password="ab\\"cd efg"`);
    expect(out).not.toContain('ab');
  });

  it('removes a six-digit code named in prose', () => {
    expect(redactString('rejected OTP 123456 for C00101')).toBe(
      `rejected OTP ${REDACTED} for C00101`,
    );
    expect(redactString('code: 654321')).toBe(`code: ${REDACTED}`);
    expect(redactString('HTTP status code 401, 123456 bytes')).toBe(
      'HTTP status code 401, 123456 bytes',
    );
  });

  it('leaves ordinary text alone', () => {
    const text = 'Signed in C00101 at 2026-01-01T00:00:00Z; code OTP_INVALID; 3 attempts left';
    expect(redactString(text)).toBe(text);
  });
});

describe('redact: the shapes an audit found missing', () => {
  it('removes values under short or compound secret keys', () => {
    const out = redact({
      pw: PASSWORD,
      otpValue: '123456',
      sessionId: TOKEN,
      auth: `Basic ${TOKEN}`,
      bearer: TOKEN,
      proxyAuthorization: 'Basic dXNlcjpwYXNz',
      otpChannel: 'totp',
    });
    expect(out).toEqual({
      pw: REDACTED,
      otpValue: REDACTED,
      sessionId: REDACTED,
      auth: REDACTED,
      bearer: REDACTED,
      proxyAuthorization: REDACTED,
      otpChannel: 'totp',
    });
  });

  it('removes values from key/value pair arrays (raw header pairs, entries)', () => {
    expectClean(
      [
        ['Authorization', `Bearer ${TOKEN}`],
        ['password', PASSWORD],
        ['Host', 'ccms.example'],
      ],
      TOKEN,
      PASSWORD,
    );
    const flat = expectClean(
      [
        'Host',
        'ccms.example',
        'Proxy-Authorization',
        'Basic dXNlcjpwYXNz',
        'Cookie',
        `sid=${TOKEN}`,
      ],
      'dXNlcjpwYXNz',
      TOKEN,
    );
    expect(flat).toContain('ccms.example');
  });

  it('removes a whole quoted value, spaces and all', () => {
    const text = redactString('password="two words here" user=C00101');
    expect(text).not.toMatch(/words|here/);
    expect(text).toContain('user=C00101');
    expect(redactString("secret='a b c'")).not.toMatch(/\bb c/);
  });

  it('removes secrets from escaped JSON inside a string', () => {
    expectClean(`body was {\\"password\\":\\"${PASSWORD}\\",\\"userId\\":\\"C00101\\"}`, PASSWORD);
    expectClean(`"{\\"sessionToken\\": \\"${TOKEN}\\"}"`, TOKEN);
  });

  it('removes URL userinfo, in a string and in a URL object', () => {
    const text = redactString('proxy http://alice:S3cret-Pw@proxy.bank:8080 refused');
    expect(text).not.toContain('S3cret-Pw');
    expect(text).toContain('proxy.bank:8080');
    expectClean({ proxy: new URL('http://alice:S3cret-Pw@proxy.bank:8080/') }, 'S3cret-Pw');
  });

  it('removes a code split in groups and named in prose', () => {
    expect(redactString('your code is 123 456')).not.toMatch(/123\s?456/);
    expect(redactString('OTP: 123-456')).not.toMatch(/123-456/);
  });

  it('removes secrets from Error messages', () => {
    const err = new Error(`login failed: password is ${PASSWORD}`);
    expectClean(err, PASSWORD);
    expectClean({ error: new Error(`token ${TOKEN} rejected`) }, TOKEN);
  });

  it('scrubs the live secrets the core holds by exact match, wherever they appear', () => {
    const odd = 'zz-odd-shaped-value-77';
    const release = holdLiveSecrets([odd, '']);
    try {
      expectClean({ note: `the host said ${odd}`, nested: [{ x: odd }] }, odd);
      expectClean(new Error(`${odd} failed`), odd);
    } finally {
      release();
    }
    expect(JSON.stringify(redact({ note: odd }))).toContain(odd);
  });
});
