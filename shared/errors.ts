import * as z from 'zod';
import { appError } from './app-error.js';

/** Every error code that can travel from the host or the client core to a screen. */
export const ErrorCode = z.enum([
  // host protocol (docs/protocol.md)
  'INVALID_REQUEST',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_SUSPENDED',
  'PASSWORD_EXPIRED',
  'RATE_LIMITED',
  'HOST_MAINTENANCE',
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_REUSED',
  'CHALLENGE_EXPIRED',
  'RESEND_TOO_SOON',
  'RESEND_LIMIT',
  'PASSWORD_POLICY',
  'INIT_TOKEN_INVALID',
  'EMAIL_NOT_REGISTERED',
  'EMAIL_DELIVERY_FAILED',
  'SESSION_EXPIRED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'SAME_DA',
  'REQUEST_NOT_PENDING',
  'CHANNEL_NOT_TOTP',
  'REQUEST_ALREADY_PENDING',
  'ACTION_NOT_APPLICABLE',
  'INTERNAL',
  // client side (electron/core)
  'HOST_UNREACHABLE',
  'HOST_TIMEOUT',
  'TLS_ERROR',
  'BAD_HOST_REPLY',
  'KEYCHAIN_UNAVAILABLE',
  'CONFIG_INVALID',
  'BRIDGE_INVALID',
  'BRIDGE_DISCONNECTED',
  'NOT_SIGNED_IN',
  'WRONG_STATE',
  'UNLOCK_CODE_NOT_SENT',
  // the proxy between the terminal and the host (electron/core/network)
  'PROXY_AUTH_FAILED',
  'PROXY_AUTH_CANCELLED',
  'PROXY_AUTH_UNSUPPORTED',
  'UNKNOWN',
]);
/** An error code: the renderer maps it to a translated sentence (`errors.<CODE>`). */
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Optional facts an error carries, named as the host names them. */
export const ErrorDetails = z.object({
  field: z.string().optional(),
  attemptsLeft: z.number().int().nonnegative().optional(),
  /** With `attemptsLeft` on a wrong password: how long the lock that comes at 0 lasts. */
  lockDurationSec: z.number().int().nonnegative().optional(),
  lockedUntil: z.iso.datetime().optional(),
  /** With `HOST_MAINTENANCE`: when the maintenance window ends. */
  endsAt: z.iso.datetime().optional(),
  retryAfterSec: z.number().int().nonnegative().optional(),
  /** With `SESSION_LOCKED`: when the host will email the next unlock code. */
  resendAvailableAt: z.iso.datetime().optional(),
  violations: z.array(z.string()).optional(),
  /** With `REQUEST_ALREADY_PENDING`: the pending request that already asks for the same change. */
  requestId: z.string().optional(),
  /** The proxy server an error is about, `host:port` (never with credentials). */
  proxy: z.string().optional(),
  /** The sign-in scheme a proxy asked for, e.g. `Negotiate`, when the terminal cannot use it. */
  proxyScheme: z.string().optional(),
});
/** Facts that come with an error (which field, attempts left, lock end …). */
export type ErrorDetails = z.infer<typeof ErrorDetails>;

/** An error as a value: code for the program, message in English for logs and IT. */
export const AppError = ErrorDetails.extend({
  code: ErrorCode,
  message: z.string(),
});
/** An error as a value, as it crosses the bridge. */
export type AppError = z.infer<typeof AppError>;

/** The host's error body: `{"error": {...}}`. */
export const HostErrorBody = z.object({ error: AppError });
/** The host's error body. */
export type HostErrorBody = z.infer<typeof HostErrorBody>;

/** HTTP status the host answers each error code with. */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_REQUEST: 400,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_SUSPENDED: 403,
  PASSWORD_EXPIRED: 403,
  RATE_LIMITED: 429,
  HOST_MAINTENANCE: 503,
  OTP_INVALID: 401,
  OTP_EXPIRED: 401,
  OTP_REUSED: 401,
  CHALLENGE_EXPIRED: 410,
  RESEND_TOO_SOON: 429,
  RESEND_LIMIT: 429,
  PASSWORD_POLICY: 422,
  INIT_TOKEN_INVALID: 401,
  EMAIL_NOT_REGISTERED: 409,
  EMAIL_DELIVERY_FAILED: 502,
  SESSION_EXPIRED: 401,
  SESSION_LOCKED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SAME_DA: 409,
  REQUEST_NOT_PENDING: 409,
  CHANNEL_NOT_TOTP: 409,
  REQUEST_ALREADY_PENDING: 409,
  ACTION_NOT_APPLICABLE: 409,
  INTERNAL: 500,
};

export { appError } from './app-error.js';

/** A thrown form of AppError, for code paths that throw (host client, core). */
export class CcmsError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'CcmsError';
    this.code = code;
    this.details = details;
  }
  toValue(): AppError {
    return appError(this.code, this.message, this.details);
  }
}
