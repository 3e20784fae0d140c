import {
  DMS_AUDIT_DEFAULT,
  type DmsAction,
  type DmsAuditEntry,
  type DmsAuditEvent,
  type DmsAuditReply,
} from '../../shared/protocol.js';
import { iso } from '../clock.js';
import type { SimContext } from '../context.js';
import { stmt } from '../store/db.js';
import { userKey, type UserRow } from '../store/users.js';
import { expireStale } from './requests-store.js';
import { assertDa } from './service.js';

/** The audit's event names (simulator/store/users.ts `audit`) as the protocol names them. */
const EVENTS: Record<string, DmsAuditEvent> = {
  request_created: 'created',
  request_approved: 'approved',
  request_rejected: 'rejected',
  request_expired: 'expired',
  decision_refused: 'refused',
};

interface AuditRow {
  id: number;
  at: number;
  actor_id: string;
  event: string;
  request_id: string;
  target_user_id: string;
  detail: string | null;
  action: DmsAction;
}

function entryOf(r: AuditRow): DmsAuditEntry | undefined {
  const event = EVENTS[r.event];
  if (event === undefined) return undefined;
  // created and approved record the action as their detail; it says nothing the entry lacks.
  const detail = event === 'rejected' || event === 'refused' ? r.detail : null;
  return {
    id: r.id,
    at: iso(r.at),
    event,
    actorId: r.actor_id,
    requestId: r.request_id,
    userId: r.target_user_id,
    action: r.action,
    ...(detail === null ? {} : { detail }),
  };
}

/**
 * `GET /dms/audit`: every step of the DA's own participant's requests, newest first, at most
 * `limit`. An audit row belongs to a participant through its request, so another participant's
 * entries are never read.
 */
export function auditOf(
  ctx: SimContext,
  da: UserRow,
  query: { userId?: string | undefined; daId?: string | undefined; limit?: number | undefined },
): DmsAuditReply {
  assertDa(da);
  // Expiry is recorded when it is noticed: notice it now, so the audit is as of now.
  expireStale(ctx.db, ctx.clock.now());
  const limit = query.limit ?? DMS_AUDIT_DEFAULT;
  const rows = stmt(
    ctx.db,
    `SELECT a.id, a.at, a.actor_id, a.event, a.request_id, a.target_user_id, a.detail, r.action
       FROM audit a JOIN dms_requests r ON r.id = a.request_id
      WHERE r.participant_id = @participant
        AND a.event IN ('request_created', 'request_approved', 'request_rejected', 'request_expired', 'decision_refused')
        AND (@userId IS NULL OR a.target_user_id = @userId)
        AND (@daId IS NULL OR a.actor_id = @daId)
      ORDER BY a.id DESC
      LIMIT @take`,
  ).all({
    participant: da.participant_id,
    userId: query.userId === undefined ? null : userKey(query.userId),
    daId: query.daId === undefined ? null : userKey(query.daId),
    // One more than asked: whether more match, without counting them all.
    take: limit + 1,
  }) as AuditRow[];
  const entries = rows
    .slice(0, limit)
    .map(entryOf)
    .filter((e): e is DmsAuditEntry => e !== undefined);
  return { entries, truncated: rows.length > limit };
}
