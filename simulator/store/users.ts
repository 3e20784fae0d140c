import { stmt, type Db } from './db.js';

/** A user row as stored. */
export interface UserRow {
  user_id: string;
  participant_id: string;
  name: string;
  roles: string;
  email: string | null;
  password_hash: string;
  must_change_password: number;
  channel: 'totp' | 'email' | null;
  totp_secret_enc: string | null;
  needs_channel: number;
  last_totp_step: number;
  suspended: number;
  created_at: number;
  temp_password_expires_at: number | null;
  /** While later than now: a DA's `temp_email_otp` exception; the OTP comes by email. */
  temp_email_otp_until: number | null;
}

/** User IDs are compared case-insensitively: `c00101` is `C00101`. */
export function userKey(userId: string): string {
  return userId.trim().toUpperCase();
}

/** The user, or undefined. */
export function findUser(db: Db, userId: string): UserRow | undefined {
  return stmt(db, 'SELECT * FROM users WHERE user_id = ?').get(userKey(userId)) as
    UserRow | undefined;
}

/** The roles of a user row. */
export function rolesOf(user: UserRow): Array<'user' | 'da'> {
  const parsed = JSON.parse(user.roles) as unknown;
  return Array.isArray(parsed)
    ? parsed.filter((r): r is 'user' | 'da' => r === 'user' || r === 'da')
    : [];
}

/** Whether the user is a Delegated Administrator. */
export function isDa(user: UserRow): boolean {
  return rolesOf(user).includes('da');
}

/** The steps of initialization a user still owes. */
export function pendingInitSteps(user: UserRow): Array<'password' | 'channel'> {
  const steps: Array<'password' | 'channel'> = [];
  if (user.must_change_password) steps.push('password');
  if (user.needs_channel || user.channel === null) steps.push('channel');
  return steps;
}

/** The user's lockout state, keyed by any typed user ID. */
export interface LockoutRow {
  user_key: string;
  failures: number;
  locked_until: number | null;
  /** When the last failure was counted. */
  updated_at: number;
}

/** The lockout row of a user key (zero failures when none). */
export function lockoutOf(db: Db, key: string): LockoutRow {
  const row = stmt(db, 'SELECT * FROM lockouts WHERE user_key = ?').get(key) as
    LockoutRow | undefined;
  return row ?? { user_key: key, failures: 0, locked_until: null, updated_at: 0 };
}

/** Stores the lockout state. */
export function saveLockout(db: Db, row: LockoutRow): void {
  stmt(
    db,
    `INSERT INTO lockouts (user_key, failures, locked_until, updated_at)
       VALUES (@user_key, @failures, @locked_until, @updated_at)
     ON CONFLICT(user_key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
       updated_at = excluded.updated_at`,
  ).run(row);
}

/**
 * When a user's own password expires: its last setting plus `passwordMaxAgeDays`, or null (no
 * expiry configured, or a temporary password, whose own 24 h rule applies).
 */
export function passwordExpiryOf(db: Db, user: UserRow, maxAgeDays: number): number | null {
  if (maxAgeDays === 0 || user.must_change_password) return null;
  const row = stmt(db, 'SELECT MAX(set_at) AS setAt FROM password_history WHERE user_id = ?').get(
    user.user_id,
  ) as { setAt: number | null } | undefined;
  if (row?.setAt == null) return null;
  return row.setAt + maxAgeDays * 86_400_000;
}

/** Clears failures and any lock (a success, an expired lock, or a DA's unlock). */
export function clearLockout(db: Db, key: string): void {
  stmt(db, 'DELETE FROM lockouts WHERE user_key = ?').run(key);
}

/** Revokes every live session of a user (suspension, password or 2FA reset, lockout). */
export function revokeSessions(db: Db, userId: string, nowMs: number): void {
  stmt(db, 'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(
    nowMs,
    userId,
  );
}

/** Appends an audit record. */
export function audit(
  db: Db,
  entry: {
    at: number;
    actorId: string;
    event: string;
    requestId?: string;
    targetUserId?: string;
    detail?: string;
  },
): void {
  stmt(
    db,
    `INSERT INTO audit (at, actor_id, event, request_id, target_user_id, detail)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.at,
    entry.actorId,
    entry.event,
    entry.requestId ?? null,
    entry.targetUserId ?? null,
    entry.detail ?? null,
  );
}
