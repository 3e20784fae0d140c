import * as z from 'zod';
import { PasswordPolicy } from './password-policy.js';
import { USER_ID_MAX, USER_ID_PATTERN } from './values.js';

/** Every host path lives under this prefix. */
export const API_PREFIX = '/api/v1';

const isoTime = z.iso.datetime();
/** A user ID as the clearing house issues them: letters and digits, e.g. `C00101`. */
export const UserId = z
  .string()
  .trim()
  .min(1)
  .max(USER_ID_MAX)
  .regex(USER_ID_PATTERN, 'letters, digits, dot, dash or underscore only');
/** A six-digit one-time password. */
export const OtpCode = z.string().regex(/^\d{6}$/, 'six digits');
/** An OTP delivery channel. */
export const OtpChannel = z.enum(['totp', 'email']);
/** An OTP delivery channel: authenticator app (TOTP) or email. */
export type OtpChannel = z.infer<typeof OtpChannel>;
/** A role a host user holds. */
export const Role = z.enum(['user', 'da']);
/** The remaining steps of 2FA initialization. */
export const InitStep = z.enum(['password', 'channel']);
/** One step of 2FA initialization. */
export type InitStep = z.infer<typeof InitStep>;

// ---- GET /health
/** A maintenance window the host announces: no sign-in from `startsAt` until `endsAt`. */
export const MaintenanceWindow = z.object({
  startsAt: isoTime,
  endsAt: isoTime,
  title: z.string().max(200).optional(),
  titleZh: z.string().max(200).optional(),
});
/** A maintenance window the host announces. */
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;

/** Reply of `GET /health`; `maintenance`: the windows now or ahead, soonest first. */
export const HealthReply = z.object({
  status: z.literal('ok'),
  version: z.string(),
  environment: z.string(),
  serverTime: isoTime,
  maintenance: z.array(MaintenanceWindow).max(50).optional(),
});
/** Reply of `GET /health`. */
export type HealthReply = z.infer<typeof HealthReply>;

// ---- POST /auth/login
/** Body of `POST /auth/login`. Passwords are bounded so a huge body cannot tie up argon2. */
export const LoginRequest = z.strictObject({
  userId: UserId,
  password: z.string().min(1).max(256),
});
/** Body of `POST /auth/login`. */
export type LoginRequest = z.infer<typeof LoginRequest>;

/**
 * Login reply when the password was right and an OTP is needed. `expiresAt` is the challenge's
 * end (the sign-in attempt); for email, `codeExpiresAt` is the emailed code's, which may come
 * first: a new code can then be sent while `resendsLeft` allows.
 */
export const LoginOtpReply = z.object({
  next: z.literal('otp'),
  challengeId: z.string().min(1),
  channel: OtpChannel,
  maskedEmail: z.string().optional(),
  expiresAt: isoTime,
  codeExpiresAt: isoTime.optional(),
  resendAvailableAt: isoTime.optional(),
  resendsLeft: z.number().int().nonnegative().optional(),
});
/** Login reply when the user must first initialize 2FA. */
export const LoginInitReply = z.object({
  next: z.literal('init'),
  initToken: z.string().min(1),
  steps: z.array(InitStep).min(1),
  passwordPolicy: PasswordPolicy,
  expiresAt: isoTime,
});
/** Reply of `POST /auth/login`. */
export const LoginReply = z.discriminatedUnion('next', [LoginOtpReply, LoginInitReply]);
/** Reply of `POST /auth/login`. */
export type LoginReply = z.infer<typeof LoginReply>;

// ---- sessions
/** The signed-in user. */
export const SessionUser = z.object({
  userId: z.string(),
  participantId: z.string(),
  name: z.string(),
  roles: z.array(Role),
});
/** The signed-in user. */
export type SessionUser = z.infer<typeof SessionUser>;

/** A host session; the token never leaves the main process. */
export const Session = z.object({
  token: z.string().min(16),
  expiresAt: isoTime,
  idleTimeoutSec: z.number().int().positive(),
  user: SessionUser,
  clockSkewSec: z.number().int().optional(),
  /** When the user's own password expires (null: never); the terminal warns when it is near. */
  passwordExpiresAt: isoTime.nullable().optional(),
  /** While a DA's temporary email OTP exception holds: when it ends (the app is not asked till then). */
  tempEmailOtpUntil: isoTime.optional(),
});
/** A host session. */
export type Session = z.infer<typeof Session>;
/** Reply carrying a session (`/auth/otp`, `/init/channel/confirm`, `/session`, `/session/reauth`). */
export const SessionReply = z.object({ session: Session });
/** Reply carrying a session. */
export type SessionReply = z.infer<typeof SessionReply>;

