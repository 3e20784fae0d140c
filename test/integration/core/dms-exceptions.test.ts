// The DMS exceptions through the bridge, real core and simulator: an email-channel checker's
// approval code (dmsApprovalCode), and the temporary email OTP exception reaching the signed-in
// AuthState (tempEmailOtpUntil) that the shell's banner reads.
import { describe, expect, it } from 'vitest';
import {
  advance,
  SEED_PASSWORDS,
  signInTotp,
  simulatorForFile,
  reseedEachTest,
  coreForEachTest,
  dmsCallsSeen,
  type CoreHandle,
  type SimHandle,
} from './harness.js';

const sim = simulatorForFile();
reseedEachTest(sim);
const maker = coreForEachTest(sim);
const checker = coreForEachTest(sim);

async function newestCode(s: SimHandle, userId: string): Promise<string> {
  const code = (await s.sim.outbox(userId))[0]?.code;
  if (code === undefined) throw new Error(`no code mailed to ${userId}`);
  return code;
}

async function signInByEmail(c: CoreHandle, userId: string) {
  const otp = await c.ok('login', { userId, password: SEED_PASSWORDS[userId] ?? '' });
  expect(otp).toMatchObject({ step: 'otp', channel: 'email' });
  return c.ok('submitOtp', { code: await newestCode(sim, userId) });
}

describe('core ↔ simulator: DMS exceptions through the bridge', () => {
  it('an email-channel checker asks for an approval code and approves with it', async () => {
    await signInTotp(sim, maker, 'C00191', SEED_PASSWORDS.C00191);
    const { request } = await maker.ok('dmsCreateRequest', { action: 'unlock', userId: 'C00104' });
    await signInByEmail(checker, 'C00194');
    const sent = await checker.ok('dmsApprovalCode', { id: request.id });
    expect(sent.maskedEmail).toBe('c***4@cp001.example');
    expect(Date.parse(sent.expiresAt) - Date.parse(sent.resendAvailableAt)).toBe(270_000);
    const approved = await checker.ok('dmsApprove', {
      id: request.id,
      code: await newestCode(sim, 'C00194'),
    });
    expect(approved.request).toMatchObject({ status: 'approved', checkerId: 'C00194' });
  });

  it('refuses a bad request id before the host sees it', async () => {
    await signInByEmail(checker, 'C00194');
    sim.requests.length = 0;
    expect(await checker.fail('dmsApprovalCode', { id: '' })).toMatchObject({
      code: 'BRIDGE_INVALID',
      field: 'id',
    });
    expect(await checker.fail('dmsApprovalCode', { id: 'R-1', code: '123456' })).toMatchObject({
      code: 'BRIDGE_INVALID',
    });
    expect(dmsCallsSeen(sim)).toEqual([]);
  });

  it('the signed-in state says until when the exception holds, and says nothing after it', async () => {
    await signInTotp(sim, maker, 'C00191', SEED_PASSWORDS.C00191);
    const { request } = await maker.ok('dmsCreateRequest', {
      action: 'temp_email_otp',
      userId: 'C00110',
      durationSec: 3600,
    });
    await signInTotp(sim, checker, 'C00192', SEED_PASSWORDS.C00192);
    advance(sim, checker, 30_000);
    await checker.ok('dmsApprove', { id: request.id, code: sim.sim.currentTotp('C00192') });
    const until = new Date(sim.simClock.now() + 3600_000).toISOString();
    await checker.ok('logout', {});

    const signedIn = await signInByEmail(checker, 'C00110');
    expect(signedIn).toMatchObject({ step: 'signedIn', tempEmailOtpUntil: until });
    await checker.ok('logout', {});

    advance(sim, checker, 3600_000);
    const after = await signInTotp(sim, checker, 'C00110', SEED_PASSWORDS.C00110);
    expect(after.step).toBe('signedIn');
    expect(after).not.toHaveProperty('tempEmailOtpUntil');
  });
});
