import * as z from 'zod';
import { AppError, ErrorCode } from './errors.js';
import { PasswordPolicy } from './password-policy.js';
import {
  DmsApprovalCodeReply,
  DMS_AUDIT_MAX,
  DmsAction,
  DmsAuditReply,
  DmsCreateRequest,
  DmsRequest,
  DmsStatus,
  DmsUser,
  InitStep,
  MaintenanceWindow,
  OtpChannel,
  OtpCode,
  SessionUser,
  TerminalSummary,
  UserId,
} from './protocol.js';
import { DIAGNOSTIC_STEP_IDS, ENVIRONMENT_IDS, LANGUAGE_IDS } from './values.js';

const isoTime = z.iso.datetime();

/** Environments the client can reach. */
export const EnvironmentId = z.enum(ENVIRONMENT_IDS);
/** An environment: Production, Connectivity Test or Simulator. */
export type EnvironmentId = z.infer<typeof EnvironmentId>;
/** Interface languages. */
export const Language = z.enum(LANGUAGE_IDS);
/** An interface language. */
export type Language = z.infer<typeof Language>;

/** What the terminal is doing now; the session state machine in core owns it. */
export const AuthState = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('signedOut'),
    /** Why the user was signed out, when it was not their own choice. */
    reason: z
      .enum([
        'challengeExpired',
        'sessionExpired',
        'initExpired',
        'hostSignedOut',
        'accountLocked',
        'accountSuspended',
      ])
      .optional(),
    /** With `accountLocked`: when the host ends the lock, if it said. */
    lockedUntil: isoTime.optional(),
  }),
  z.object({
    step: z.literal('otp'),
    userId: z.string(),
    channel: OtpChannel,
    maskedEmail: z.string().optional(),
    /** The challenge's end: the sign-in attempt ends then, whatever code was sent. */
    expiresAt: isoTime,
    /** Email: the current code's end (it may come before the challenge's). */
    codeExpiresAt: isoTime.optional(),
    /** Email: the host answered that the code typed has expired (a new one can be sent). */
    codeExpired: z.boolean().optional(),
    resendAvailableAt: isoTime.optional(),
    /** Email: how many more codes the host will send for this challenge. */
    resendsLeft: z.number().int().nonnegative().optional(),
    attemptsLeft: z.number().int().nonnegative().optional(),
  }),
  z.object({
    step: z.literal('init'),
    userId: z.string(),
    steps: z.array(InitStep),
    passwordPolicy: PasswordPolicy,
    expiresAt: isoTime,
    /** Set once a channel was chosen: what the user needs to confirm it. */
    channelSetup: z
      .discriminatedUnion('channel', [
        z.object({
          channel: z.literal('totp'),
          secret: z.string(),
          otpauthUri: z.string(),
          digits: z.number().int(),
          period: z.number().int(),
        }),
        z.object({
          channel: z.literal('email'),
          maskedEmail: z.string(),
          expiresAt: isoTime,
          resendAvailableAt: isoTime,
        }),
      ])
      .optional(),
  }),
  z.object({
    step: z.literal('signedIn'),
    user: SessionUser,
    environment: EnvironmentId,
    expiresAt: isoTime,
    idleTimeoutSec: z.number().int().positive(),
    clockSkewSec: z.number().int().optional(),
    /** When the user's own password expires, as the host said at sign-in (none: never). */
    passwordExpiresAt: isoTime.optional(),
    /** While a DA's temporary email OTP exception holds: when it ends (the app is not asked). */
    tempEmailOtpUntil: isoTime.optional(),
  }),
  z.object({
    step: z.literal('locked'),
    user: SessionUser,
    environment: EnvironmentId,
    expiresAt: isoTime,
    /** The channel the user signed in with: how the unlock code reaches them. */
    channel: OtpChannel.optional(),
    /** For the email channel: where the unlock code goes, masked. */
    maskedEmail: z.string().optional(),
    /**
     * For the email channel, once a code was asked for: when `sendUnlockCode` may ask again (the
     * host's resend rule), on this workstation's clock.
     */
    resendAvailableAt: isoTime.optional(),
  }),
]);
/** What the terminal is doing now. */
export type AuthState = z.infer<typeof AuthState>;

/**
 * Whether the host answers, as the core's health probe finds it, and the maintenance it announces.
 * `unknown` before the first answer; `reconnecting` while it does not answer (the core keeps
 * probing, backing off); `ok` when it does.
 */
