import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DmsRequestsReply, DmsUsersReply } from '../../../shared/protocol.js';
import { openOffline } from '../../../simulator/offline.js';
import { startHost, SEED_PASSWORDS, latestCode, type TestHost } from './harness.js';
import {
  addUser,
  approve,
  makeAndApprove,
  OTHER_DA,
  refusal,
  reject,
  request,
  requestIds,
  signIn,
  tryRequest,
} from './dms-helpers.js';

const HOUR = 60 * 60 * 1000;

describe('DMS: maker and checker are different DAs of the same participant; everything audited', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  const login = (userId: string, password = SEED_PASSWORDS[userId]) =>
    host.call('POST', '/auth/login', { userId, password });

  it('lists the participant users with their state; a non-DA is FORBIDDEN', async () => {
    const da = await signIn(host, 'C00191');
    const r = await host.call('GET', '/dms/users', undefined, da.token);
    const users = DmsUsersReply.parse(r.body).users;
    const state = Object.fromEntries(users.map((u) => [u.userId, u.state]));
    expect(state).toEqual({
      C00101: 'active',
      C00102: 'active',
      C00103: 'needs_init',
      C00104: 'locked',
      C00105: 'suspended',
      C00110: 'active',
      C00115: 'active',
      C00191: 'active',
      C00192: 'active',
      C00194: 'active',
    });
    expect(users.find((u) => u.userId === 'C00102')).toMatchObject({
      channel: 'email',
      maskedEmail: 'c***2@cp001.example',
    });
    const user = await signIn(host, 'C00101');
    const f = await host.call('GET', '/dms/users', undefined, user.token);
    expect(refusal(f)).toEqual([403, 'FORBIDDEN']);
    expect((await tryRequest(host, user, { action: 'unlock', userId: 'C00104' })).status).toBe(403);
  });

  it('refuses the maker deciding their own request (SAME_DA), and a decided request (REQUEST_NOT_PENDING)', async () => {
    const maker = await signIn(host, 'C00191');
    const { id, reply } = await request(host, maker, { action: 'suspend', userId: 'C00101' });
    expect(reply.body.request).toMatchObject({
      status: 'pending',
      makerId: 'C00191',
      action: 'suspend',
      userId: 'C00101',
    });
    expect(refusal(await approve(host, maker, id))).toEqual([409, 'SAME_DA']);
    expect((await reject(host, maker, id, 'mine')).body.error.code).toBe('SAME_DA');
    const checker = await signIn(host, 'C00192');
    const rejected = await reject(host, checker, id, 'Not requested by the desk head');
    expect(rejected.body.request).toMatchObject({
      status: 'rejected',
      checkerId: 'C00192',
      reason: 'Not requested by the desk head',
    });
    expect(refusal(await approve(host, checker, id))).toEqual([409, 'REQUEST_NOT_PENDING']);
    // A rejected suspension changed nothing.
    expect((await login('C00101')).body.next).toBe('otp');
  });

  it('refuses a DA deciding a request about their own account, approval and rejection alike', async () => {
    const maker = await signIn(host, 'C00191');
    const { id } = await request(host, maker, { action: 'suspend', userId: 'C00192' });
    const subject = await signIn(host, 'C00192');
    expect(refusal(await reject(host, subject, id, 'not me'))).toEqual([403, 'FORBIDDEN']);
    expect(refusal(await approve(host, subject, id))).toEqual([403, 'FORBIDDEN']);
    expect(await requestIds(host, subject, 'pending')).toEqual([id]);
  });

  describe('concurrent decisions of one reset_password (a third DA, C00193, checks too)', () => {
    const temporaryMails = async () =>
      (await host.sim.outbox('C00102')).filter((m) => m.subject.includes('temporary password'));
    const auditOf = (id: string) => {
      const off = openOffline(host.dataDir);
      try {
        return off.db
          .prepare('SELECT actor_id, event, detail FROM audit WHERE request_id = ? ORDER BY id')
          .all(id) as Array<{ actor_id: string; event: string; detail: string }>;
      } finally {
        off.close();
      }
    };
    async function pendingReset() {
      await addUser(
        host,
        {
          userId: 'C00193',
          participantId: 'CP001',
          name: 'Third DA',
          roles: ['user', 'da'],
          password: 'Third-Admin-Pass-193!',
          channel: 'totp',
        },
        'Demo Clearing Participant Ltd',
      );
      const maker = await signIn(host, 'C00191');
      const { id } = await request(host, maker, { action: 'reset_password', userId: 'C00102' });
      const c2 = await signIn(host, 'C00192');
      const c3 = await signIn(host, 'C00193', 'Third-Admin-Pass-193!');
      return { id, c2, c3 };
    }

    it('two approvals at once: one wins, one temporary password is mailed, the loser is refused and audited', async () => {
      const { id, c2, c3 } = await pendingReset();
      const replies = await Promise.all([approve(host, c2, id), approve(host, c3, id)]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = replies.findIndex((r) => r.status === 409);
      expect(replies[loser]?.body.error.code).toBe('REQUEST_NOT_PENDING');
      const mails = await temporaryMails();
      expect(mails.length).toBe(1);
      expect((await login('C00102', mails[0]?.code)).body).toMatchObject({ next: 'init' });
      const loserId = loser === 0 ? 'C00192' : 'C00193';
      expect(auditOf(id).map((a) => [a.actor_id, a.event])).toEqual(
        expect.arrayContaining([
          ['C00191', 'request_created'],
          [loserId === 'C00192' ? 'C00193' : 'C00192', 'request_approved'],
          [loserId, 'decision_refused'],
        ]),
      );
    });

    it('an approval and a rejection at once: one decision holds, and a password is mailed only if approved', async () => {
      const { id, c2, c3 } = await pendingReset();
      const [approved, rejected] = await Promise.all([
        approve(host, c2, id),
        reject(host, c3, id, 'not asked for'),
      ]);
      expect([approved.status, rejected.status].sort()).toEqual([200, 409]);
      const status = approved.status === 200 ? 'approved' : 'rejected';
      expect(await requestIds(host, c2, status)).toEqual([id]);
      expect((await temporaryMails()).length).toBe(status === 'approved' ? 1 : 0);
      expect(auditOf(id).filter((a) => a.event === 'decision_refused').length).toBe(1);
    });
  });

  it("needs the checker's own fresh OTP to approve", async () => {
    const maker = await signIn(host, 'C00191');
    const { id } = await request(host, maker, { action: 'unlock', userId: 'C00104' });
    const checker = await signIn(host, 'C00192');
    const wrong = await approve(host, checker, id, host.sim.currentTotp('C00191'));
    expect(refusal(wrong)).toEqual([401, 'OTP_INVALID']);
    expect((await requestIds(host, checker, 'pending')).length).toBe(1);
  });

  it('expires a request after 24 hours', async () => {
    const maker = await signIn(host, 'C00191');
    const { id, reply } = await request(host, maker, { action: 'unlock', userId: 'C00104' });
    expect(Date.parse(reply.body.request.expiresAt)).toBe(
      Date.parse(reply.body.request.createdAt) + 24 * HOUR,
    );
    host.clock.advance(24 * HOUR);
    const checker = await signIn(host, 'C00192');
    expect(refusal(await approve(host, checker, id))).toEqual([409, 'REQUEST_NOT_PENDING']);
    const list = DmsRequestsReply.parse(
      (await host.call('GET', '/dms/requests?status=expired', undefined, checker.token)).body,
    );
    expect(list.requests.map((r) => r.id)).toEqual([id]);
    expect((await login('C00104')).body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it("keeps another participant's DA out: its users and requests do not exist for them", async () => {
    await addUser(host, OTHER_DA);
    const other = await signIn(host, OTHER_DA.userId, OTHER_DA.password);
    const users = await host.call('GET', '/dms/users', undefined, other.token);
    expect(users.body.users.map((u: { userId: string }) => u.userId)).toEqual(['C00291']);
    const create = await tryRequest(host, other, { action: 'suspend', userId: 'C00101' });
    expect(refusal(create)).toEqual([404, 'NOT_FOUND']);
    const maker = await signIn(host, 'C00191');
    const { id } = await request(host, maker, { action: 'suspend', userId: 'C00101' });
    expect(refusal(await approve(host, other, id))).toEqual([404, 'NOT_FOUND']);
    expect(await requestIds(host, other)).toEqual([]);
  });

  it('validates requests: set_email needs an email, others take none, unknown users are NOT_FOUND', async () => {
    const maker = await signIn(host, 'C00191');
    const a = await tryRequest(host, maker, { action: 'set_email', userId: 'C00101' });
    expect([a.status, a.body.error.code, a.body.error.field]).toEqual([
      400,
      'INVALID_REQUEST',
      'email',
    ]);
    const b = await tryRequest(host, maker, {
      action: 'unlock',
      userId: 'C00104',
      email: 'x@y.example',
    });
    expect(b.body.error.field).toBe('email');
    const c = await tryRequest(host, maker, { action: 'shred', userId: 'C00104' });
    expect([c.status, c.body.error.field]).toEqual([400, 'action']);
    expect((await tryRequest(host, maker, { action: 'unlock', userId: 'C09999' })).status).toBe(
      404,
    );
  });

  it('applies each action to the user’s next login', async () => {
    await makeAndApprove(host, {
      action: 'set_email',
      userId: 'C00102',
      email: 'new.desk@cp001.example',
    });
    await login('C00102');
    expect((await host.sim.outbox('C00102'))[0]?.to).toBe('new.desk@cp001.example');

    await makeAndApprove(host, { action: 'reset_password', userId: 'C00102' });
    const temp = await latestCode(host, 'C00102');
    expect((await host.sim.outbox('C00102'))[0]?.text).toContain('臨時密碼');
    expect((await login('C00102')).status).toBe(401);
    expect((await login('C00102', temp)).body).toMatchObject({ next: 'init', steps: ['password'] });

    await makeAndApprove(host, { action: 'reset_2fa', userId: 'C00101' });
    expect((await login('C00101')).body).toMatchObject({ next: 'init', steps: ['channel'] });

    await makeAndApprove(host, { action: 'unlock', userId: 'C00104' });
    expect((await login('C00104')).body.next).toBe('otp');

    const session = await signIn(host, 'C00104');
    await makeAndApprove(host, { action: 'suspend', userId: 'C00104' });
    expect((await login('C00104')).body.error.code).toBe('ACCOUNT_SUSPENDED');
    expect((await host.call('GET', '/session', undefined, session.token)).body.error.code).toBe(
      'SESSION_EXPIRED',
    );

    await makeAndApprove(host, { action: 'reactivate', userId: 'C00105' });
    expect((await login('C00105')).body.next).toBe('otp');
  });

  it('audits every request and decision', async () => {
    await makeAndApprove(host, { action: 'unlock', userId: 'C00104' });
    const off = openOffline(host.dataDir);
    try {
      const rows = off.db
        .prepare('SELECT actor_id, event, target_user_id, detail FROM audit ORDER BY id')
        .all();
      expect(rows).toEqual([
        {
          actor_id: 'C00191',
          event: 'request_created',
          target_user_id: 'C00104',
          detail: 'unlock',
        },
        {
          actor_id: 'C00192',
          event: 'request_approved',
          target_user_id: 'C00104',
          detail: 'unlock',
        },
      ]);
    } finally {
      off.close();
    }
  });

  it('lets a temporary password work for 24 hours, then answers PASSWORD_EXPIRED', async () => {
    await makeAndApprove(host, { action: 'reset_password', userId: 'C00102' });
    const [mail] = await host.sim.outbox('C00102');
    const expires = new Date(host.clock.now() - 30_000 + 24 * HOUR)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    expect(mail?.text).toContain(`Expires: ${expires} UTC`);
    expect(mail?.text).toContain('有效期至：香港時間');
    const temp = mail?.code as string;
    host.clock.advance(24 * HOUR - 31_000);
    expect((await login('C00102', temp)).body.next).toBe('init');
    host.clock.advance(1000);
    const late = await login('C00102', temp);
    expect(refusal(late)).toEqual([403, 'PASSWORD_EXPIRED']);
    // A wrong password still reveals nothing about the account.
    expect((await login('C00102', 'Wrong-Pass-000!')).body.error.code).toBe('INVALID_CREDENTIALS');
  });
});
