// What POST /dms/requests refuses because it could not succeed (shared/dms-rules.ts, the rule the
// console also uses), a duplicate of a pending request, and the readiness facts of GET /dms/users.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DmsUsersReply, type DmsUser } from '../../../shared/protocol.js';
import { actionBlock } from '../../../shared/dms-rules.js';
import { DmsAction } from '../../../shared/protocol.js';
import { startHost, type TestHost } from './harness.js';
import {
  approve,
  makeAndApprove,
  refusal,
  reject,
  request,
  requestIds,
  signIn,
  tryRequest,
  type Signed,
} from './dms-helpers.js';

const HOUR = 60 * 60 * 1000;

describe('DMS: a request that cannot succeed, or is already pending, is refused when made', () => {
  let host: TestHost;
  let maker: Signed;
  beforeEach(async () => {
    host = await startHost();
    maker = await signIn(host, 'C00191');
  });
  afterEach(async () => host.close());

  const users = async (da: Signed): Promise<DmsUser[]> =>
    DmsUsersReply.parse((await host.call('GET', '/dms/users', undefined, da.token)).body).users;

  it('refuses what the state of the user rules out, with the code the console words', async () => {
    const cases: Array<[string, string, [number, string]]> = [
      ['reset_password', 'C00101', [409, 'EMAIL_NOT_REGISTERED']],
      ['unlock', 'C00101', [409, 'ACTION_NOT_APPLICABLE']],
      ['reactivate', 'C00101', [409, 'ACTION_NOT_APPLICABLE']],
      ['suspend', 'C00105', [409, 'ACTION_NOT_APPLICABLE']],
      ['reset_2fa', 'C00103', [409, 'ACTION_NOT_APPLICABLE']],
    ];
    for (const [action, userId, expected] of cases) {
      const r = await tryRequest(host, maker, { action, userId });
      expect(refusal(r), `${action} ${userId}`).toEqual(expected);
      expect(r.body.error.message).toContain(userId);
    }
    expect(await requestIds(host, maker)).toEqual([]);
  });

  it('agrees with the console: the host refuses exactly what shared/dms-rules.ts rules out', async () => {
    for (const user of await users(maker)) {
      for (const action of DmsAction.options) {
        const body =
          action === 'set_email'
            ? { action, userId: user.userId, email: `${user.userId.toLowerCase()}@new.example` }
            : action === 'temp_email_otp'
              ? { action, userId: user.userId, durationSec: 3600 }
              : { action, userId: user.userId };
        const r = await tryRequest(host, maker, body);
        const blocked = actionBlock(user, action) !== null;
        expect(r.status === 200, `${action} ${user.userId}`).toBe(!blocked);
      }
    }
  });

  it('refuses a second pending request for the same change, naming the first; another change is fine', async () => {
    const { id } = await request(host, maker, { action: 'unlock', userId: 'C00104' });
    const again = await tryRequest(host, maker, { action: 'unlock', userId: 'c00104' });
    expect(refusal(again)).toEqual([409, 'REQUEST_ALREADY_PENDING']);
    expect(again.body.error.requestId).toBe(id);
    // Another DA asking for it is the same duplicate.
    const other = await signIn(host, 'C00192');
    const byOther = await tryRequest(host, other, { action: 'unlock', userId: 'C00104' });
    expect([...refusal(byOther), byOther.body.error.requestId]).toEqual([
      409,
      'REQUEST_ALREADY_PENDING',
      id,
    ]);
    // A different change of the same user, or the same change of another user, is a request.
    await request(host, maker, { action: 'suspend', userId: 'C00104' });
    await request(host, maker, { action: 'suspend', userId: 'C00101' });
    expect((await requestIds(host, maker, 'pending')).length).toBe(3);
  });

  it('set_email: the same address again is a duplicate, another address is a request of its own', async () => {
    const first = { action: 'set_email', userId: 'C00101', email: 'desk@cp001.example' };
    const { id } = await request(host, maker, first);
    const same = await tryRequest(host, maker, { ...first, email: 'DESK@cp001.example' });
    expect([...refusal(same), same.body.error.requestId]).toEqual([
      409,
      'REQUEST_ALREADY_PENDING',
      id,
    ]);
    await request(host, maker, { ...first, email: 'other@cp001.example' });
  });

  it('takes the same change again once the pending one is rejected, approved or expired', async () => {
    const checker = await signIn(host, 'C00192');
    const a = await request(host, maker, { action: 'suspend', userId: 'C00101' });
    expect((await reject(host, checker, a.id, 'not asked for')).status).toBe(200);
    const b = await request(host, maker, { action: 'suspend', userId: 'C00101' });
    host.clock.advance(24 * HOUR);
    // The sessions ended meanwhile (10 h at most): both DAs sign in again.
    const c = await request(host, await signIn(host, 'C00191'), {
      action: 'suspend',
      userId: 'C00101',
    });
    expect(b.id).not.toBe(c.id);
    expect((await approve(host, await signIn(host, 'C00192'), c.id)).status).toBe(200);
  });

  it('of many identical requests at once, exactly one is made', async () => {
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        tryRequest(host, maker, { action: 'unlock', userId: 'C00104' }),
      ),
    );
    expect(replies.filter((r) => r.status === 200).length).toBe(1);
    expect(replies.filter((r) => r.body?.error?.code === 'REQUEST_ALREADY_PENDING').length).toBe(7);
  });

  it('sends the readiness facts: lock end, temporary password and when it stops working', async () => {
    const before = Object.fromEntries((await users(maker)).map((u) => [u.userId, u]));
    expect(before.C00104?.lockedUntil).not.toBeNull();
    expect(before.C00101).toMatchObject({ temporaryPassword: false, passwordExpiresAt: null });
    // The seed's temporary password has no end; a DA's reset gives one 24 h after the approval.
    expect(before.C00103).toMatchObject({ temporaryPassword: true, passwordExpiresAt: null });
    await makeAndApprove(host, { action: 'reset_password', userId: 'C00102' });
    // makeAndApprove moves the clock on 30 s after the approval.
    const approvedAt = host.clock.now() - 30_000;
    const after = Object.fromEntries((await users(maker)).map((u) => [u.userId, u]));
    expect(after.C00102?.temporaryPassword).toBe(true);
    expect(Date.parse(after.C00102?.passwordExpiresAt ?? '')).toBe(approvedAt + 24 * HOUR);
    expect(after.C00102?.state).toBe('needs_init');
  });
});