export const HostStatus = z.object({
  connection: z.enum(['unknown', 'ok', 'reconnecting']),
  /** Since when the host has not answered (with `reconnecting`), on this workstation's clock. */
  lostAt: isoTime.optional(),
  /** The host's announced maintenance windows, soonest first (host times). */
  maintenance: z.array(MaintenanceWindow),
});
/** Whether the host answers, and the maintenance it announces. */
export type HostStatus = z.infer<typeof HostStatus>;

/** Settings the user may change (machine policy may restrict them). */
export const UserSettings = z.strictObject({
  /**
   * Absent until the user chooses one (Settings, or the switch on the sign-in screen): the
   * renderer then follows the OS's languages (renderer/i18n/index.ts `languageFromOs`). Files
   * written before this rule hold `en` and keep it.
   */
  language: Language.optional(),
  environment: EnvironmentId,
  lastUserId: z.string().optional(),
});
/** Settings the user may change. */
export type UserSettings = z.infer<typeof UserSettings>;

/** Where the machine policy came from and whether it could be read. */
export const PolicyState = z.object({
  /** `none`: no policy set; `ok`: read; `unreadable`: the most restrictive values apply. */
  status: z.enum(['none', 'ok', 'unreadable']),
  /** The registry key or file the policy is read from. */
  source: z.string(),
  /** Each bad value or read failure, naming the setting and what applies instead. */
  problems: z.array(z.string()),
});
/** Where the machine policy came from and whether it could be read. */
export type PolicyState = z.infer<typeof PolicyState>;

/** What the renderer needs to know about the app and its policy at start. */
export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
  settings: UserSettings,
  allowedEnvironments: z.array(EnvironmentId).min(1),
  sharedDesk: z.boolean(),
  /** Clear messages about configuration files that were bad and ignored. */
  configProblems: z.array(z.string()),
  keychainAvailable: z.boolean(),
  /** The machine policy's state (the core sends it; optional only for callers built before it). */
  policy: PolicyState.optional(),
});
/** What the renderer needs to know about the app at start. */
export type AppInfo = z.infer<typeof AppInfo>;

/** A proxy server between the terminal and the host asks the user to sign in (`proxyAuthRequired`). */
export const ProxyAuthPrompt = z.object({
  /** Answer with this id (`answerProxyAuth`). */
  id: z.string(),
  /** The proxy, `host:port`. */
  proxy: z.string(),
  /** The realm the proxy named, if any: shown so the user knows which account it wants. */
  realm: z.string().optional(),
  /** The sign-in scheme the proxy asked for (`Basic`, `Digest`, `NTLM` …). */
  scheme: z.string(),
  /** True when a user name and password were just refused by this proxy. */
  failedBefore: z.boolean(),
});
/** A proxy sign-in prompt. */
export type ProxyAuthPrompt = z.infer<typeof ProxyAuthPrompt>;

// Basic sends `user:password`, so a colon cannot be part of the user name (RFC 7617); line breaks
// would break the header. The messages name the rule, never the value.
const ProxyUserName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[^:\r\n]*$/, 'must not contain a colon or a line break');
const ProxyPassword = z
  .string()
  .max(256)
  .regex(/^[^\r\n]*$/, 'must not contain a line break');

/** One step of the connectivity check. */
export const DiagnosticStepId = z.enum(DIAGNOSTIC_STEP_IDS);
/** The result of one connectivity check step. */
export const DiagnosticStep = z.object({
  id: DiagnosticStepId,
  status: z.enum(['running', 'pass', 'warn', 'fail', 'skipped']),
  /** Facts measured, e.g. `{ "address": "127.0.0.1", "ms": "3" }`. */
  details: z.record(z.string(), z.string()),
  /** A message key for plain advice, `diagnostics.advice.<key>`. */
  adviceKey: z.string().optional(),
});
/** The result of one connectivity check step. */
export type DiagnosticStep = z.infer<typeof DiagnosticStep>;
/**
 * Every fact a connectivity step reports under `details`; the renderer has a label for each
 * (`diagnostics.detail.<key>`) and formats its value.
 */
