import { describe, expect, it } from 'vitest';
import { basicAuthorization, parseChallenges, proxyAuthenticateValues } from './proxy-challenge.js';

describe('Proxy-Authenticate parsing', () => {
  it('reads one Basic challenge with its realm', () => {
    expect(parseChallenges(['Basic realm="proxy"'])).toEqual([{ scheme: 'Basic', realm: 'proxy' }]);
  });

  it('reads several challenges in one header, commas inside quotes included', () => {
    expect(
      parseChallenges(['Negotiate, NTLM, Basic realm="Bank, HK \\"main\\"", charset="UTF-8"']),
    ).toEqual([
      { scheme: 'Negotiate' },
      { scheme: 'NTLM' },
      { scheme: 'Basic', realm: 'Bank, HK "main"' },
    ]);
  });

  it('reads challenges spread over header lines, a token68 included', () => {
    const raw = [
      'Via',
      'x',
      'Proxy-Authenticate',
      'Negotiate YIIabc==',
      'proxy-authenticate',
      'Basic',
    ];
    expect(parseChallenges(proxyAuthenticateValues(raw))).toEqual([
      { scheme: 'Negotiate' },
      { scheme: 'Basic' },
    ]);
  });

  it('gives nothing for an empty or garbled header, without throwing', () => {
    expect(parseChallenges([])).toEqual([]);
    expect(parseChallenges(['', '  ,, ', '"unterminated'])).toEqual([]);
  });

  it('encodes Basic credentials as UTF-8 (RFC 7617)', () => {
    expect(basicAuthorization('ops', 's3cret')).toBe(`Basic ${btoa('ops:s3cret')}`);
    expect(basicAuthorization('陳', 'pw')).toBe(
      `Basic ${Buffer.from('陳:pw', 'utf8').toString('base64')}`,
    );
  });
});
