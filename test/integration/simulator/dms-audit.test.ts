// GET /dms/audit: every step of a request with actor and time, for the DA's own participant only,
// by user and by DA, newest first, bounded (docs/protocol.md, "DMS audit").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DmsAuditReply } from '../../../shared/protocol.js';
import { startHost, type TestHost } from './harness.js';
import {
  addUser,
  approve,
  OTHER_DA,
  refusal,
  reject,
  request,
  signIn,
  type Signed,
} from './dms-helpers.js';

const HOUR = 60 * 60 * 1000;

describe('DMS audit', () => {
  let host: TestHost;
  let maker: Signed;
  let checker: Signed;
  beforeEach(async () => {
    host = await startHost();
    maker = await signIn(host, 'C00191');
    checker = await signIn(host, 'C00192');
  });
  afterEach(async () => host.close());

  const audit = async (da: Signed, query = '') => {
    const r = await host.call('GET', `/dms/audit${query}`, undefined, da.token);
    expect(r.status, r.raw).toBe(200);
    return DmsAuditReply.parse(r.body);
  };

  it('records each step with actor, user, action, time and outcome, newest first', async () => {
    const t0 = host.clock.now();
    const unlock = await request(host, maker, { action: 'unlock', userId: 'C00104' });
    host.clock.advance(60_000);
    // A refused decision is a step too: the maker cannot decide their own request.
    expect(refusal(await approve(host, maker, unlock.id))).toEqual([409, 'SAME_DA']);
    host.clock.advance(60_000);
    expect((await approve(host, checker, unlock.id)).status).toBe(200);
    const suspend = await request(host, checker, { action: 'suspend', userId: 'C00101' });
    expect((await reject(host, maker, suspend.id, 'Not asked for by the user')).status).toBe(200);
    const reset = await request(host, maker, { action: 'reset_2fa', userId: 'C00102' });

    const { entries, truncated } = await audit(checker);
    expect(truncated).toBe(false);
    expect(entries.map((e) => [e.event, e.actorId, e.userId, e.action, e.requestId])).toEqual([
      ['created', 'C00191', 'C00102', 'reset_2fa', reset.id],
      ['rejected', 'C00191', 'C00101', 'suspend', suspend.id],
      ['created', 'C00192', 'C00101', 'suspend', suspend.id],
      ['approved', 'C00192', 'C00104', 'unlock', unlock.id],
      ['refused', 'C00191', 'C00104', 'unlock', unlock.id],
      ['created', 'C00191', 'C00104', 'unlock', unlock.id],
    ]);
    expect(entries[1]?.detail).toBe('Not asked for by the user');
    expect(entries[4]?.detail).toBe('approve: SAME_DA');
    expect(entries[5]?.detail).toBeUndefined();
    expect(entries[5]?.at).toBe(new Date(t0).toISOString());
    expect(Date.parse(entries[3]?.at ?? '')).toBe(t0 + 120_000);
    const ids = entries.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it('records an expiry, with the actor system', async () => {
    const { id } = await request(host, maker, { action: 'unlock', userId: 'C00104' });
    host.clock.advance(24 * HOUR);
    const { entries } = await audit(await signIn(host, 'C00192'));
    expect(entries[0]).toMatchObject({ event: 'expired', actorId: 'system', requestId: id });
  });

  it('filters by the user a request is about and by the DA who acted; both together', async () => {
    const unlock = await request(host, maker, { action: 'unlock', userId: 'C00104' });
    await approve(host, checker, unlock.id);
    await request(host, checker, { action: 'suspend', userId: 'C00101' });
    await request(host, maker, { action: 'suspend', userId: 'C00104' });

    const byUser = await audit(maker, '?userId=c00104');
    expect(byUser.entries.map((e) => [e.event, e.userId])).toEqual([
      ['created', 'C00104'],
      ['approved', 'C00104'],
      ['created', 'C00104'],
    ]);
    const byDa = await audit(maker, '?daId=C00192');
    expect(byDa.entries.map((e) => [e.event, e.actorId, e.userId])).toEqual([
      ['created', 'C00192', 'C00101'],
      ['approved', 'C00192', 'C00104'],
    ]);
    const both = await audit(maker, '?userId=C00104&daId=C00191');
    expect(both.entries.map((e) => e.event)).toEqual(['created', 'created']);
  });

  it('sends at most limit entries (default 200, maximum 500) and says more match', async () => {
    for (const userId of ['C00101', 'C00102', 'C00104']) {
      await request(host, maker, { action: 'suspend', userId });
    }
    const two = await audit(maker, '?limit=2');
    expect([two.entries.length, two.truncated]).toEqual([2, true]);
    expect(two.entries.map((e) => e.userId)).toEqual(['C00104', 'C00102']);
    const all = await audit(maker, '?limit=3');
    expect([all.entries.length, all.truncated]).toEqual([3, false]);
    for (const bad of ['0', '501', 'ten', '-1']) {
      const r = await host.call('GET', `/dms/audit?limit=${bad}`, undefined, maker.token);
      expect([...refusal(r), r.body.error.field], bad).toEqual([400, 'INVALID_REQUEST', 'limit']);
    }
    expect((await host.call('GET', '/dms/audit?limit=500', undefined, maker.token)).status).toBe(
      200,
    );
  });

  it("is FORBIDDEN to a user who is not a DA, and never shows another participant's entries", async () => {
    await request(host, maker, { action: 'unlock', userId: 'C00104' });
    const user = await signIn(host, 'C00101');
    const r = await host.call('GET', '/dms/audit', undefined, user.token);
    expect(refusal(r)).toEqual([403, 'FORBIDDEN']);

    await addUser(host, OTHER_DA);
    const other = await signIn(host, OTHER_DA.userId, OTHER_DA.password);
    expect((await audit(other)).entries).toEqual([]);
    expect((await audit(other, '?userId=C00104')).entries).toEqual([]);
    // And their own participant's steps are theirs alone.
    await addUser(host, { ...OTHER_DA, userId: 'C00292', password: 'Other-Admin-Pass-292!' });
    const { id } = await request(host, other, { action: 'suspend', userId: 'C00292' });
    expect((await audit(other)).entries.map((e) => e.requestId)).toEqual([id]);
    expect((await audit(maker)).entries.map((e) => e.userId)).toEqual(['C00104']);
  });
});
