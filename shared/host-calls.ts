import type * as z from 'zod';
import type { ErrorCode } from './errors.js';
import {
  DmsApprovalCodeReply,
  DmsApproveRequest,
  DmsAuditQuery,
  DmsAuditReply,
  DmsCreateRequest,
  DmsRejectRequest,
  DmsRequestReply,
  DmsRequestsQuery,
  DmsRequestsReply,
  DmsUsersReply,
  HealthReply,
  InitChannelReply,
  InitChannelRequest,
  InitConfirmRequest,
  InitPasswordRequest,
  InitStepsReply,
  LoginReply,
  LoginRequest,
  OtpRequest,
  ReauthRequest,
  ResendReply,
  ResendRequest,
  SessionReply,
  TerminalSummary,
} from './protocol.js';

/** How one host call is declared: everything the simulator, the client and the docs need of it. */
export interface HostCallSpec {
  method: 'GET' | 'POST';
  /** Under `API_PREFIX`; a `:name` segment is a path parameter. */
  path: string;
  /** One line, for openapi.json. */
  summary: string;
  /** Schema of the JSON request body; absent: the call takes none. */
  body?: z.ZodType;
  /** Schema of the query string. */
  query?: z.ZodType;
  /** Schema of a 200 reply; `null`: the call answers 204 with no body. */
  reply: z.ZodType | null;
  /** The error codes the call answers with, besides INVALID_REQUEST for a bad body. */
  errors: readonly ErrorCode[];
  /** The call carries `Authorization: Bearer <session token>`. */
  session: boolean;
}

/**
 * Every call of the host API (docs/protocol.md), declared once: the simulator registers its routes
 * and openapi.json from it, the host client calls by these names. The order is openapi.json's.
 */
export const HostCalls = {
  health: {
    method: 'GET',
    path: '/health',
    summary: 'Liveness, version, environment and the host clock',
    reply: HealthReply,
    errors: [],
    session: false,
  },
  login: {
    method: 'POST',
    path: '/auth/login',
    summary: 'First factor: user ID and password',
    body: LoginRequest,
    reply: LoginReply,
    errors: [
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
      'ACCOUNT_SUSPENDED',
      'PASSWORD_EXPIRED',
      'RATE_LIMITED',
      'HOST_MAINTENANCE',
      'EMAIL_DELIVERY_FAILED',
    ],
    session: false,
  },
  submitOtp: {
    method: 'POST',
    path: '/auth/otp',
    summary: 'Second factor: the one-time password of a login challenge',
    body: OtpRequest,
    reply: SessionReply,
    errors: ['OTP_INVALID', 'OTP_EXPIRED', 'OTP_REUSED', 'CHALLENGE_EXPIRED', 'ACCOUNT_LOCKED'],
    session: false,
  },
  resendOtp: {
    method: 'POST',
    path: '/auth/otp/resend',
    summary: 'Sends a new email code for a challenge (email channel only)',
    body: ResendRequest,
    reply: ResendReply,
    errors: [
      'RESEND_TOO_SOON',
      'RESEND_LIMIT',
      'CHALLENGE_EXPIRED',
      'INVALID_REQUEST',
      'EMAIL_DELIVERY_FAILED',
    ],
    session: false,
  },
  initPassword: {
    method: 'POST',
    path: '/init/password',
    summary: 'Replaces the temporary password (policy and history enforced)',
    body: InitPasswordRequest,
    reply: InitStepsReply,
    errors: ['PASSWORD_POLICY', 'INIT_TOKEN_INVALID', 'ACCOUNT_LOCKED'],
    session: false,
  },
  initChannel: {
    method: 'POST',
    path: '/init/channel',
    summary: 'Chooses the OTP channel: a TOTP secret to enrol, or an email code',
    body: InitChannelRequest,
    reply: InitChannelReply,
    errors: [
      'EMAIL_NOT_REGISTERED',
      'INIT_TOKEN_INVALID',
      'RESEND_TOO_SOON',
      'RESEND_LIMIT',
      'EMAIL_DELIVERY_FAILED',
    ],
    session: false,
  },
  initConfirm: {
    method: 'POST',
    path: '/init/channel/confirm',
    summary: 'Confirms the channel with a code; finishes initialization and opens a session',
    body: InitConfirmRequest,
    reply: SessionReply,
    errors: ['OTP_INVALID', 'OTP_EXPIRED', 'OTP_REUSED', 'INIT_TOKEN_INVALID', 'ACCOUNT_LOCKED'],
    session: false,
  },
  getSession: {
    method: 'GET',
    path: '/session',
    summary:
      'The current session; a client sends it on user activity, so it restarts the idle timer',
    reply: SessionReply,
    errors: ['SESSION_EXPIRED', 'SESSION_LOCKED'],
    session: true,
  },
  reauth: {
    method: 'POST',
    path: '/session/reauth',
    summary: 'Step-up: a fresh OTP unlocks an idle session',
    body: ReauthRequest,
    reply: SessionReply,
    errors: ['OTP_INVALID', 'OTP_EXPIRED', 'OTP_REUSED', 'ACCOUNT_LOCKED', 'SESSION_EXPIRED'],
    session: true,
  },
  logout: {
    method: 'POST',
    path: '/session/logout',
    summary: 'Revokes the session',
    reply: null,
    errors: [],
    session: true,
  },
  terminalSummary: {
    method: 'GET',
    path: '/terminal/summary',
    summary: "The participant's terminal home: accounts, collateral balances, notices",
    reply: TerminalSummary,
    errors: ['SESSION_EXPIRED', 'SESSION_LOCKED'],
    session: true,
  },
  dmsUsers: {
    method: 'GET',
    path: '/dms/users',
    summary: "Users of the DA's participant with their state",
    reply: DmsUsersReply,
    errors: ['FORBIDDEN', 'SESSION_EXPIRED', 'SESSION_LOCKED'],
    session: true,
  },
  dmsCreateRequest: {
    method: 'POST',
    path: '/dms/requests',
    summary: 'Maker: requests an action on a user; another DA must approve',
    body: DmsCreateRequest,
    reply: DmsRequestReply,
    errors: [
      'FORBIDDEN',
      'NOT_FOUND',
      'INVALID_REQUEST',
      'EMAIL_NOT_REGISTERED',
      'CHANNEL_NOT_TOTP',
      'ACTION_NOT_APPLICABLE',
      'REQUEST_ALREADY_PENDING',
    ],
    session: true,
  },
  dmsListRequests: {
    method: 'GET',
    path: '/dms/requests',
    summary: "The participant's requests, newest first",
    query: DmsRequestsQuery,
    reply: DmsRequestsReply,
    errors: ['FORBIDDEN'],
    session: true,
  },
  dmsApprovalCode: {
    method: 'POST',
    path: '/dms/requests/:id/approval-code',
    summary:
      'Checker whose channel is email: emails a one-time code that approves this request only',
    reply: DmsApprovalCodeReply,
    errors: [
      'SAME_DA',
      'REQUEST_NOT_PENDING',
      'NOT_FOUND',
      'FORBIDDEN',
      'INVALID_REQUEST',
      'RESEND_TOO_SOON',
      'RESEND_LIMIT',
      'EMAIL_DELIVERY_FAILED',
      'ACCOUNT_LOCKED',
    ],
    session: true,
  },
  dmsApprove: {
    method: 'POST',
    path: '/dms/requests/:id/approve',
    summary:
      "Checker: approves with the checker's own fresh OTP (an approval code for email); the action takes effect",
    body: DmsApproveRequest,
    reply: DmsRequestReply,
    errors: [
      'SAME_DA',
      'REQUEST_NOT_PENDING',
      'OTP_INVALID',
      'OTP_EXPIRED',
      'OTP_REUSED',
      'ACCOUNT_LOCKED',
      'NOT_FOUND',
      'FORBIDDEN',
      'EMAIL_DELIVERY_FAILED',
      'EMAIL_NOT_REGISTERED',
      'CHANNEL_NOT_TOTP',
    ],
    session: true,
  },
  dmsReject: {
    method: 'POST',
    path: '/dms/requests/:id/reject',
    summary: 'Checker: rejects with a reason',
    body: DmsRejectRequest,
    reply: DmsRequestReply,
    errors: ['SAME_DA', 'REQUEST_NOT_PENDING', 'NOT_FOUND', 'FORBIDDEN'],
    session: true,
  },
  dmsAudit: {
    method: 'GET',
    path: '/dms/audit',
    summary:
      "Every request and decision of the DA's participant, newest first; by user, by DA, bounded",
    query: DmsAuditQuery,
    reply: DmsAuditReply,
    errors: ['FORBIDDEN', 'INVALID_REQUEST'],
    session: true,
  },
} as const satisfies Record<string, HostCallSpec>;

