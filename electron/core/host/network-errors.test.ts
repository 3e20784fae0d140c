import { describe, expect, it } from 'vitest';
import { CcmsError } from '../../../shared/errors.js';
import { CONNECT_TIMEOUT_CODE, mapNetworkError } from './network-errors.js';

const where = 'https://ccms.example.invalid';
const nested = (code: string, message = 'x') =>
  Object.assign(new Error('wrapper'), { cause: Object.assign(new Error(message), { code }) });

describe('mapNetworkError', () => {
  it('maps Node socket errors found in the cause chain', () => {
    expect(mapNetworkError(nested('ECONNREFUSED'), where, false).code).toBe('HOST_UNREACHABLE');
    expect(mapNetworkError(nested('ENOTFOUND'), where, false).code).toBe('HOST_UNREACHABLE');
    expect(mapNetworkError(nested('ETIMEDOUT'), where, false).code).toBe('HOST_TIMEOUT');
    expect(mapNetworkError(nested(CONNECT_TIMEOUT_CODE), where, false).code).toBe('HOST_TIMEOUT');
    expect(mapNetworkError(nested('CERT_HAS_EXPIRED'), where, false).code).toBe('TLS_ERROR');
    expect(mapNetworkError(nested('ERR_TLS_CERT_ALTNAME_INVALID'), where, false).code).toBe(
      'TLS_ERROR',
    );
    expect(mapNetworkError(nested('SELF_SIGNED_CERT_IN_CHAIN'), where, false).code).toBe(
      'TLS_ERROR',
    );
  });

  it("maps Chromium's net:: errors (Electron's net.fetch)", () => {
    expect(
      mapNetworkError(new TypeError('net::ERR_CERT_AUTHORITY_INVALID'), where, false).code,
    ).toBe('TLS_ERROR');
    expect(mapNetworkError(new TypeError('net::ERR_CONNECTION_REFUSED'), where, false).code).toBe(
      'HOST_UNREACHABLE',
    );
    expect(
      mapNetworkError(new TypeError('net::ERR_PROXY_CONNECTION_FAILED'), where, false).code,
    ).toBe('HOST_UNREACHABLE');
    expect(mapNetworkError(new TypeError('net::ERR_TIMED_OUT'), where, false).code).toBe(
      'HOST_TIMEOUT',
    );
  });

  it('our own abort is a timeout, whatever the adapter says', () => {
    expect(
      mapNetworkError(Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' }), where, true)
        .code,
    ).toBe('HOST_TIMEOUT');
  });

  it('names the host and keeps a CcmsError as it is', () => {
    expect(mapNetworkError(nested('ECONNRESET'), where, false).message).toContain(where);
    const own = new CcmsError('BAD_HOST_REPLY', 'x');
    expect(mapNetworkError(own, where, false)).toBe(own);
  });
});