// ---- POST /auth/otp, /auth/otp/resend
/** Body of `POST /auth/otp`. */
export const OtpRequest = z.strictObject({
  challengeId: z.string().min(1).max(128),
  code: OtpCode,
});
/** Body of `POST /auth/otp/resend`. */
export const ResendRequest = z.strictObject({ challengeId: z.string().min(1).max(128) });
/**
 * Reply of `POST /auth/otp/resend`: the new code's end (`codeExpiresAt`), the challenge's, which
 * a resend never moves (`expiresAt`), and the resend rule's next time and sends left.
 */
export const ResendReply = z.object({
  expiresAt: isoTime,
  codeExpiresAt: isoTime,
  resendAvailableAt: isoTime,
  resendsLeft: z.number().int().nonnegative(),
});
/** Reply of `POST /auth/otp/resend`. */
export type ResendReply = z.infer<typeof ResendReply>;

// ---- /init/*
/** Body of `POST /init/password`. */
export const InitPasswordRequest = z.strictObject({
  initToken: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
/** Reply of `POST /init/password`: the steps left. */
export const InitStepsReply = z.object({ steps: z.array(InitStep) });
/** Body of `POST /init/channel`. */
export const InitChannelRequest = z.strictObject({
  initToken: z.string().min(1).max(256),
  channel: OtpChannel,
});
/** `POST /init/channel` reply for the authenticator app: the secret to enrol. */
export const InitTotpReply = z.object({
  secret: z.string().regex(/^[A-Z2-7]+=*$/, 'base32'),
  otpauthUri: z.string().startsWith('otpauth://totp/'),
  algorithm: z.literal('SHA1'),
  digits: z.literal(6),
  period: z.literal(30),
});
/** `POST /init/channel` reply for email: where the code went. */
export const InitEmailReply = z.object({
  maskedEmail: z.string(),
  expiresAt: isoTime,
  resendAvailableAt: isoTime,
});
/** Reply of `POST /init/channel`. */
export const InitChannelReply = z.union([InitTotpReply, InitEmailReply]);
/** Reply of `POST /init/channel`. */
export type InitChannelReply = z.infer<typeof InitChannelReply>;
/** Body of `POST /init/channel/confirm`. */
export const InitConfirmRequest = z.strictObject({
  initToken: z.string().min(1).max(256),
  code: OtpCode,
});

// ---- /session/*
/** Body of `POST /session/reauth`. */
export const ReauthRequest = z.strictObject({ code: OtpCode });

// ---- GET /terminal/summary
/** The participant's terminal home. */
export const TerminalSummary = z.object({
  participant: z.object({ participantId: z.string(), name: z.string() }),
  accounts: z.array(
    z.object({
      accountId: z.string(),
      name: z.string(),
      type: z.string(),
      status: z.string(),
    }),
  ),
  collateral: z.array(
    z.object({
      currency: z.string(),
      required: z.number(),
      deposited: z.number(),
      excess: z.number(),
    }),
  ),
  notices: z.array(
    z.object({
      id: z.string(),
      publishedAt: isoTime,
      title: z.string(),
      titleZh: z.string().optional(),
    }),
  ),
  asOf: isoTime,
});
/** The participant's terminal home. */
export type TerminalSummary = z.infer<typeof TerminalSummary>;

// ---- /dms/*
/** A user's account state as the DA sees it. */
export const UserState = z.enum(['active', 'locked', 'suspended', 'needs_init']);
/** A user of the DA's participant. */
export const DmsUser = z.object({
  userId: z.string(),
  name: z.string(),
  roles: z.array(Role),
  state: UserState,
  channel: OtpChannel.nullable(),
  maskedEmail: z.string().nullable(),
  lockedUntil: isoTime.nullable(),
  /** While a temporary email OTP exception holds: when it ends; null otherwise. */
  tempEmailOtpUntil: isoTime.nullable(),
  /** When the user's current password stops working (a DA's temporary password); null: it does not. */
  passwordExpiresAt: isoTime.nullable(),
  /** The current password is a temporary one from a DA's reset: the next sign-in asks for a new one. */
  temporaryPassword: z.boolean(),
});
/** A user of the DA's participant. */
export type DmsUser = z.infer<typeof DmsUser>;
/** Reply of `GET /dms/users`. */
export const DmsUsersReply = z.object({ users: z.array(DmsUser) });

/** What a DA can request. */
export const DmsAction = z.enum([
  'set_email',
  'reset_password',
  'reset_2fa',
  'unlock',
  'suspend',
  'reactivate',
  'temp_email_otp',
]);
/** What a DA can request. */
export type DmsAction = z.infer<typeof DmsAction>;
/** A maker/checker request's status. */
export const DmsStatus = z.enum(['pending', 'approved', 'rejected', 'expired']);
/** Body of `POST /dms/requests`. */
export const DmsCreateRequest = z.strictObject({
  action: DmsAction,
  userId: UserId,
  email: z.email().max(254).optional(),
  /** `temp_email_otp` only: how long the exception lasts once approved (the host bounds it). */
  durationSec: z.number().int().positive().optional(),
});
/** Body of `POST /dms/requests`. */
export type DmsCreateRequest = z.infer<typeof DmsCreateRequest>;
/** A maker/checker request. */
export const DmsRequest = z.object({
  id: z.string(),
  action: DmsAction,
  userId: z.string(),
  email: z.string().optional(),
  /** `temp_email_otp`: how long the exception lasts from its approval. */
  durationSec: z.number().int().positive().optional(),
  status: DmsStatus,
  makerId: z.string(),
  checkerId: z.string().optional(),
  reason: z.string().optional(),
  createdAt: isoTime,
  expiresAt: isoTime,
  decidedAt: isoTime.optional(),
});
/** A maker/checker request. */
export type DmsRequest = z.infer<typeof DmsRequest>;
/** Reply carrying one request. */
export const DmsRequestReply = z.object({ request: DmsRequest });
/** Reply of `GET /dms/requests`. */
export const DmsRequestsReply = z.object({ requests: z.array(DmsRequest) });
/** Query of `GET /dms/requests`. */
export const DmsRequestsQuery = z.strictObject({ status: DmsStatus.optional() });
/** Body of `POST /dms/requests/{id}/approve`: the checker's own fresh OTP. */
export const DmsApproveRequest = z.strictObject({ code: OtpCode });
/** Reply of `POST /dms/requests/{id}/approval-code`: where the checker's code went, and its times. */
export const DmsApprovalCodeReply = z.object({
  maskedEmail: z.string(),
  expiresAt: isoTime,
  resendAvailableAt: isoTime,
});
/** Reply of `POST /dms/requests/{id}/approval-code`. */
export type DmsApprovalCodeReply = z.infer<typeof DmsApprovalCodeReply>;
/** Body of `POST /dms/requests/{id}/reject`. */
export const DmsRejectRequest = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/** The most entries one `GET /dms/audit` answers (docs/protocol.md). */
export const DMS_AUDIT_MAX = 500;
/** What `GET /dms/audit` answers without a `limit`. */
export const DMS_AUDIT_DEFAULT = 200;
/** Query of `GET /dms/audit`: entries about one user, by one DA, at most `limit` of them. */
export const DmsAuditQuery = z.strictObject({
  userId: UserId.optional(),
  daId: UserId.optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(DMS_AUDIT_MAX))
    .optional(),
});
/** What happened to a request: made, decided, expired, or a decision the host refused. */
export const DmsAuditEvent = z.enum(['created', 'approved', 'rejected', 'expired', 'refused']);
/** What happened to a request. */
export type DmsAuditEvent = z.infer<typeof DmsAuditEvent>;
/** One step of a DMS request, as the host recorded it. */
export const DmsAuditEntry = z.object({
  /** The host's sequence number: larger is later. */
  id: z.number().int().positive(),
  at: isoTime,
  event: DmsAuditEvent,
  /** The DA who acted (the maker for `created`, the checker otherwise); `system` for `expired`. */
  actorId: z.string(),
  requestId: z.string(),
  /** The user the request is about. */
  userId: z.string(),
  action: DmsAction,
  /** A rejection's reason, or the error code a refused decision got. */
  detail: z.string().optional(),
});
/** One step of a DMS request. */
export type DmsAuditEntry = z.infer<typeof DmsAuditEntry>;
/** Reply of `GET /dms/audit`: newest first. */
export const DmsAuditReply = z.object({
  entries: z.array(DmsAuditEntry),
  /** More entries match than were sent (`limit` reached). */
  truncated: z.boolean(),
});
/** Reply of `GET /dms/audit`. */
export type DmsAuditReply = z.infer<typeof DmsAuditReply>;