/** The name of a host call. */
export type HostCallName = keyof typeof HostCalls;
/** The declaration of one host call. */
export type HostCall<K extends HostCallName> = (typeof HostCalls)[K];

/** The names of the `:name` segments of a path. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
/** The path parameters of a call, e.g. `{ id: string }`; `{}` when its path has none. */
export type CallParams<C extends HostCallSpec> = { [N in ParamNames<C['path']>]: string };

/** The request body of a call as the caller writes it; `undefined` when it takes none. */
export type HostCallBody<K extends HostCallName> =
  HostCall<K> extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;
/** The query of a call as the caller writes it; `undefined` when it takes none. */
export type HostCallQuery<K extends HostCallName> =
  HostCall<K> extends { query: infer Q extends z.ZodType } ? z.input<Q> : undefined;
/** What a call answers once its reply is validated; `void` for a 204. */
export type HostCallReply<K extends HostCallName> = HostCall<K>['reply'] extends infer R extends
  z.ZodType
  ? z.output<R>
  : void;

/** What a caller passes besides the body: the session token, path parameters and query. */
export type HostCallOptions<K extends HostCallName> = (HostCall<K>['session'] extends true
  ? { token: string }
  : unknown) &
  (keyof CallParams<HostCall<K>> extends never ? unknown : { params: CallParams<HostCall<K>> }) &
  (HostCallQuery<K> extends undefined ? unknown : { query?: HostCallQuery<K> });
type NeedsOptions<K extends HostCallName> = HostCall<K>['session'] extends true
  ? true
  : keyof CallParams<HostCall<K>> extends never
    ? HostCallQuery<K> extends undefined
      ? false
      : true
    : true;
/** A call's arguments after its name: the body (when it takes one), then the options it needs. */
export type HostCallArgs<K extends HostCallName> =
  NeedsOptions<K> extends true
    ? [body: HostCallBody<K>, options: HostCallOptions<K>]
    : HostCallBody<K> extends undefined
      ? []
      : [body: HostCallBody<K>];

/** The names of every host call, in the table's order. */
export const HOST_CALL_NAMES = Object.keys(HostCalls) as HostCallName[];

/** The names of a path's `:name` segments, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
}

/** A call's path with its parameters filled in, each one URL-encoded. */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the path ${path} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
}
