// Lost phone: a DA's `temp_email_otp` request, once another DA approves it, lets a TOTP user
// (C00110, email registered) sign in with emailed codes until the chosen time; then the
// authenticator app is asked again. Bounded to 24 h, for TOTP users with an email only, audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DmsUsersReply, SessionReply } from '../../../shared/protocol.js';
import { openOffline } from '../../../simulator/offline.js';
import { latestCode, SEED_PASSWORDS, startHost, type TestHost } from './harness.js';
import { approve, refusal, request, signIn, tryRequest } from './dms-helpers.js';

const HOUR = 60 * 60 * 1000;

describe('DMS temporary email one-time passwords', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  const login = (userId: string) =>
    host.call('POST', '/auth/login', { userId, password: SEED_PASSWORDS[userId] });
  /** What a DA's users table says of the user's exception (a fresh step: codes are single use). */
  const exceptionOf = async (userId: string): Promise<string | null | undefined> => {
    host.clock.advance(30_000);
    const da = await signIn(host, 'C00192');
    const users = DmsUsersReply.parse(
      (await host.call('GET', '/dms/users', undefined, da.token)).body,
    );
    return users.users.find((u) => u.userId === userId)?.tempEmailOtpUntil;
  };

  it('request, approval, sign-in by email code until the end, then the authenticator app again', async () => {
    const maker = await signIn(host, 'C00191');
    const { id, reply } = await request(host, maker, {
      action: 'temp_email_otp',
      userId: 'C00110',
      durationSec: 4 * 3600,
    });
    expect(reply.body.request).toMatchObject({ action: 'temp_email_otp', durationSec: 14_400 });
    // Pending: nothing changes yet.
    expect((await login('C00110')).body.channel).toBe('totp');
    expect(await exceptionOf('C00110')).toBeNull();

    const checker = await signIn(host, 'C00192');
    const approvedAt = host.clock.now();
    expect((await approve(host, checker, id)).status).toBe(200);
    const until = new Date(approvedAt + 4 * HOUR).toISOString();
    expect(await exceptionOf('C00110')).toBe(until);

    // Sign-in: an email code to the registered address instead of the TOTP.
    const challenge = await login('C00110');
    expect(challenge.body).toMatchObject({
      next: 'otp',
      channel: 'email',
      maskedEmail: 'c***0@cp001.example',
    });
    const [mail] = await host.sim.outbox('C00110');
    expect(mail?.to).toBe('c00110@cp001.example');
    const totpRefused = await host.call('POST', '/auth/otp', {
      challengeId: challenge.body.challengeId,
      code: host.sim.currentTotp('C00110'),
    });
    expect(refusal(totpRefused)).toEqual([401, 'OTP_INVALID']);
    const signedIn = await host.call('POST', '/auth/otp', {
      challengeId: challenge.body.challengeId,
      code: mail?.code,
    });
    expect(signedIn.status).toBe(200);
    expect(SessionReply.parse(signedIn.body).session.tempEmailOtpUntil).toBe(until);

    // Still email just before the end; the exception ends by itself at the chosen time.
    host.clock.set(Date.parse(until) - 60_000);
    expect((await login('C00110')).body.channel).toBe('email');
    host.clock.set(Date.parse(until));
    const after = await login('C00110');
    expect(after.body.channel).toBe('totp');
    const totp = await host.call('POST', '/auth/otp', {
      challengeId: after.body.challengeId,
      code: host.sim.currentTotp('C00110'),
    });
    expect(totp.status).toBe(200);
    expect(SessionReply.parse(totp.body).session.tempEmailOtpUntil).toBeUndefined();
    host.clock.advance(30_000);
    expect(await exceptionOf('C00110')).toBeNull();
  });

  it('an idle-locked session unlocks with an emailed code while the exception holds', async () => {
    const maker = await signIn(host, 'C00191');
    const { id } = await request(host, maker, {
      action: 'temp_email_otp',
      userId: 'C00110',
      durationSec: 3600,
    });
    expect((await approve(host, await signIn(host, 'C00192'), id)).status).toBe(200);
    const challenge = await login('C00110');
    const otp = await host.call('POST', '/auth/otp', {
      challengeId: challenge.body.challengeId,
      code: await latestCode(host, 'C00110'),
    });
    const token = otp.body.session.token as string;
    host.clock.advance(16 * 60 * 1000);
    const locked = await host.call('GET', '/session', undefined, token);
    expect(refusal(locked)).toEqual([401, 'SESSION_LOCKED']);
    expect(locked.body.error.resendAvailableAt).toBeDefined();
    const unlock = await host.call(
      'POST',
      '/session/reauth',
      { code: await latestCode(host, 'C00110') },
      token,
    );
    expect(unlock.status).toBe(200);
  });

  it('refuses a duration over 24 h, a missing one, and a duration on another action', async () => {
    const maker = await signIn(host, 'C00191');
    const over = await tryRequest(host, maker, {
      action: 'temp_email_otp',
      userId: 'C00110',
      durationSec: 24 * 3600 + 1,
    });
    expect(refusal(over)).toEqual([400, 'INVALID_REQUEST']);
    expect(over.body.error.field).toBe('durationSec');
    const missing = await tryRequest(host, maker, { action: 'temp_email_otp', userId: 'C00110' });
    expect([...refusal(missing), missing.body.error.field]).toEqual([
      400,
      'INVALID_REQUEST',
      'durationSec',
    ]);
    const stray = await tryRequest(host, maker, {
      action: 'unlock',
      userId: 'C00104',
      durationSec: 3600,
    });
    expect([...refusal(stray), stray.body.error.field]).toEqual([
      400,
      'INVALID_REQUEST',
      'durationSec',
    ]);
    const exactly = await tryRequest(host, maker, {
      action: 'temp_email_otp',
      userId: 'C00110',
      durationSec: 24 * 3600,
    });
    expect(exactly.status).toBe(200);
  });

  it('refuses it for an email-channel user, a user with no email, and one who must initialize', async () => {
    const maker = await signIn(host, 'C00191');
    const body = (userId: string) => ({ action: 'temp_email_otp', userId, durationSec: 3600 });
    expect(refusal(await tryRequest(host, maker, body('C00102')))).toEqual([
      409,
      'CHANNEL_NOT_TOTP',
    ]);
    expect(refusal(await tryRequest(host, maker, body('C00101')))).toEqual([
      409,
      'EMAIL_NOT_REGISTERED',
    ]);
    expect(refusal(await tryRequest(host, maker, body('C00103')))).toEqual([
      409,
      'CHANNEL_NOT_TOTP',
    ]);
  });

  it('records the request and its decision like every DMS request', async () => {
    const maker = await signIn(host, 'C00191');
    const { id } = await request(host, maker, {
      action: 'temp_email_otp',
      userId: 'C00110',
      durationSec: 3600,
    });
    expect((await approve(host, await signIn(host, 'C00192'), id)).status).toBe(200);
    const off = openOffline(host.dataDir);
    try {
      const rows = off.db
        .prepare(
          'SELECT actor_id, event, detail, target_user_id FROM audit WHERE request_id = ? ORDER BY id',
        )
        .all(id);
      expect(rows).toEqual([
        {
          actor_id: 'C00191',
          event: 'request_created',
          detail: 'temp_email_otp',
          target_user_id: 'C00110',
        },
        {
          actor_id: 'C00192',
          event: 'request_approved',
          detail: 'temp_email_otp',
          target_user_id: 'C00110',
        },
      ]);
    } finally {
      off.close();
    }
  });

  it('ends with a Reset 2FA: the user sets up a channel again', async () => {
    const maker = await signIn(host, 'C00191');
    const checker = await signIn(host, 'C00192');
    const temp = await request(host, maker, {
      action: 'temp_email_otp',
      userId: 'C00110',
      durationSec: 3600,
    });
    expect((await approve(host, checker, temp.id)).status).toBe(200);
    host.clock.advance(30_000);
    const reset = await request(host, maker, { action: 'reset_2fa', userId: 'C00110' });
    expect((await approve(host, checker, reset.id)).status).toBe(200);
    expect((await login('C00110')).body).toMatchObject({ next: 'init', steps: ['channel'] });
    expect(await exceptionOf('C00110')).toBeNull();
  });
});
