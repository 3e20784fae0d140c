import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addUser,
  approve,
  OTHER_DA,
  refusal,
  reject,
  request,
  requestIds,
  signIn,
  tryRequest,
} from '../simulator/dms-helpers.js';
import { startHost, type TestHost } from '../simulator/harness.js';

describe('attack: getting round the DMS four-eyes rule', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  it('self-approval: the maker cannot approve or reject their own request (SAME_DA)', async () => {
    const maker = await signIn(host, 'C00191');
    const { id } = await request(host, maker, { action: 'unlock', userId: 'C00104' });
    expect(refusal(await approve(host, maker, id))).toEqual([409, 'SAME_DA']);
    expect(refusal(await reject(host, maker, id, 'x'))).toEqual([409, 'SAME_DA']);
  });

  it('self-decision: a DA can neither approve nor reject a request about their own account', async () => {
    const maker = await signIn(host, 'C00191');
    const { id } = await request(host, maker, { action: 'reset_2fa', userId: 'C00192' });
    const subject = await signIn(host, 'C00192');
    expect(refusal(await reject(host, subject, id, 'x'))).toEqual([403, 'FORBIDDEN']);
    expect(refusal(await approve(host, subject, id))).toEqual([403, 'FORBIDDEN']);
  });

  it('a user who is not a DA: every DMS call is FORBIDDEN', async () => {
    const da = await signIn(host, 'C00191');
    const { id } = await request(host, da, { action: 'unlock', userId: 'C00104' });
    const user = await signIn(host, 'C00101');
    const calls = [
      host.call('GET', '/dms/users', undefined, user.token),
      host.call('GET', '/dms/requests', undefined, user.token),
      tryRequest(host, user, { action: 'unlock', userId: 'C00104' }),
      reject(host, user, id, 'x'),
      approve(host, user, id),
    ];
    for (const r of await Promise.all(calls)) expect(refusal(r)).toEqual([403, 'FORBIDDEN']);
  });

  it("a DA of another participant: this participant's users and requests do not exist for them", async () => {
    await addUser(host, OTHER_DA);
    const own = await signIn(host, 'C00191');
    const { id } = await request(host, own, { action: 'suspend', userId: 'C00101' });
    const other = await signIn(host, OTHER_DA.userId, OTHER_DA.password);
    const replies = [
      await tryRequest(host, other, { action: 'unlock', userId: 'C00104' }),
      await reject(host, other, id, 'x'),
      await approve(host, other, id),
    ];
    for (const r of replies) expect(refusal(r)).toEqual([404, 'NOT_FOUND']);
    expect(await requestIds(host, other)).toEqual([]);
  });
});
