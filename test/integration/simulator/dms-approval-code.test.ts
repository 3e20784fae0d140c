// A DA whose OTP channel is email (C00194) approves with a code the host emails for that one
// request: bound to the request and the checker, single use, the sign-in email code's expiry and
// resend rules, and wrong codes counted toward the checker's lockout like any OTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DmsApprovalCodeReply, DmsAuditReply } from '../../../shared/protocol.js';
import { latestCode, SEED_PASSWORDS, startHost, type Reply, type TestHost } from './harness.js';
import { approve, refusal, request, signIn, type Signed } from './dms-helpers.js';

const SEC = 1000;

describe('DMS approval by an email-channel checker', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  /** Password + the emailed sign-in code. */
  async function signInByEmail(userId: string): Promise<Signed> {
    const login = await host.call('POST', '/auth/login', {
      userId,
      password: SEED_PASSWORDS[userId],
    });
    expect(login.body).toMatchObject({ next: 'otp', channel: 'email' });
    const otp = await host.call('POST', '/auth/otp', {
      challengeId: login.body.challengeId,
      code: await latestCode(host, userId),
    });
    expect(otp.status).toBe(200);
    return { userId, token: otp.body.session.token as string };
  }
  const askCode = (checker: Signed, id: string): Promise<Reply> =>
    host.call('POST', `/dms/requests/${id}/approval-code`, undefined, checker.token);
  /** Two pending requests by C00191 and the signed-in email checker. */
  async function setUp() {
    const maker = await signIn(host, 'C00191');
    const a = (await request(host, maker, { action: 'unlock', userId: 'C00104' })).id;
    const b = (await request(host, maker, { action: 'suspend', userId: 'C00101' })).id;
    return { maker, a, b, checker: await signInByEmail('C00194') };
  }

  it('emails a code naming the request, valid 5 minutes, resendable after 30 s; it approves', async () => {
    const { a, checker } = await setUp();
    const sent = await askCode(checker, a);
    expect(sent.status).toBe(200);
    const reply = DmsApprovalCodeReply.parse(sent.body);
    expect(reply.maskedEmail).toBe('c***4@cp001.example');
    expect(Date.parse(reply.expiresAt)).toBe(host.clock.now() + 300 * SEC);
    expect(Date.parse(reply.resendAvailableAt)).toBe(host.clock.now() + 30 * SEC);
    const [mail] = await host.sim.outbox('C00194');
    expect(mail?.to).toBe('c00194@cp001.example');
    expect(mail?.subject).toContain('approval code');
    expect(mail?.text).toContain(`unlock for C00104 (request ${a})`);

    const ok = await approve(host, checker, a, mail!.code);
    expect(ok.status).toBe(200);
    expect(ok.body.request).toMatchObject({ status: 'approved', checkerId: 'C00194' });
    expect((await signIn(host, 'C00104')).token).toBeTruthy();
  });

  it("refuses a code for request A on request B, and leaves A's code working", async () => {
    const { a, b, checker } = await setUp();
    await askCode(checker, a);
    const codeA = await latestCode(host, 'C00194');
    const wrong = await approve(host, checker, b, codeA);
    expect(refusal(wrong)).toEqual([401, 'OTP_INVALID']);
    expect(wrong.body.error.attemptsLeft).toBe(4);
    expect((await approve(host, checker, a, codeA)).status).toBe(200);
  });

  it('refuses a sign-in code: only an approval code approves', async () => {
    const { a, checker } = await setUp();
    // A fresh, unspent sign-in code of the same checker.
    const login = await host.call('POST', '/auth/login', {
      userId: 'C00194',
      password: SEED_PASSWORDS.C00194,
    });
    expect(login.body.channel).toBe('email');
    const signInCode = await latestCode(host, 'C00194');
    expect(refusal(await approve(host, checker, a, signInCode))).toEqual([401, 'OTP_INVALID']);
    await askCode(checker, a);
    expect(refusal(await approve(host, checker, a, signInCode))).toEqual([401, 'OTP_INVALID']);
  });

  it('binds the code to the checker: another DA cannot use it', async () => {
    const { a, checker } = await setUp();
    await askCode(checker, a);
    const code = await latestCode(host, 'C00194');
    const other = await signIn(host, 'C00192');
    // C00192's channel is TOTP: the emailed code is no TOTP of theirs.
    expect(refusal(await approve(host, other, a, code))).toEqual([401, 'OTP_INVALID']);
    expect((await approve(host, checker, a, code)).status).toBe(200);
  });

  it('accepts a code once: spent even when the approval then fails, so a retry needs a new one', async () => {
    const { maker, checker } = await setUp();
    const temp = (
      await request(host, maker, { action: 'temp_email_otp', userId: 'C00110', durationSec: 3600 })
    ).id;
    // Meanwhile C00110's 2FA is reset: the exception no longer fits and its approval fails.
    const reset = (await request(host, maker, { action: 'reset_2fa', userId: 'C00110' })).id;
    expect((await approve(host, await signIn(host, 'C00192'), reset)).status).toBe(200);
    await askCode(checker, temp);
    const code = await latestCode(host, 'C00194');
    expect(refusal(await approve(host, checker, temp, code))).toEqual([409, 'CHANNEL_NOT_TOTP']);
    expect(refusal(await approve(host, checker, temp, code))).toEqual([401, 'OTP_INVALID']);
  });

  it('follows the resend rule: too soon, then a new code that replaces the old, at most 5 sends', async () => {
    const { a, checker } = await setUp();
    await askCode(checker, a);
    const first = await latestCode(host, 'C00194');
    const soon = await askCode(checker, a);
    expect(refusal(soon)).toEqual([429, 'RESEND_TOO_SOON']);
    expect(soon.body.error.retryAfterSec).toBe(30);
    host.clock.advance(30 * SEC);
    expect((await askCode(checker, a)).status).toBe(200);
    const second = await latestCode(host, 'C00194');
    expect(second).not.toBe(first);
    expect(refusal(await approve(host, checker, a, first))).toEqual([401, 'OTP_INVALID']);
    for (let i = 0; i < 3; i++) {
      host.clock.advance(30 * SEC);
      expect((await askCode(checker, a)).status).toBe(200);
    }
    host.clock.advance(30 * SEC);
    expect(refusal(await askCode(checker, a))).toEqual([429, 'RESEND_LIMIT']);
    expect((await approve(host, checker, a, await latestCode(host, 'C00194'))).status).toBe(200);
  });

  it('lets a code expire after 5 minutes (OTP_EXPIRED)', async () => {
    const { a, checker } = await setUp();
    await askCode(checker, a);
    const code = await latestCode(host, 'C00194');
    host.clock.advance(300 * SEC);
    expect(refusal(await approve(host, checker, a, code))).toEqual([401, 'OTP_EXPIRED']);
  });

  it('counts wrong codes toward the checker lockout: the fifth locks', async () => {
    const { a, checker } = await setUp();
    await askCode(checker, a);
    const code = await latestCode(host, 'C00194');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const r = await approve(host, checker, a, wrong);
      expect([r.body.error.code, r.body.error.attemptsLeft]).toEqual(['OTP_INVALID', left]);
    }
    const locked = await approve(host, checker, a, wrong);
    expect(refusal(locked)).toEqual([423, 'ACCOUNT_LOCKED']);
    const login = await host.call('POST', '/auth/login', {
      userId: 'C00194',
      password: SEED_PASSWORDS.C00194,
    });
    expect(login.body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('sends nothing to a TOTP checker, nor for a request the DA may not decide', async () => {
    const { maker, a, checker } = await setUp();
    expect(refusal(await askCode(await signIn(host, 'C00192'), a))).toEqual([
      400,
      'INVALID_REQUEST',
    ]);
    // C00194 as maker: their own request is not theirs to approve (C00105 is the seed's suspended user).
    const own = (await request(host, checker, { action: 'reactivate', userId: 'C00105' })).id;
    expect(refusal(await askCode(checker, own))).toEqual([409, 'SAME_DA']);
    expect(refusal(await askCode(checker, 'R-nosuch'))).toEqual([404, 'NOT_FOUND']);
    expect(maker.userId).toBe('C00191');
    // Only the sign-in code went out to C00194: no approval mail for a refused ask.
    expect((await host.sim.outbox('C00194')).length).toBe(1);
  });
  it('is audited like any decision: a temp_email_otp request approved with the emailed code', async () => {
    const maker = await signIn(host, 'C00191');
    const temp = await request(host, maker, {
      action: 'temp_email_otp',
      userId: 'C00110',
      durationSec: 3600,
    });
    const checker = await signInByEmail('C00194');
    expect((await askCode(checker, temp.id)).status).toBe(200);
    const ok = await approve(host, checker, temp.id, await latestCode(host, 'C00194'));
    expect(ok.status).toBe(200);
    // A refused ask for a code (the maker's own request) is a refused decision in the audit.
    expect(refusal(await askCode(maker, temp.id))).toEqual([409, 'SAME_DA']);
    const r = await host.call('GET', '/dms/audit?userId=C00110', undefined, maker.token);
    expect(r.status, r.raw).toBe(200);
    const { entries } = DmsAuditReply.parse(r.body);
    expect(entries.map((e) => [e.event, e.actorId, e.action, e.requestId, e.detail])).toEqual([
      ['refused', 'C00191', 'temp_email_otp', temp.id, 'approve: SAME_DA'],
      ['approved', 'C00194', 'temp_email_otp', temp.id, undefined],
      ['created', 'C00191', 'temp_email_otp', temp.id, undefined],
    ]);
  });
});
