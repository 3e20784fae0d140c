import { CcmsError } from '../../shared/errors.js';
import type { Session } from '../../shared/protocol.js';
import { iso } from '../clock.js';
import type { SimContext } from '../context.js';
import { findUser, passwordExpiryOf, rolesOf, type UserRow } from '../store/users.js';
import { hashToken, newToken } from './secrets.js';
import { tempEmailOtpUntilOf } from './user-otp.js';
import { stmt } from '../store/db.js';

/** A session row as stored (the token itself is never stored, only its hash). */
export interface SessionRow {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  revoked_at: number | null;
  clock_skew_sec: number | null;
  reauth_code_hash: string | null;
  reauth_code_expires_at: number | null;
  reauth_sent_at: number | null;
}

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** The `session` object of the protocol for a row; `token` only when just issued. */
export function sessionView(
  ctx: SimContext,
  row: SessionRow,
  user: UserRow,
  token: string,
): Session {
  const tempUntil = tempEmailOtpUntilOf(user, ctx.clock.now());
  return {
    token,
    expiresAt: iso(row.expires_at),
    idleTimeoutSec: ctx.settings.sessionIdleSec,
    user: {
      userId: user.user_id,
      participantId: user.participant_id,
      name: user.name,
      roles: rolesOf(user),
    },
    ...(row.clock_skew_sec === null ? {} : { clockSkewSec: row.clock_skew_sec }),
    passwordExpiresAt: isoOrNull(passwordExpiryOf(ctx.db, user, ctx.settings.passwordMaxAgeDays)),
    ...(tempUntil === null ? {} : { tempEmailOtpUntil: iso(tempUntil) }),
  };
}

/** Opens a session for a user who just proved both factors. */
export function createSession(ctx: SimContext, user: UserRow, clockSkewSec?: number): Session {
  const token = newToken();
  const now = ctx.clock.now();
  const row: SessionRow = {
    token_hash: hashToken(token),
    user_id: user.user_id,
    created_at: now,
    expires_at: now + ctx.settings.sessionAbsoluteSec * 1000,
    last_seen_at: now,
    revoked_at: null,
    clock_skew_sec: clockSkewSec ?? null,
    reauth_code_hash: null,
    reauth_code_expires_at: null,
    reauth_sent_at: null,
  };
  stmt(
    ctx.db,
    `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, clock_skew_sec)
       VALUES (@token_hash, @user_id, @created_at, @expires_at, @last_seen_at, @clock_skew_sec)`,
  ).run(row);
  return sessionView(ctx, row, user, token);
}

/** The bearer token of a request, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(header ?? '');
  return m?.[1];
}

/** A session found by its token, whatever its state. */
export function findSession(ctx: SimContext, token: string | undefined): SessionRow | undefined {
  if (token === undefined) return undefined;
  return stmt(ctx.db, 'SELECT * FROM sessions WHERE token_hash = ?').get(hashToken(token)) as
    SessionRow | undefined;
}

/** What an authenticated route gets. */
export interface Authenticated {
  token: string;
  session: SessionRow;
  user: UserRow;
}

const expired = (): CcmsError =>
  new CcmsError('SESSION_EXPIRED', 'The session has ended; sign in again.');

/**
 * Resolves the session of a request. Absolute expiry, logout or a revoked session: SESSION_EXPIRED.
 * Idle past the timeout: SESSION_LOCKED (a step-up OTP at /session/reauth unlocks it).
 * `touch` restarts the idle timer (every authenticated call but reauth, which unlocks instead).
 */
export function authenticate(
  ctx: SimContext,
  header: string | undefined,
  opts: { touch: boolean; allowLocked?: boolean },
): Authenticated {
  const token = bearerToken(header);
  const session = findSession(ctx, token);
  if (token === undefined || session === undefined || session.revoked_at !== null) throw expired();
  const now = ctx.clock.now();
  if (now >= session.expires_at) throw expired();
  const user = findUser(ctx.db, session.user_id);
  if (user === undefined || user.suspended) throw expired();
  const idle = now - session.last_seen_at >= ctx.settings.sessionIdleSec * 1000;
  if (idle && !opts.allowLocked) {
    throw new CcmsError(
      'SESSION_LOCKED',
      'The session is locked after inactivity; enter a one-time password.',
    );
  }
  if (opts.touch && !idle) {
    stmt(ctx.db, 'UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(
      now,
      session.token_hash,
    );
    session.last_seen_at = now;
  }
  return { token, session, user };
}

/** Ends a session (logout). */
export function revokeSession(ctx: SimContext, token: string | undefined): void {
  if (token === undefined) return;
  stmt(
    ctx.db,
    'UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
  ).run(ctx.clock.now(), hashToken(token));
}
