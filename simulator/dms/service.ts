import { CcmsError } from '../../shared/errors.js';
import type { DmsCreateRequest, DmsRequest, DmsUser } from '../../shared/protocol.js';
import { iso } from '../clock.js';
import type { SimContext } from '../context.js';
import {
  audit,
  findUser,
  isDa,
  lockoutOf,
  pendingInitSteps,
  rolesOf,
  type UserRow,
} from '../store/users.js';
import { maskEmail, newToken } from '../auth/secrets.js';
import { tempEmailOtpUntilOf } from '../auth/user-otp.js';
import { listRequests, requestView, type RequestRow } from './requests-store.js';
import { stmt } from '../store/db.js';

/** Only Delegated Administrators reach the DMS. */
export function assertDa(user: UserRow): void {
  if (!isDa(user))
    throw new CcmsError('FORBIDDEN', 'Only a Delegated Administrator can use the DMS.');
}

/** `GET /dms/users`: the users of the DA's participant with their state. */
export function listUsers(ctx: SimContext, da: UserRow): DmsUser[] {
  assertDa(da);
  const now = ctx.clock.now();
  const rows = stmt(ctx.db, 'SELECT * FROM users WHERE participant_id = ? ORDER BY user_id').all(
    da.participant_id,
  ) as UserRow[];
  return rows.map((u) => {
    const lock = lockoutOf(ctx.db, u.user_id);
    const locked = lock.locked_until !== null && lock.locked_until > now;
    const state = u.suspended
      ? 'suspended'
      : locked
        ? 'locked'
        : pendingInitSteps(u).length > 0
          ? 'needs_init'
          : 'active';
    return {
      userId: u.user_id,
      name: u.name,
      roles: rolesOf(u),
      state,
      channel: u.needs_channel ? null : u.channel,
      maskedEmail: u.email === null ? null : maskEmail(u.email),
      lockedUntil: locked && lock.locked_until !== null ? iso(lock.locked_until) : null,
      tempEmailOtpUntil: nullableIso(tempEmailOtpUntilOf(u, now)),
    };
  });
}

const nullableIso = (ms: number | null): string | null => (ms === null ? null : iso(ms));

// A user of another participant is answered like one that does not exist.
function targetOf(ctx: SimContext, da: UserRow, userId: string): UserRow {
  const target = findUser(ctx.db, userId);
  if (target === undefined || target.participant_id !== da.participant_id) {
    throw new CcmsError('NOT_FOUND', `No user ${userId} in participant ${da.participant_id}.`);
  }
  return target;
}

/**
 * A temporary email OTP exception is for a user who signs in with the authenticator app and has a
 * registered email (where the codes go), for at most `tempEmailOtpMaxSec`. Checked again when it
 * is approved (dms/effects.ts).
 */
export function assertTempEmailOtp(
  ctx: SimContext,
  target: UserRow,
  durationSec: number | undefined,
): void {
  const max = ctx.settings.tempEmailOtpMaxSec;
  if (durationSec === undefined) {
    throw new CcmsError('INVALID_REQUEST', 'temp_email_otp needs durationSec.', {
      field: 'durationSec',
    });
  }
  if (durationSec > max) {
    throw new CcmsError('INVALID_REQUEST', `durationSec is at most ${max} (${max / 3600} h).`, {
      field: 'durationSec',
    });
  }
  if (target.channel !== 'totp' || target.needs_channel) {
    throw new CcmsError(
      'CHANNEL_NOT_TOTP',
      `${target.user_id} does not sign in with an authenticator app; there is nothing to replace.`,
    );
  }
  if (target.email === null) {
    throw new CcmsError(
      'EMAIL_NOT_REGISTERED',
      `No email is registered for ${target.user_id}; set one first.`,
    );
  }
}

/** `POST /dms/requests`: the maker's half. */
export function createRequest(ctx: SimContext, da: UserRow, body: DmsCreateRequest): DmsRequest {
  assertDa(da);
  const target = targetOf(ctx, da, body.userId);
  if (body.action === 'set_email' && body.email === undefined) {
    throw new CcmsError('INVALID_REQUEST', 'set_email needs the new email.', { field: 'email' });
  }
  if (body.action !== 'set_email' && body.email !== undefined) {
    throw new CcmsError('INVALID_REQUEST', `${body.action} takes no email.`, { field: 'email' });
  }
  if (body.action === 'temp_email_otp') assertTempEmailOtp(ctx, target, body.durationSec);
  else if (body.durationSec !== undefined) {
    throw new CcmsError('INVALID_REQUEST', `${body.action} takes no durationSec.`, {
      field: 'durationSec',
    });
  }
  if (body.action === 'reset_password' && target.email === null) {
    throw new CcmsError(
      'EMAIL_NOT_REGISTERED',
      `No email is registered for ${target.user_id}; set one first.`,
    );
  }
  const now = ctx.clock.now();
  const row: RequestRow = {
    id: `R-${newToken(9)}`,
    participant_id: da.participant_id,
    action: body.action,
    user_id: target.user_id,
    email: body.email ?? null,
    duration_sec: body.durationSec ?? null,
    status: 'pending',
    maker_id: da.user_id,
    checker_id: null,
    reason: null,
    created_at: now,
    expires_at: now + ctx.settings.dmsRequestTtlSec * 1000,
    decided_at: null,
  };
  ctx.db
    .transaction(() => {
      stmt(
        ctx.db,
        `INSERT INTO dms_requests (id, participant_id, action, user_id, email, duration_sec, status, maker_id, created_at, expires_at)
           VALUES (@id, @participant_id, @action, @user_id, @email, @duration_sec, @status, @maker_id, @created_at, @expires_at)`,
      ).run(row);
      audit(ctx.db, {
        at: now,
        actorId: da.user_id,
        event: 'request_created',
        requestId: row.id,
        targetUserId: row.user_id,
        detail: body.action,
      });
    })
    .immediate();
  return requestView(row);
}

/** `GET /dms/requests`. */
export function requestsOf(
  ctx: SimContext,
  da: UserRow,
  status: DmsRequest['status'] | undefined,
): DmsRequest[] {
  assertDa(da);
  return listRequests(ctx.db, da.participant_id, status, ctx.clock.now()).map(requestView);
}
