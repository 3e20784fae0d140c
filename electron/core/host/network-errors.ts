import { CcmsError } from '../../../shared/errors.js';

/** Our own code for a TCP/TLS connection that did not complete within the connect timeout. */
export const CONNECT_TIMEOUT_CODE = 'CCMS_CONNECT_TIMEOUT';
/** Our own code for a proxy that refused the CONNECT tunnel (407, 403, 502 …). */
export const PROXY_REFUSED_CODE = 'CCMS_PROXY_REFUSED';

// Node's certificate verification failures (every X509_V_ERR name Node reports as an error code,
// see Node's tls documentation), its TLS errors, and Chromium's (net::ERR_CERT_*, ERR_SSL_*).
const TLS_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_CRL',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CRL_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CRL_NOT_YET_VALID',
  'CRL_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'ERROR_IN_CRL_LAST_UPDATE_FIELD',
  'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EPIPE',
  'ERR_NETWORK',
  PROXY_REFUSED_CODE,
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'ECONNABORTED',
  'ESOCKETTIMEDOUT',
  CONNECT_TIMEOUT_CODE,
]);

/** The codes and messages of an error and its `cause` chain (axios and fetch nest the real one). */
function chain(err: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  let cur: unknown = err;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 6; depth++) {
    const e = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string') codes.push(e.code);
    if (typeof e.message === 'string') messages.push(e.message);
    cur = e.cause;
  }
  return { codes, messages };
}

/** True when a failure happened before any reply, on the way to the host (safe to retry a GET). */
export function isConnectionFailure(err: CcmsError): boolean {
  return err.code === 'HOST_UNREACHABLE';
}

/**
 * Maps a transport failure (no HTTP reply) to a typed error. `where` names the host for the message;
 * the message never includes request data, only what went wrong.
 */
export function mapNetworkError(err: unknown, where: string, timedOut: boolean): CcmsError {
  if (err instanceof CcmsError) return err;
  const { codes, messages } = chain(err);
  const text = messages.join(' | ');
  const firstCode = codes.find((c) => c !== 'ERR_BAD_REQUEST' && c !== 'ERR_BAD_RESPONSE') ?? '';
  const detail = firstCode
    ? `${firstCode}: ${messages.at(-1) ?? ''}`
    : (messages.at(-1) ?? 'unknown error');

  if (
    timedOut ||
    codes.some((c) => TIMEOUT_CODES.has(c)) ||
    /net::ERR_(TIMED_OUT|CONNECTION_TIMED_OUT)/.test(text)
  ) {
    return new CcmsError(
      'HOST_TIMEOUT',
      `The host at ${where} did not answer in time (${detail}).`,
    );
  }
  if (
    codes.some((c) => TLS_CODES.has(c) || c.startsWith('ERR_SSL') || c.startsWith('ERR_TLS')) ||
    /net::ERR_(CERT_|SSL_|BAD_SSL)|certificate|SSL routines/i.test(text)
  ) {
    return new CcmsError('TLS_ERROR', `The secure connection to ${where} failed: ${detail}.`);
  }
  if (
    codes.some((c) => UNREACHABLE_CODES.has(c)) ||
    /net::ERR_|socket hang up|fetch failed/i.test(text)
  ) {
    return new CcmsError(
      'HOST_UNREACHABLE',
      `The host at ${where} could not be reached (${detail}).`,
    );
  }
  return new CcmsError('HOST_UNREACHABLE', `The request to ${where} failed (${detail}).`);
}
