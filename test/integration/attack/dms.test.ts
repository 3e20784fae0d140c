import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser } from '../simulator/dms-helpers.js';
import { startHost, signInTotp, type TestHost } from '../simulator/harness.js';

describe('attack: getting round the DMS four-eyes rule', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());
  const request = (token: string, body: object) => host.call('POST', '/dms/requests', body, token);

  it('self-approval: the maker cannot approve or reject their own request (SAME_DA)', async () => {
    const maker = await signInTotp(host, 'C00191');
    const id = (await request(maker, { action: 'unlock', userId: 'C00104' })).body.request.id;
    const approve = await host.call(
      'POST',
      `/dms/requests/${id}/approve`,
      { code: host.sim.currentTotp('C00191') },
      maker,
    );
    expect([approve.status, approve.body.error.code]).toEqual([409, 'SAME_DA']);
    const reject = await host.call('POST', `/dms/requests/${id}/reject`, { reason: 'x' }, maker);
    expect([reject.status, reject.body.error.code]).toEqual([409, 'SAME_DA']);
  });

  it('self-decision: a DA can neither approve nor reject a request about their own account', async () => {
    const maker = await signInTotp(host, 'C00191');
    const id = (await request(maker, { action: 'reset_2fa', userId: 'C00192' })).body.request.id;
    const subject = await signInTotp(host, 'C00192');
    const reject = await host.call('POST', `/dms/requests/${id}/reject`, { reason: 'x' }, subject);
    expect([reject.status, reject.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const approve = await host.call(
      'POST',
      `/dms/requests/${id}/approve`,
      { code: host.sim.currentTotp('C00192') },
      subject,
    );
    expect([approve.status, approve.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('a user who is not a DA: every DMS call is FORBIDDEN', async () => {
    const da = await signInTotp(host, 'C00191');
    const id = (await request(da, { action: 'unlock', userId: 'C00104' })).body.request.id;
    const user = await signInTotp(host, 'C00101');
    const calls = [
      host.call('GET', '/dms/users', undefined, user),
      host.call('GET', '/dms/requests', undefined, user),
      request(user, { action: 'unlock', userId: 'C00104' }),
      host.call('POST', `/dms/requests/${id}/reject`, { reason: 'x' }, user),
      host.call(
        'POST',
        `/dms/requests/${id}/approve`,
        { code: host.sim.currentTotp('C00101') },
        user,
      ),
    ];
    for (const r of await Promise.all(calls))
      expect([r.status, r.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it("a DA of another participant: this participant's users and requests do not exist for them", async () => {
    await addUser(host, {
      userId: 'C00291',
      participantId: 'CP002',
      name: 'Other DA',
      roles: ['user', 'da'],
      password: 'Other-Admin-Pass-291!',
      channel: 'totp',
    });
    const own = await signInTotp(host, 'C00191');
    const id = (await request(own, { action: 'suspend', userId: 'C00101' })).body.request.id;
    const other = await signInTotp(host, 'C00291', 'Other-Admin-Pass-291!');
    const replies = [
      await request(other, { action: 'unlock', userId: 'C00104' }),
      await host.call('POST', `/dms/requests/${id}/reject`, { reason: 'x' }, other),
      await host.call(
        'POST',
        `/dms/requests/${id}/approve`,
        { code: host.sim.currentTotp('C00291') },
        other,
      ),
    ];
    for (const r of replies) expect([r.status, r.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await host.call('GET', '/dms/requests', undefined, other)).body.requests).toEqual([]);
  });
});
