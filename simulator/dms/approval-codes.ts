import { CcmsError } from '../../shared/errors.js';
import type { DmsApprovalCodeReply } from '../../shared/protocol.js';
import { iso } from '../clock.js';
import type { SimContext } from '../context.js';
import { stmt } from '../store/db.js';
import type { UserRow } from '../store/users.js';
import { assertResendAllowed, sendChallengeCode } from '../auth/email-codes.js';
import { failOtp } from '../auth/lockout.js';
import { maskEmail } from '../auth/secrets.js';
import { otpChannelOf } from '../auth/user-otp.js';
import { approvalCodeMail } from '../mail/templates.js';
import type { RequestRow } from './requests-store.js';

// One row per (request, checker): a code approves that request, by that checker, and nothing else.
interface ApprovalCodeRow {
  request_id: string;
  checker_id: string;
  code_hash: string | null;
  code_expires_at: number | null;
  sends: number;
  last_sent_at: number | null;
}

function codeRow(ctx: SimContext, requestId: string, checkerId: string) {
  return stmt(
    ctx.db,
    'SELECT * FROM dms_approval_codes WHERE request_id = ? AND checker_id = ?',
  ).get(requestId, checkerId) as ApprovalCodeRow | undefined;
}

/** Whether the checker approves with an emailed code (their channel now is email). */
export function approvesByEmail(ctx: SimContext, checker: UserRow): boolean {
  return otpChannelOf(checker, ctx.clock.now()) === 'email';
}

/**
 * Emails the checker a code that approves `request` only. The sign-in email code's rules hold: it
 * lives `emailOtpTtlSec` (never past the request's expiry), a new one replaces the last, and sends
 * follow the resend cooldown and cap, counted per request and checker.
 */
export async function mailApprovalCode(
  ctx: SimContext,
  checker: UserRow,
  request: RequestRow,
): Promise<DmsApprovalCodeReply> {
  if (!approvesByEmail(ctx, checker) || checker.email === null) {
    throw new CcmsError(
      'INVALID_REQUEST',
      'You approve with your authenticator app; no approval code is emailed.',
      { field: 'id' },
    );
  }
  const before = codeRow(ctx, request.id, checker.user_id);
  assertResendAllowed(ctx, before?.sends ?? 0, before?.last_sent_at ?? null);
  const subject = { requestId: request.id, action: request.action, targetUserId: request.user_id };
  // When SMTP fails nothing is recorded: the old code (if any) and the send count stay.
  const sent = await sendChallengeCode(
    ctx,
    checker.user_id,
    checker.email,
    request.expires_at,
    (userId, code, expiresAtMs, ttlSec) =>
      approvalCodeMail(userId, code, expiresAtMs, ttlSec, subject),
  );
  const now = ctx.clock.now();
  stmt(
    ctx.db,
    `INSERT INTO dms_approval_codes (request_id, checker_id, code_hash, code_expires_at, sends, last_sent_at)
       VALUES (?, ?, ?, ?, 1, ?)
     ON CONFLICT (request_id, checker_id) DO UPDATE SET code_hash = excluded.code_hash,
       code_expires_at = excluded.code_expires_at, sends = sends + 1, last_sent_at = excluded.last_sent_at`,
  ).run(request.id, checker.user_id, sent.codeHash, sent.codeExpiresAt, now);
  return {
    maskedEmail: maskEmail(checker.email),
    expiresAt: iso(sent.codeExpiresAt),
    resendAvailableAt: iso(now + ctx.settings.emailResendCooldownSec * 1000),
  };
}

/**
 * Spends the checker's approval code for one request, or throws. A wrong code (or none sent)
 * counts toward the checker's lockout like any OTP; the code works once. Synchronous from the
 * check to the write, so two approvals cannot both spend it.
 */
export function spendApprovalCode(
  ctx: SimContext,
  checker: UserRow,
  requestId: string,
  code: string,
): void {
  const row = codeRow(ctx, requestId, checker.user_id);
  if (row?.code_hash == null || row.code_expires_at === null) return failOtp(ctx, checker.user_id);
  if (ctx.clock.now() >= row.code_expires_at) {
    throw new CcmsError('OTP_EXPIRED', 'The emailed approval code has expired; ask for a new one.');
  }
  if (!ctx.box.macEquals(code, row.code_hash)) failOtp(ctx, checker.user_id);
  stmt(
    ctx.db,
    `UPDATE dms_approval_codes SET code_hash = NULL, code_expires_at = NULL
       WHERE request_id = ? AND checker_id = ?`,
  ).run(requestId, checker.user_id);
}
