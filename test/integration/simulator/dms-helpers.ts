import { expect } from 'vitest';
import { openOffline } from '../../../simulator/offline.js';
import {
  insertParticipant,
  insertUser,
  prepareUser,
  type NewUser,
} from '../../../simulator/store/seed.js';
import { signInTotp, type Reply, type TestHost } from './harness.js';

/** Adds a user straight into the running simulator's SQLite file (as another process could). */
export async function addUser(
  host: TestHost,
  user: NewUser,
  participantName = 'Other Participant Ltd',
): Promise<void> {
  const off = openOffline(host.dataDir);
  try {
    const prepared = await prepareUser(user, off.hasher, off.box);
    off.db.transaction(() => {
      insertParticipant(off.db, user.participantId, participantName);
      insertUser(off.db, prepared, host.clock.now());
    })();
  } finally {
    off.close();
  }
}

/** A DA of another participant (CP002), for the tests that keep participants apart. */
export const OTHER_DA: NewUser = {
  userId: 'C00291',
  participantId: 'CP002',
  name: 'Other DA',
  roles: ['user', 'da'],
  password: 'Other-Admin-Pass-291!',
  channel: 'totp',
};

/** A DMS request body as a maker sends it. */
export interface DmsBody {
  action: string;
  userId: string;
  email?: string;
  durationSec?: number;
}

/** A signed-in user: who they are (whose TOTP answers for them) and their session token. */
export interface Signed {
  userId: string;
  token: string;
}

/** Signs a user in with password + TOTP (the seed password unless given). */
export async function signIn(host: TestHost, userId: string, password?: string): Promise<Signed> {
  return { userId, token: await signInTotp(host, userId, password) };
}

/** POST /dms/requests as `maker`, whatever the answer. */
export function tryRequest(host: TestHost, maker: Signed, body: object): Promise<Reply> {
  return host.call('POST', '/dms/requests', body, maker.token);
}

/** POST /dms/requests as `maker`; the request must be created. Returns its id and the reply. */
export async function request(
  host: TestHost,
  maker: Signed,
  body: DmsBody,
): Promise<{ id: string; reply: Reply }> {
  const reply = await tryRequest(host, maker, body);
  expect(reply.status).toBe(200);
  return { id: reply.body.request.id as string, reply };
}

/** Approves request `id` as `checker` with their own current TOTP, or `code` when given. */
export function approve(
  host: TestHost,
  checker: Signed,
  id: string,
  code = host.sim.currentTotp(checker.userId),
): Promise<Reply> {
  return host.call('POST', `/dms/requests/${id}/approve`, { code }, checker.token);
}

/** Rejects request `id` as `checker`, giving `reason`. */
export function reject(
  host: TestHost,
  checker: Signed,
  id: string,
  reason: string,
): Promise<Reply> {
  return host.call('POST', `/dms/requests/${id}/reject`, { reason }, checker.token);
}

/** The ids of the requests `da` sees with `status` (all of them without). */
export async function requestIds(host: TestHost, da: Signed, status?: string): Promise<string[]> {
  const path = status === undefined ? '/dms/requests' : `/dms/requests?status=${status}`;
  const list = await host.call('GET', path, undefined, da.token);
  return (list.body.requests as Array<{ id: string }>).map((r) => r.id);
}

/** A refusal as `[HTTP status, error code]`. */
export function refusal(reply: Reply): [number, unknown] {
  return [reply.status, reply.body?.error?.code];
}

/** Maker C00191 requests, checker C00192 approves; returns the approved request. */
export async function makeAndApprove(
  host: TestHost,
  body: DmsBody,
): Promise<Record<string, unknown>> {
  const { id } = await request(host, await signIn(host, 'C00191'), body);
  const ok = await approve(host, await signIn(host, 'C00192'), id);
  if (ok.status !== 200) throw new Error(ok.raw);
  host.clock.advance(30_000);
  return ok.body.request as Record<string, unknown>;
}

/** Registers an email for a user through the maker/checker flow. */
export async function setEmail(host: TestHost, userId: string, email: string): Promise<void> {
  await makeAndApprove(host, { action: 'set_email', userId, email });
}