export const DiagnosticDetailKey = z.enum([
  'host',
  'addresses',
  'address',
  'port',
  'via',
  'ms',
  'protocol',
  'chain',
  'validTo',
  'daysToExpiry',
  'hostnameMatch',
  'trusted',
  'verifiedBy',
  'status',
  'version',
  'environment',
  'transport',
  'offsetSec',
  'source',
  'rules',
  'proxy',
  'credentials',
  'proxyStatus',
  'tested',
  'available',
  'error',
  'message',
]);
/** A fact a connectivity step reports. */
export type DiagnosticDetailKey = z.infer<typeof DiagnosticDetailKey>;

/**
 * The longest report `saveDiagnostics` takes, in UTF-16 code units. JSON writes one code unit in
 * at most 6 bytes (`\u0001`, a lone surrogate), so 300,000 of them plus the frame around them stay
 * under browser mode's 2 MiB WebSocket frame limit (`maxPayload` in scripts/web-server.ts).
 */
export const DIAGNOSTICS_TEXT_MAX = 300_000;

/** What saving a support bundle wrote. */
export const SupportBundleSaved = z.object({
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  /** The names inside the zip, for the screen to list. */
  files: z.array(z.string()),
});
/** What saving a support bundle wrote. */
export type SupportBundleSaved = z.infer<typeof SupportBundleSaved>;

/** The DMS audit's filters as the console passes them: about one user, by one DA. */
export const DmsAuditFilter = z.strictObject({
  userId: UserId.optional(),
  daId: UserId.optional(),
});
/** The DMS audit's filters. */
export type DmsAuditFilter = z.infer<typeof DmsAuditFilter>;
/** What exporting the DMS audit wrote. */
export const DmsAuditSaved = z.object({
  path: z.string(),
  /** The entries in the file. */
  entries: z.number().int().nonnegative(),
  /** More entries matched than the host sends at once: the file holds the newest. */
  truncated: z.boolean(),
});
/** What exporting the DMS audit wrote. */
export type DmsAuditSaved = z.infer<typeof DmsAuditSaved>;

/** The whole connectivity check report. */
export const DiagnosticReport = z.object({
  startedAt: isoTime,
  finishedAt: isoTime,
  environment: EnvironmentId,
  hostUrl: z.string(),
  steps: z.array(DiagnosticStep),
  /** The report as redacted text, ready to copy or send to the DCASS Hotline. */
  text: z.string(),
});
/** The whole connectivity check report. */
export type DiagnosticReport = z.infer<typeof DiagnosticReport>;

// ---- This workstation's sign-in history: the entries the core keeps (electron/core/history/) and
// the bridge returns. Every field is a code, an ID or a time: there is no free-text field, so
// nothing typed (a password, a code, a DA's rejection reason) has anywhere to go.
// docs/architecture.md, "Where state lives", says what is kept and for how long.

/** At most this many entries are kept; the oldest go first. */
export const HISTORY_MAX_ENTRIES = 1_000;
/** The history file never grows past this many bytes; the oldest entries go first. */
export const HISTORY_MAX_BYTES = 256 * 1024;

const HistoryRequestId = z.string().min(1).max(128);

/** Why a session ended: the user, the app quitting, or the host (expiry, an account change). */
export const HistorySignOutReason = z.enum([
  'user',
  'appClosed',
  'sessionExpired',
  'hostSignedOut',
  'accountLocked',
  'accountSuspended',
]);
/** Why a session ended. */
export type HistorySignOutReason = z.infer<typeof HistorySignOutReason>;

/** Which sign-in step the host refused: the password, a one-time password, or 2FA initialization. */
export const HistoryFailedStep = z.enum(['password', 'otp', 'initialization']);

const historyAt = { at: isoTime };
const historyWho = { userId: UserId, environment: EnvironmentId };

