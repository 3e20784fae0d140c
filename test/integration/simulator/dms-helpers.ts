import { expect } from 'vitest';
import { openOffline } from '../../../simulator/offline.js';
import {
  insertParticipant,
  insertUser,
  prepareUser,
  type NewUser,
} from '../../../simulator/store/seed.js';
import { signInTotp, type TestHost } from './harness.js';

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

/** Maker C00191 requests, checker C00192 approves; returns the approved request. */
export async function makeAndApprove(
  host: TestHost,
  body: { action: string; userId: string; email?: string },
): Promise<Record<string, unknown>> {
  const maker = await signInTotp(host, 'C00191');
  const made = await host.call('POST', '/dms/requests', body, maker);
  expect(made.status).toBe(200);
  const checker = await signInTotp(host, 'C00192');
  const ok = await host.call(
    'POST',
    `/dms/requests/${made.body.request.id}/approve`,
    { code: host.sim.currentTotp('C00192') },
    checker,
  );
  if (ok.status !== 200) throw new Error(ok.raw);
  host.clock.advance(30_000);
  return ok.body.request as Record<string, unknown>;
}

/** Registers an email for a user through the maker/checker flow. */
export async function setEmail(host: TestHost, userId: string, email: string): Promise<void> {
  await makeAndApprove(host, { action: 'set_email', userId, email });
}
