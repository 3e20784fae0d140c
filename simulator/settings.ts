import * as z from 'zod';

const sec = z.number().int().positive();
const count = z.number().int().positive();

/**
 * The rules of docs/protocol.md, each a setting with the protocol's number as its default.
 * Sources, later wins: defaults, `config.json` (`settings`), environment `CCMS_SIM_<UPPER_SNAKE>`,
 * and `SimulatorOptions.settings`.
 */
export const SimSettings = z.strictObject({
  /**
   * The CCMS environment this host stands in for (the terminal's environment ids): `/health`
   * names it and the otpauth issuer says it, so a phone tells test and production apart.
   */
  environment: z.enum(['production', 'connectivity-test', 'simulator']).default('simulator'),
  /** TOTP steps accepted either side of the current one (RFC 6238 §5.2). */
  totpWindowSteps: z.number().int().min(0).max(10).default(1),
  /** Email OTP validity after each send. */
  emailOtpTtlSec: sec.default(300),
  /** Minimum time between two sends of an email OTP. */
  emailResendCooldownSec: z.number().int().min(0).default(30),
  /** Email OTP sends allowed per challenge (the first send included). */
  emailMaxSends: count.default(5),
  /**
   * Lifetime of a login challenge: longer than one email code, so a code that expired can be
   * replaced (resend) without typing the password again.
   */
  challengeTtlSec: sec.default(600),
  /** Lifetime of a 2FA initialization token. */
  initTokenTtlSec: sec.default(1800),
  /** Consecutive failures (password or OTP) that lock an account. */
  lockoutThreshold: count.default(5),
  /** How long a lockout lasts unless a DA unlocks first. */
  lockoutDurationSec: sec.default(900),
  /** A failure count with no new failure for this long is forgotten (any user ID, known or not). */
  lockoutFailureMemorySec: sec.default(86_400),
  /** At most this many lockout rows; past it the purge drops the oldest first. */
  lockoutMaxRows: count.default(100_000),
  /** Session idle timeout; past it the session is locked until a step-up OTP. */
  sessionIdleSec: sec.default(900),
  /** Session absolute lifetime. */
  sessionAbsoluteSec: sec.default(36_000),
  /** Lifetime of a pending DMS request. */
  dmsRequestTtlSec: sec.default(86_400),
  /** The longest temporary email OTP exception a DA may request (`temp_email_otp`). */
  tempEmailOtpMaxSec: sec.default(86_400),
  /** How long a temporary password from a DA's `reset_password` works. */
  temporaryPasswordTtlSec: sec.default(86_400),
  /** Password length bounds for users and the DA minimum. */
  passwordMinLength: count.default(10),
  passwordMaxLength: count.default(64),
  daPasswordMinLength: count.default(16),
  /** A user's own password expires this many days after it was set (0 = never): PASSWORD_EXPIRED. */
  passwordMaxAgeDays: z.number().int().min(0).default(90),
  /** A new password may not equal any of the last N (the current one included). */
  passwordHistory: z.number().int().min(0).max(24).default(5),
  /** Failed logins allowed per client address per window before RATE_LIMITED (0 = off). */
  loginRateLimitFailures: z.number().int().min(0).default(30),
  /** The window of `loginRateLimitFailures`. */
  loginRateLimitWindowSec: sec.default(60),
  /** Argon2id parameters (OWASP: m=19456 KiB, t=2, p=1). */
  argon2MemoryKib: z.number().int().min(1024).default(19_456),
  argon2TimeCost: count.default(2),
  argon2Parallelism: count.default(1),
  /** Hashes in flight (0 = one per CPU core); more only time-slice the cores and cost CPU. */
  argon2Concurrency: z.number().int().min(0).max(256).default(0),
  /** Node's request timeout (whole request incl. body) and how often it is checked. */
  requestTimeoutMs: sec.default(30_000),
  connectionsCheckingIntervalMs: sec.default(2_000),
  /** Largest accepted request body. */
  bodyLimitBytes: count.default(16_384),
  /**
   * SQLite `synchronous` in WAL mode. NORMAL: a commit is written without an fsync (it survives
   * kill -9 at once, a power cut once `fsyncBeforeReply`'s fsync covers it). FULL: an fsync on
   * every commit, on the event loop.
   */
  sqliteSynchronous: z.enum(['FULL', 'NORMAL']).default('NORMAL'),
  /**
   * With NORMAL: every reply waits until an fsync of the WAL covers every write made before it
   * (one fsync shared by the replies waiting, off the event loop), so what a reply acknowledges
   * survives a power cut, as with FULL, at a fraction of FULL's cost (store/wal-sync.ts).
   */
  fsyncBeforeReply: z.boolean().default(true),
  /**
   * Maintenance windows `/health` announces and during which login answers HOST_MAINTENANCE
   * (environment: `CCMS_SIM_MAINTENANCE_WINDOWS` as JSON).
   */
  maintenanceWindows: z
    .array(
      z
        .strictObject({
          startsAt: z.iso.datetime(),
          endsAt: z.iso.datetime(),
          title: z.string().max(200).optional(),
          titleZh: z.string().max(200).optional(),
        })
        .refine(
          (w) => Date.parse(w.endsAt) > Date.parse(w.startsAt),
          'endsAt must follow startsAt',
        ),
    )
    .max(50)
    .default([]),
  /** Outgoing SMTP relay; empty = the embedded server on 127.0.0.1 (its mail lands in `outbox`). */
  smtpHost: z.string().default(''),
  smtpPort: z.number().int().min(0).max(65_535).default(0),
  /** The sender of every email. */
  mailFrom: z.string().default('CCMS Host Simulator <no-reply@ccms-sim.example>'),
});
/** The simulator's rules, all resolved. */
export type SimSettings = z.infer<typeof SimSettings>;