/** One thing that happened on this workstation, with its time. */
export const HistoryEntry = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('signedIn'),
    ...historyAt,
    ...historyWho,
    channel: OtpChannel.optional(),
    /** True when the sign-in was the user's 2FA initialization. */
    initialization: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('signInFailed'),
    ...historyAt,
    /** Absent when what was typed as the user ID could have been a password (see the recorder). */
    userId: UserId.optional(),
    environment: EnvironmentId,
    step: HistoryFailedStep,
    /** The host's answer, e.g. INVALID_CREDENTIALS, OTP_INVALID, ACCOUNT_LOCKED. */
    code: ErrorCode,
  }),
  z.strictObject({
    kind: z.literal('signedOut'),
    ...historyAt,
    ...historyWho,
    reason: HistorySignOutReason,
  }),
  z.strictObject({
    kind: z.literal('locked'),
    ...historyAt,
    ...historyWho,
    /** `idle`: no activity (this terminal's timer or the host's); `workstation`: the OS locked or slept. */
    cause: z.enum(['idle', 'workstation']),
  }),
  z.strictObject({ kind: z.literal('unlocked'), ...historyAt, ...historyWho }),
  z.strictObject({ kind: z.literal('unlockFailed'), ...historyAt, ...historyWho, code: ErrorCode }),
  z.strictObject({
    kind: z.enum(['dmsRequested', 'dmsApproved', 'dmsRejected']),
    ...historyAt,
    /** The DA who acted here. */
    ...historyWho,
    requestId: HistoryRequestId,
    action: DmsAction,
    targetUserId: UserId,
  }),
  z.strictObject({
    kind: z.literal('historyRestarted'),
    ...historyAt,
    /** The previous file could not be used and was set aside (renamed) beside the new one. */
    cause: z.enum(['unreadable', 'tooLarge']),
  }),
]);
/** One entry of this workstation's history. */
export type HistoryEntry = z.infer<typeof HistoryEntry>;
/** What happened (the entry's kind). */
export type HistoryKind = HistoryEntry['kind'];

/** The history file (oldest entry first). */
export const HistoryFile = z.strictObject({
  format: z.literal('ccms-terminal-history/1'),
  entries: z.array(HistoryEntry),
});
/** The history file's content. */
export type HistoryFile = z.infer<typeof HistoryFile>;

/** What `getWorkstationHistory` returns: newest first, with the bounds the screen explains. */
export const WorkstationHistory = z.object({
  entries: z.array(HistoryEntry),
  maxEntries: z.number().int().positive(),
  maxBytes: z.number().int().positive(),
});
/** This workstation's history, newest first. */
export type WorkstationHistory = z.infer<typeof WorkstationHistory>;

/** What exporting the history wrote. */
export const HistoryExported = z.object({
  path: z.string(),
  entries: z.number().int().nonnegative(),
});
/** What exporting the history wrote. */
export type HistoryExported = z.infer<typeof HistoryExported>;

const Empty = z.strictObject({});
const Void = z.object({}).strict();

/** Every call the renderer can make on `window.ccms`, with its input and output schemas. */
export const BridgeCalls = {
  getAppInfo: { input: Empty, output: AppInfo },
  getAuthState: { input: Empty, output: AuthState },
  /** Whether the host answers, and its announced maintenance (the `hostStatus` event follows it). */
  getHostStatus: { input: Empty, output: HostStatus },
  login: {
    input: z.strictObject({ userId: UserId, password: z.string().min(1).max(256) }),
    output: AuthState,
  },
  submitOtp: { input: z.strictObject({ code: OtpCode }), output: AuthState },
  resendOtp: { input: Empty, output: AuthState },
  cancelLogin: { input: Empty, output: AuthState },
  initSetPassword: {
    input: z.strictObject({ newPassword: z.string().min(1).max(256) }),
    output: AuthState,
  },
  initChooseChannel: { input: z.strictObject({ channel: OtpChannel }), output: AuthState },
  initResendEmail: { input: Empty, output: AuthState },
  initConfirm: { input: z.strictObject({ code: OtpCode }), output: AuthState },
  unlock: { input: z.strictObject({ code: OtpCode }), output: AuthState },
  /** Locked, email channel: asks the host to email an unlock (step-up) code now. */
  sendUnlockCode: { input: Empty, output: AuthState },
  /** The user did something: keeps the session alive and postpones the idle lock. */
  reportActivity: { input: Empty, output: Void },
  logout: { input: Empty, output: AuthState },
  /** The user's answer to a `proxyAuthRequired` prompt: a user name and password, or cancel. */
  answerProxyAuth: {
    input: z.union([
      z.strictObject({
        id: z.string().min(1).max(64),
        username: ProxyUserName,
        password: ProxyPassword,
      }),
      z.strictObject({ id: z.string().min(1).max(64), cancel: z.literal(true) }),
    ]),
    output: Void,
  },
  getTerminalSummary: { input: Empty, output: TerminalSummary },
  dmsListUsers: { input: Empty, output: z.object({ users: z.array(DmsUser) }) },
  dmsListRequests: {
    input: z.strictObject({ status: DmsStatus.optional() }),
    output: z.object({ requests: z.array(DmsRequest) }),
  },
  dmsCreateRequest: { input: DmsCreateRequest, output: z.object({ request: DmsRequest }) },
  /** A checker whose channel is email: the host emails them the code that approves request `id`. */
  dmsApprovalCode: {
    input: z.strictObject({ id: z.string().min(1).max(128) }),
    output: DmsApprovalCodeReply,
  },
  dmsApprove: {
    input: z.strictObject({ id: z.string().min(1).max(128), code: OtpCode }),
    output: z.object({ request: DmsRequest }),
  },
  dmsReject: {
    input: z.strictObject({
      id: z.string().min(1).max(128),
      reason: z.string().trim().min(1).max(500),
    }),
    output: z.object({ request: DmsRequest }),
  },
  /** The DMS audit of the DA's participant (`GET /dms/audit`), newest first. */
  dmsAudit: {
    input: DmsAuditFilter.extend({
      limit: z.number().int().min(1).max(DMS_AUDIT_MAX).optional(),
    }).strict(),
    output: DmsAuditReply,
  },
  /**
   * Saves the DMS audit (the same filters, up to the host's maximum) as a CSV file where saved
   * connectivity reports go, the same way (electron/core/diagnostics/report.ts saveTextFile).
   */
  dmsExportAudit: { input: DmsAuditFilter, output: DmsAuditSaved },
  updateSettings: { input: UserSettings.partial().strict(), output: AppInfo },
  forgetWorkstation: {
    input: Empty,
    output: z.object({ removed: z.number().int().nonnegative() }),
  },
  runDiagnostics: { input: Empty, output: DiagnosticReport },
  saveDiagnostics: {
    input: z.strictObject({ text: z.string().max(DIAGNOSTICS_TEXT_MAX) }),
    output: z.object({ path: z.string() }),
  },
  /**
   * One zip for the DCASS Hotline under the user data folder's diagnostics/: redacted logs, the
   * latest connectivity report (a fresh one when there is none), policy, versions, crash dumps.
   */
  saveSupportBundle: { input: Empty, output: SupportBundleSaved },
  /** This workstation's sign-in history, newest first, with its bounds. */
  getWorkstationHistory: { input: Empty, output: WorkstationHistory },
  /** Writes the history as CSV beside the saved reports (the user data folder's diagnostics/). */
  exportWorkstationHistory: { input: Empty, output: HistoryExported },
} as const;

