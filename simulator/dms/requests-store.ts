import type { DmsRequest } from '../../shared/protocol.js';
import { iso } from '../clock.js';
import { stmt, type Db } from '../store/db.js';
import { audit } from '../store/users.js';

/** A DMS request row. */
export interface RequestRow {
  id: string;
  participant_id: string;
  action: DmsRequest['action'];
  user_id: string;
  email: string | null;
  /** `temp_email_otp`: the exception's length once approved. */
  duration_sec: number | null;
  status: DmsRequest['status'];
  maker_id: string;
  checker_id: string | null;
  reason: string | null;
  created_at: number;
  expires_at: number;
  decided_at: number | null;
  claimed_by?: string | null;
  claimed_at?: number | null;
}

/**
 * How long an approval's claim holds. An approval's slow part is one hash and one mail (the
 * mailer gives up within 20 s, simulator/mail/mailer.ts); a claim older than this belongs to an
 * approval that died with its process, and the request may be decided again.
 */
export const CLAIM_TTL_MS = 60_000;

/** The protocol's view of a request. */
export function requestView(r: RequestRow): DmsRequest {
  return {
    id: r.id,
    action: r.action,
    userId: r.user_id,
    ...(r.email === null ? {} : { email: r.email }),
    ...(r.duration_sec === null ? {} : { durationSec: r.duration_sec }),
    status: r.status,
    makerId: r.maker_id,
    ...(r.checker_id === null ? {} : { checkerId: r.checker_id }),
    ...(r.reason === null ? {} : { reason: r.reason }),
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    ...(r.decided_at === null ? {} : { decidedAt: iso(r.decided_at) }),
  };
}

/** Marks pending requests past their expiry as expired, auditing each (actor `system`). */
export function expireStale(db: Db, nowMs: number): void {
  // A request an approval is working on is left to that approval (it expires after, if it fails).
  const stale = stmt(
    db,
    `SELECT id, user_id FROM dms_requests WHERE status = 'pending' AND expires_at <= ?
       AND (claimed_at IS NULL OR claimed_at <= ?)`,
  ).all(nowMs, nowMs - CLAIM_TTL_MS) as Array<{ id: string; user_id: string }>;
  if (stale.length === 0) return;
  db.transaction(() => {
    for (const s of stale) {
      stmt(
        db,
        `UPDATE dms_requests SET status = 'expired', decided_at = ?, claimed_by = NULL, claimed_at = NULL
           WHERE id = ? AND status = 'pending'`,
      ).run(nowMs, s.id);
      audit(db, {
        at: nowMs,
        actorId: 'system',
        event: 'request_expired',
        requestId: s.id,
        targetUserId: s.user_id,
      });
    }
  }).immediate();
}

/** A request by id (after expiring stale ones), or undefined. */
export function findRequest(db: Db, id: string, nowMs: number): RequestRow | undefined {
  expireStale(db, nowMs);
  return stmt(db, 'SELECT * FROM dms_requests WHERE id = ?').get(id) as RequestRow | undefined;
}

/** A participant's requests, newest first, optionally of one status. */
export function listRequests(
  db: Db,
  participantId: string,
  status: DmsRequest['status'] | undefined,
  nowMs: number,
): RequestRow[] {
  expireStale(db, nowMs);
  return (
    status === undefined
      ? stmt(
          db,
          'SELECT * FROM dms_requests WHERE participant_id = ? ORDER BY created_at DESC, rowid DESC',
        ).all(participantId)
      : stmt(
          db,
          'SELECT * FROM dms_requests WHERE participant_id = ? AND status = ? ORDER BY created_at DESC, rowid DESC',
        ).all(participantId, status)
  ) as RequestRow[];
}

/**
 * Claims a pending request for one approver (atomic: one UPDATE ... WHERE status = 'pending');
 * false when it is decided, or claimed by another approval that is still live.
 */
export function claimRequest(db: Db, id: string, checkerId: string, nowMs: number): boolean {
  return (
    stmt(
      db,
      `UPDATE dms_requests SET claimed_by = ?, claimed_at = ?
         WHERE id = ? AND status = 'pending' AND (claimed_at IS NULL OR claimed_at <= ?)`,
    ).run(checkerId, nowMs, id, nowMs - CLAIM_TTL_MS).changes === 1
  );
}

/** Gives a claim up (its approval failed): the request is pending and free again. */
export function releaseClaim(db: Db, id: string, checkerId: string, claimedAt: number): void {
  stmt(
    db,
    `UPDATE dms_requests SET claimed_by = NULL, claimed_at = NULL
       WHERE id = ? AND claimed_by = ? AND claimed_at = ?`,
  ).run(id, checkerId, claimedAt);
}