/** The defaults: exactly docs/protocol.md. */
export const DEFAULT_SETTINGS: SimSettings = SimSettings.parse({});

/** `loginRateLimitFailures` -> `CCMS_SIM_LOGIN_RATE_LIMIT_FAILURES`. */
export function envName(key: string): string {
  return `CCMS_SIM_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** Reads overrides from the environment, naming the variable when one is malformed. */
export function settingsFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const shape = SimSettings.shape as Record<string, z.ZodType>;
  for (const key of Object.keys(shape)) {
    const raw = env[envName(key)];
    if (raw === undefined || raw === '') continue;
    const kind = typeof DEFAULT_SETTINGS[key as keyof SimSettings];
    if (kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') {
        throw new Error(`${envName(key)}: "${raw}" is not true or false`);
      }
      out[key] = raw === 'true';
      continue;
    }
    if (kind === 'object') {
      try {
        out[key] = JSON.parse(raw);
      } catch {
        throw new Error(`${envName(key)}: "${raw}" is not JSON`);
      }
      continue;
    }
    const value = kind === 'number' ? Number(raw) : raw;
    if (kind === 'number' && !Number.isFinite(value)) {
      throw new Error(`${envName(key)}: "${raw}" is not a number`);
    }
    out[key] = value;
  }
  return out;
}

/** Merges the sources and validates the result, naming the setting that is wrong. */
export function resolveSettings(
  ...sources: Array<Record<string, unknown> | undefined>
): SimSettings {
  const merged: Record<string, unknown> = {};
  for (const s of sources) if (s) Object.assign(merged, s);
  const result = SimSettings.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `${i.path.join('.') || '(settings)'}: ${i.message}`,
    );
    throw new Error(`simulator settings are invalid: ${lines.join('; ')}`);
  }
  if (result.data.passwordMinLength > result.data.passwordMaxLength) {
    throw new Error('simulator settings are invalid: passwordMinLength exceeds passwordMaxLength');
  }
  return result.data;
}