/** The name of a bridge call. */
export type CallName = keyof typeof BridgeCalls;
/** The input of a bridge call. */
export type CallInput<K extends CallName> = z.infer<(typeof BridgeCalls)[K]['input']>;
/** The output of a bridge call. */
export type CallOutput<K extends CallName> = z.infer<(typeof BridgeCalls)[K]['output']>;

/** A bridge call's outcome: errors are values, never thrown across the bridge. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: AppError };
/** Schema of a bridge result, for transports that receive it as data. */
export const BridgeResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppError }),
]);

/** Every event the main process pushes to the renderer. */
export const BridgeEvents = {
  authState: AuthState,
  /** The host stopped or started answering, or announced other maintenance. */
  hostStatus: HostStatus,
  /** The idle lock will come in `secondsLeft` unless the user does something. */
  idleWarning: z.object({ secondsLeft: z.number().int().nonnegative() }),
  diagnosticsProgress: DiagnosticStep,
  /** A proxy asks for a user name and password; the host call waits for `answerProxyAuth`. */
  proxyAuthRequired: ProxyAuthPrompt,
  /** A prompt is over (answered, cancelled, or timed out): close its dialog. */
  proxyAuthEnded: z.object({
    id: z.string(),
    reason: z.enum(['answered', 'cancelled', 'timedOut']),
  }),
} as const;
/** The name of a bridge event. */
export type EventName = keyof typeof BridgeEvents;
/** The payload of a bridge event. */
export type EventPayload<K extends EventName> = z.infer<(typeof BridgeEvents)[K]>;

/** The API the preload script (or the browser-mode client) exposes as `window.ccms`. */
export interface CcmsBridge {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<BridgeResult<CallOutput<K>>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}

export { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from './ipc-channels.js';

/** A browser-mode WebSocket frame from the renderer. */
export const WsRequestFrame = z.strictObject({
  id: z.number().int().nonnegative(),
  call: z.string().max(64),
  input: z.unknown(),
});
/** A browser-mode WebSocket frame to the renderer. */
export const WsServerFrame = z.union([
  z.object({ id: z.number().int(), result: BridgeResultSchema }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);
