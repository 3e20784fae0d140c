import { CcmsError } from '../../shared/errors.js';
import type { DmsApprovalCodeReply, DmsRequest } from '../../shared/protocol.js';
import type { SimContext } from '../context.js';
import { audit, type UserRow } from '../store/users.js';
import { stmt } from '../store/db.js';
import { acceptTotp, sealedSecretOf } from '../auth/user-otp.js';
import { assertNotLocked } from '../auth/lockout.js';
import {
  CLAIM_TTL_MS,
  claimRequest,
  findRequest,
  releaseClaim,
  requestView,
  type RequestRow,
} from './requests-store.js';
import { prepareEffect } from './effects.js';
import { approvesByEmail, mailApprovalCode, spendApprovalCode } from './approval-codes.js';
import { assertDa } from './service.js';

type Verb = 'approve' | 'reject';

const notPending = (message: string): CcmsError => new CcmsError('REQUEST_NOT_PENDING', message);

// A refused decision is audited too: who tried to decide what, and why it was refused.
function refuse(ctx: SimContext, da: UserRow, request: RequestRow, verb: Verb, e: unknown): never {
  audit(ctx.db, {
    at: ctx.clock.now(),
    actorId: da.user_id,
    event: 'decision_refused',
    requestId: request.id,
    targetUserId: request.user_id,
    detail: `${verb}: ${e instanceof CcmsError ? e.code : 'INTERNAL'}`,
  });
  throw e;
}

function refusalOf(request: RequestRow, da: UserRow): CcmsError | undefined {
  // Maker and checker are two different people: the four-eyes rule.
  if (request.maker_id === da.user_id)
    return new CcmsError('SAME_DA', 'The maker of a request cannot decide it.');
  // Nobody checks their own case: approving and rejecting alike, or the four eyes are two.
  if (request.user_id === da.user_id)
    return new CcmsError('FORBIDDEN', 'A DA cannot decide a request about their own account.');
  if (request.status !== 'pending') return notPending(`The request is ${request.status}.`);
  return undefined;
}

function decidable(ctx: SimContext, da: UserRow, id: string, verb: Verb): RequestRow {
  assertDa(da);
  const request = findRequest(ctx.db, id, ctx.clock.now());
  if (request === undefined || request.participant_id !== da.participant_id) {
    throw new CcmsError('NOT_FOUND', `No request ${id}.`);
  }
  const refusal = refusalOf(request, da);
  if (refusal !== undefined) refuse(ctx, da, request, verb, refusal);
  return request;
}

/**
 * `POST /dms/requests/{id}/approval-code`: a checker whose channel is email asks for the code that
 * approves this request; refused for a request they may not decide, like the approval itself.
 */
export async function sendApprovalCode(
  ctx: SimContext,
  da: UserRow,
  id: string,
): Promise<DmsApprovalCodeReply> {
  const request = decidable(ctx, da, id, 'approve');
  assertNotLocked(ctx, da.user_id);
  return mailApprovalCode(ctx, da, request);
}

/**
 * `POST /dms/requests/{id}/approve`: the checker's half, confirmed with the checker's own OTP: a
 * TOTP, or for a checker whose channel is email the code `approval-code` mailed for this request.
 * The request is claimed (atomically) before its effect runs, so of two approvals at once only one
 * hashes and mails a temporary password; the other is refused and audited. The effect is applied
 * in the transaction that marks the request approved; when the effect fails (no mail) the claim
 * is released and the request stays pending.
 */
export async function approveRequest(
  ctx: SimContext,
  da: UserRow,
  id: string,
  code: string,
): Promise<DmsRequest> {
  const request = decidable(ctx, da, id, 'approve');
  assertNotLocked(ctx, da.user_id);
  // Spent at once: the effect below awaits, and the code must not be usable meanwhile.
  if (approvesByEmail(ctx, da)) spendApprovalCode(ctx, da, id, code);
  else acceptTotp(ctx, da.user_id, sealedSecretOf(da), code).record();
  const claimedAt = ctx.clock.now();
  if (!claimRequest(ctx.db, id, da.user_id, claimedAt)) {
    refuse(ctx, da, request, 'approve', notPending('Another DA is deciding the request.'));
  }
  let apply: () => void;
  try {
    apply = await prepareEffect(ctx, request);
  } catch (e) {
    releaseClaim(ctx.db, id, da.user_id, claimedAt);
    refuse(ctx, da, request, 'approve', e);
  }
  const view = ctx.db
    .transaction(() => {
      const now = ctx.clock.now();
      // Still ours? Only if this approval outlived CLAIM_TTL_MS could another have taken it.
      const changed = stmt(
        ctx.db,
        `UPDATE dms_requests SET status = 'approved', checker_id = ?, decided_at = ?, claimed_by = NULL, claimed_at = NULL
           WHERE id = ? AND status = 'pending' AND claimed_by = ? AND claimed_at = ?`,
      ).run(da.user_id, now, id, da.user_id, claimedAt).changes;
      if (changed !== 1) return undefined;
      apply();
      audit(ctx.db, {
        at: now,
        actorId: da.user_id,
        event: 'request_approved',
        requestId: id,
        targetUserId: request.user_id,
        detail: request.action,
      });
      return requestView({
        ...request,
        status: 'approved',
        checker_id: da.user_id,
        decided_at: now,
      });
    })
    .immediate();
  if (view === undefined)
    refuse(ctx, da, request, 'approve', notPending('The request was decided meanwhile.'));
  return view;
}

/** `POST /dms/requests/{id}/reject`: refused while another DA's approval holds the request. */
export function rejectRequest(
  ctx: SimContext,
  da: UserRow,
  id: string,
  reason: string,
): DmsRequest {
  const request = decidable(ctx, da, id, 'reject');
  const now = ctx.clock.now();
  const decided = ctx.db
    .transaction(() => {
      const changed = stmt(
        ctx.db,
        `UPDATE dms_requests SET status = 'rejected', checker_id = ?, reason = ?, decided_at = ?
           WHERE id = ? AND status = 'pending' AND (claimed_at IS NULL OR claimed_at <= ?)`,
      ).run(da.user_id, reason, now, id, now - CLAIM_TTL_MS).changes;
      if (changed !== 1) return false;
      audit(ctx.db, {
        at: now,
        actorId: da.user_id,
        event: 'request_rejected',
        requestId: id,
        targetUserId: request.user_id,
        detail: reason,
      });
      return true;
    })
    .immediate();
  if (!decided)
    refuse(ctx, da, request, 'reject', notPending('Another DA is deciding the request.'));
  return requestView({
    ...request,
    status: 'rejected',
    checker_id: da.user_id,
    reason,
    decided_at: now,
  });
}
