import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  advance,
  SEED_PASSWORDS,
  signInTotp,
  simulatorForFile,
  reseedEachTest,
  coreForEachTest,
  dmsCallsSeen,
} from './harness.js';

const sim = simulatorForFile();
reseedEachTest(sim);
const maker = coreForEachTest(sim);
const checker = coreForEachTest(sim);

describe('core ↔ simulator: terminal summary and DMS through the bridge', () => {
  it('the terminal summary of a signed-in user', async () => {
    await signInTotp(sim, maker, 'C00101', SEED_PASSWORDS.C00101);
    const summary = await maker.ok('getTerminalSummary', {});
    expect(summary.participant).toMatchObject({ participantId: 'CP001' });
    expect(Array.isArray(summary.accounts)).toBe(true);
  });

  it('a user who is not a DA gets FORBIDDEN from DMS', async () => {
    await signInTotp(sim, maker, 'C00101', SEED_PASSWORDS.C00101);
    expect((await maker.fail('dmsListUsers', {})).code).toBe('FORBIDDEN');
  });

  it('signed out, DMS calls are NOT_SIGNED_IN', async () => {
    expect((await maker.fail('dmsListUsers', {})).code).toBe('NOT_SIGNED_IN');
  });

  it('maker/checker: C00191 requests an unlock of C00104, C00192 approves with a fresh code', async () => {
    await signInTotp(sim, maker, 'C00191', SEED_PASSWORDS.C00191);
    await signInTotp(sim, checker, 'C00192', SEED_PASSWORDS.C00192);
    const { users } = await maker.ok('dmsListUsers', {});
    expect(users.find((u) => u.userId === 'C00104')).toMatchObject({ state: 'locked' });

    const { request } = await maker.ok('dmsCreateRequest', { action: 'unlock', userId: 'C00104' });
    expect(request).toMatchObject({ status: 'pending', makerId: 'C00191', action: 'unlock' });
    const pending = await checker.ok('dmsListRequests', { status: 'pending' });
    expect(pending.requests.map((r) => r.id)).toContain(request.id);

    // The maker cannot decide its own request.
    advance(sim, maker, 30_000);
    expect(
      (await maker.fail('dmsApprove', { id: request.id, code: sim.sim.currentTotp('C00191') }))
        .code,
    ).toBe('SAME_DA');

    advance(sim, checker, 30_000);
    const approved = await checker.ok('dmsApprove', {
      id: request.id,
      code: sim.sim.currentTotp('C00192'),
    });
    expect(approved.request).toMatchObject({ status: 'approved', checkerId: 'C00192' });
    expect((await checker.fail('dmsReject', { id: request.id, reason: 'too late' })).code).toBe(
      'REQUEST_NOT_PENDING',
    );
  });

  it('maker/checker: a request can be rejected with a reason', async () => {
    await signInTotp(sim, maker, 'C00191', SEED_PASSWORDS.C00191);
    await signInTotp(sim, checker, 'C00192', SEED_PASSWORDS.C00192);
    const { request } = await maker.ok('dmsCreateRequest', { action: 'suspend', userId: 'C00101' });
    const rejected = await checker.ok('dmsReject', {
      id: request.id,
      reason: 'Not requested by the participant',
    });
    expect(rejected.request).toMatchObject({
      status: 'rejected',
      reason: 'Not requested by the participant',
    });
  });

  it('a DMS call with a bad shape is refused before the host sees it', async () => {
    await signInTotp(sim, maker, 'C00191', SEED_PASSWORDS.C00191);
    sim.requests.length = 0;
    expect(
      await maker.fail('dmsCreateRequest', { action: 'delete_user', userId: 'C00101' }),
    ).toMatchObject({ code: 'BRIDGE_INVALID', field: 'action' });
    expect(dmsCallsSeen(sim)).toEqual([]);
  });

  it('the audit through the bridge, and Export CSV writes it under the user data folder', async () => {
    await signInTotp(sim, maker, 'C00191', SEED_PASSWORDS.C00191);
    const { request } = await maker.ok('dmsCreateRequest', { action: 'unlock', userId: 'C00104' });
    const { entries, truncated } = await maker.ok('dmsAudit', { userId: 'C00104', limit: 10 });
    expect(truncated).toBe(false);
    expect(entries.map((e) => [e.event, e.actorId, e.requestId])).toEqual([
      ['created', 'C00191', request.id],
    ]);

    const saved = await maker.ok('dmsExportAudit', { daId: 'C00191' });
    expect(saved).toMatchObject({ entries: 1, truncated: false });
    expect(saved.path.startsWith(join(maker.userDataDir, 'exports'))).toBe(true);
    const csv = await readFile(saved.path, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'time_utc,time_hong_kong,event,action,user_id,actor_id,request_id,detail',
      expect.stringMatching(new RegExp(`,created,unlock,C00104,C00191,${request.id},$`)),
      '',
    ]);
  });

  it('audit calls with a bad filter or limit are refused before the host sees them', async () => {
    await signInTotp(sim, maker, 'C00191', SEED_PASSWORDS.C00191);
    sim.requests.length = 0;
    expect(await maker.fail('dmsAudit', { limit: 501 })).toMatchObject({
      code: 'BRIDGE_INVALID',
      field: 'limit',
    });
    expect(await maker.fail('dmsAudit', { userId: 'C001 01' })).toMatchObject({
      code: 'BRIDGE_INVALID',
      field: 'userId',
    });
    expect(await maker.fail('dmsExportAudit', { daId: 'x', path: '/etc' })).toMatchObject({
      code: 'BRIDGE_INVALID',
    });
    expect(dmsCallsSeen(sim)).toEqual([]);
  });

  it('a non-DA gets FORBIDDEN from the audit, and no file is written', async () => {
    await signInTotp(sim, maker, 'C00101', SEED_PASSWORDS.C00101);
    expect((await maker.fail('dmsAudit', {})).code).toBe('FORBIDDEN');
    expect((await maker.fail('dmsExportAudit', {})).code).toBe('FORBIDDEN');
    await expect(readdir(join(maker.userDataDir, 'exports'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
