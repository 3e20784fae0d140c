import { CcmsError } from '../../shared/errors.js';
import {
  DA_PASSWORD_POLICY,
  USER_PASSWORD_POLICY,
  type PasswordPolicy,
} from '../../shared/password-policy.js';
import type { LoginReply, LoginRequest } from '../../shared/protocol.js';
import { iso } from '../clock.js';
import type { SimContext } from '../context.js';
import {
  findUser,
  isDa,
  passwordExpiryOf,
  pendingInitSteps,
  userKey,
  type UserRow,
} from '../store/users.js';
import { assertNotLocked, lockedError, recordFailure } from './lockout.js';
import { hashToken, maskEmail, newToken } from './secrets.js';
import { sendChallengeCode } from './email-codes.js';
import { assertNoMaintenance } from './maintenance.js';
import { stmt } from '../store/db.js';
import { otpChannelOf } from './user-otp.js';

/** The password policy of a user, with the simulator's settings applied. */
export function policyFor(ctx: SimContext, user: UserRow): PasswordPolicy {
  const base = isDa(user) ? DA_PASSWORD_POLICY : USER_PASSWORD_POLICY;
  return {
    ...base,
    minLength: isDa(user) ? ctx.settings.daPasswordMinLength : ctx.settings.passwordMinLength,
    maxLength: ctx.settings.passwordMaxLength,
    historyCount: ctx.settings.passwordHistory,
  };
}

/**
 * A wrong password (or an unknown user ID: the same answer) with the attempts left before the
 * lock. The count is kept per submitted user ID whether or not that user exists, so it tells an
 * unknown ID from a known one no more than the answer itself does (docs/protocol.md).
 */
const invalidCredentials = (ctx: SimContext, attemptsLeft: number): CcmsError =>
  new CcmsError('INVALID_CREDENTIALS', 'The user ID or password is wrong.', {
    attemptsLeft,
    lockDurationSec: ctx.settings.lockoutDurationSec,
  });

const rateLimited = (retryAfterSec: number): CcmsError =>
  new CcmsError('RATE_LIMITED', 'Too many failed sign-ins from this workstation; wait and retry.', {
    retryAfterSec,
  });

/**
 * The user whose password this is, or a throw. A locked account answers before any hash: its
 * reply says locked whatever the password, for a known and an unknown user ID alike, so skipping
 * the hash tells nothing, and a locked account costs no argon2 work. Every other path costs one
 * verify (a dummy one for an unknown user) and the same lockout bookkeeping, so nothing in the
 * answer or its timing tells whether a user exists.
 */
async function passwordHolder(ctx: SimContext, body: LoginRequest): Promise<UserRow> {
  const key = userKey(body.userId);
  assertNotLocked(ctx, key);
  const user = findUser(ctx.db, key);
  const passwordOk = user
    ? await ctx.hasher.verify(user.password_hash, body.password)
    : await ctx.hasher.verifyDummy(body.password);

  // From here on no await until the reply is decided: the checks and writes are atomic.
  // Checked again: concurrent failures may have locked the account during the hash.
  assertNotLocked(ctx, key);
  if (!passwordOk || user === undefined) {
    const outcome = ctx.db.transaction(() => recordFailure(ctx, key)).immediate();
    if (outcome.lockedUntil !== undefined) throw lockedError(outcome.lockedUntil);
    throw invalidCredentials(ctx, outcome.attemptsLeft);
  }
  return user;
}

/** Step one of sign-in: the address's attempt is reserved before the hash and settled after. */
export async function login(
  ctx: SimContext,
  body: LoginRequest,
  clientAddress: string,
): Promise<LoginReply> {
  assertNoMaintenance(ctx);
  const admission = ctx.rateLimiter.admit(clientAddress);
  if ('retryAfterSec' in admission) throw rateLimited(admission.retryAfterSec);
  let failed = true;
  let user: UserRow;
  try {
    user = await passwordHolder(ctx, body);
    failed = false;
  } finally {
    admission.attempt.settle(failed);
  }
  if (user.suspended) {
    throw new CcmsError(
      'ACCOUNT_SUSPENDED',
      'The account is suspended; contact your Delegated Administrator.',
    );
  }
  const tempExpiry = user.must_change_password ? user.temp_password_expires_at : null;
  if (tempExpiry !== null && ctx.clock.now() >= tempExpiry) {
    throw new CcmsError(
      'PASSWORD_EXPIRED',
      'The temporary password has expired; ask your Delegated Administrator for a new one.',
    );
  }
  const ownExpiry = passwordExpiryOf(ctx.db, user, ctx.settings.passwordMaxAgeDays);
  if (ownExpiry !== null && ctx.clock.now() >= ownExpiry) {
    throw new CcmsError(
      'PASSWORD_EXPIRED',
      'The password has expired; ask your Delegated Administrator for a temporary password.',
    );
  }
  const steps = pendingInitSteps(user);
  if (steps.length > 0) return startInit(ctx, user, steps);
  return startChallenge(ctx, user);
}

function startInit(
  ctx: SimContext,
  user: UserRow,
  steps: Array<'password' | 'channel'>,
): LoginReply {
  const token = newToken();
  const now = ctx.clock.now();
  const expiresAt = now + ctx.settings.initTokenTtlSec * 1000;
  stmt(
    ctx.db,
    'INSERT INTO init_tokens (token_hash, user_id, created_at, expires_at, steps) VALUES (?, ?, ?, ?, ?)',
  ).run(hashToken(token), user.user_id, now, expiresAt, JSON.stringify(steps));
  return {
    next: 'init',
    initToken: token,
    steps,
    passwordPolicy: policyFor(ctx, user),
    expiresAt: iso(expiresAt),
  };
}

async function startChallenge(ctx: SimContext, user: UserRow): Promise<LoginReply> {
  const id = newToken();
  const now = ctx.clock.now();
  const expiresAt = now + ctx.settings.challengeTtlSec * 1000;
  // A TOTP user under a DA's temporary email OTP exception gets an email challenge too.
  if (otpChannelOf(user, now) === 'email') {
    if (user.email === null)
      throw new CcmsError('EMAIL_NOT_REGISTERED', 'No email is registered for this user.');
    // Mail first: when SMTP fails no challenge exists, and the client simply signs in again.
    // The challenge's life is fixed here; no code of it outlives it.
    const sent = await sendChallengeCode(ctx, user.user_id, user.email, expiresAt);
    stmt(
      ctx.db,
      `INSERT INTO challenges (id_hash, user_id, channel, created_at, expires_at, code_hash, code_expires_at, sends, last_sent_at)
         VALUES (?, ?, 'email', ?, ?, ?, ?, 1, ?)`,
    ).run(hashToken(id), user.user_id, now, expiresAt, sent.codeHash, sent.codeExpiresAt, now);
    return {
      next: 'otp',
      challengeId: id,
      channel: 'email',
      maskedEmail: maskEmail(user.email),
      expiresAt: iso(expiresAt),
      codeExpiresAt: iso(sent.codeExpiresAt),
      resendAvailableAt: iso(now + ctx.settings.emailResendCooldownSec * 1000),
      resendsLeft: Math.max(0, ctx.settings.emailMaxSends - 1),
    };
  }
  stmt(
    ctx.db,
    `INSERT INTO challenges (id_hash, user_id, channel, created_at, expires_at) VALUES (?, ?, 'totp', ?, ?)`,
  ).run(hashToken(id), user.user_id, now, expiresAt);
  return { next: 'otp', challengeId: id, channel: 'totp', expiresAt: iso(expiresAt) };
}
