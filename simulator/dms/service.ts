import { CcmsError } from '../../shared/errors.js';
import type { DmsAction, DmsCreateRequest, DmsRequest, DmsUser } from '../../shared/protocol.js';
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
import { actionBlock, sameChange, type DmsActionBlock } from '../../shared/dms-rules.js';
import { listRequests, requestView, type RequestRow } from './requests-store.js';
import { stmt } from '../store/db.js';

/** Only Delegated Administrators reach the DMS. */
export function assertDa(user: UserRow): void {
  if (!isDa(user))
    throw new CcmsError('FORBIDDEN', 'Only a Delegated Administrator can use the DMS.');
}

const nullableIso = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** A user as the DA sees them; the DMS rules (shared/dms-rules.ts) read this view. */
function userView(ctx: SimContext, u: UserRow, now: number): DmsUser {
  const lock = lockoutOf(ctx.db, u.user_id);
  const locked = lock.locked_until !== null && lock.locked_until > now;
  const state = u.suspended
    ? 'suspended'
    : locked
      ? 'locked'
      : pendingInitSteps(u).length > 0
        ? 'needs_init'
        : 'active';
  // must_change_password is set by a temporary password only (the seed's, or a DA's reset).
  const temporary = u.must_change_password === 1;
  return {
    userId: u.user_id,
    name: u.name,
    roles: rolesOf(u),
    state,
    channel: u.needs_channel ? null : u.channel,
    maskedEmail: u.email === null ? null : maskEmail(u.email),
    lockedUntil: locked && lock.locked_until !== null ? iso(lock.locked_until) : null,
    tempEmailOtpUntil: nullableIso(tempEmailOtpUntilOf(u, now)),
    // Only a DA's temporary password expires (simulator/auth/login.ts answers PASSWORD_EXPIRED).
    passwordExpiresAt:
      temporary && u.temp_password_expires_at !== null ? iso(u.temp_password_expires_at) : null,
    temporaryPassword: temporary,
  };
}

/** `GET /dms/users`: the users of the DA's participant with their state. */
export function listUsers(ctx: SimContext, da: UserRow): DmsUser[] {
  assertDa(da);
  const now = ctx.clock.now();
  const rows = stmt(ctx.db, 'SELECT * FROM users WHERE participant_id = ? ORDER BY user_id').all(
    da.participant_id,
  ) as UserRow[];
  return rows.map((u) => userView(ctx, u, now));
}

const BLOCKED: Record<DmsActionBlock, string> = {
  noEmail: 'has no email registered; set one first',
  notLocked: 'is not locked',
  alreadySuspended: 'is suspended already',
  notSuspended: 'is not suspended',
  no2fa: 'has no two-factor authentication set up to reset',
  notTotp: 'does not sign in with an authenticator app; there is nothing to replace',
};

const BLOCK_CODE: Partial<Record<DmsActionBlock, 'EMAIL_NOT_REGISTERED' | 'CHANNEL_NOT_TOTP'>> = {
  noEmail: 'EMAIL_NOT_REGISTERED',
  notTotp: 'CHANNEL_NOT_TOTP',
};

/**
 * The request must be able to succeed for the user as they are now (the console's own rule,
 * shared/dms-rules.ts). Checked when it is made, and for temp_email_otp again when it is approved
 * (dms/effects.ts).
 */
export function assertApplicable(ctx: SimContext, target: UserRow, action: DmsAction): void {
  const block = actionBlock(userView(ctx, target, ctx.clock.now()), action);
  if (block === null) return;
  const message = `${target.user_id} ${BLOCKED[block]}: ${action} cannot succeed.`;
  throw new CcmsError(BLOCK_CODE[block] ?? 'ACTION_NOT_APPLICABLE', message);
}

// One pending request per change: a second one would only be a second thing to approve.
function assertNotPending(ctx: SimContext, da: UserRow, target: UserRow, body: DmsCreateRequest) {
  const pending = listRequests(ctx.db, da.participant_id, 'pending', ctx.clock.now()).find((r) =>
    sameChange(
      { action: r.action, userId: r.user_id, email: r.email ?? undefined },
      { ...body, userId: target.user_id },
    ),
  );
  if (pending === undefined) return;
  throw new CcmsError(
    'REQUEST_ALREADY_PENDING',
    `${pending.id} already asks for ${body.action} of ${target.user_id}; approve or reject it.`,
    { requestId: pending.id },
  );
}

// A user of another participant is answered like one that does not exist.
function targetOf(ctx: SimContext, da: UserRow, userId: string): UserRow {
  const target = findUser(ctx.db, userId);
  if (target === undefined || target.participant_id !== da.participant_id) {
    throw new CcmsError('NOT_FOUND', `No user ${userId} in participant ${da.participant_id}.`);
  }
  return target;
}

/**
 * A temporary email OTP exception lasts `durationSec`, at most `tempEmailOtpMaxSec`; whom it is
 * for (an authenticator-app user with a registered email) is the shared rule (`assertApplicable`).
 */
function assertDuration(ctx: SimContext, body: DmsCreateRequest): void {
  if (body.action !== 'temp_email_otp') {
    if (body.durationSec === undefined) return;
    throw new CcmsError('INVALID_REQUEST', `${body.action} takes no durationSec.`, {
      field: 'durationSec',
    });
  }
  const max = ctx.settings.tempEmailOtpMaxSec;
  if (body.durationSec === undefined) {
    throw new CcmsError('INVALID_REQUEST', 'temp_email_otp needs durationSec.', {
      field: 'durationSec',
    });
  }
  if (body.durationSec > max) {
    throw new CcmsError('INVALID_REQUEST', `durationSec is at most ${max} (${max / 3600} h).`, {
      field: 'durationSec',
    });
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
  assertDuration(ctx, body);
  assertApplicable(ctx, target, body.action);
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
      // Inside the write transaction: of two identical requests at once, the second is refused.
      assertNotPending(ctx, da, target, body);
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
