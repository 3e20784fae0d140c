// An email-channel user (C00102) after the idle lock and after an OS lock: the core asks the real
// simulator for the emailed step-up code once the host's own idle timer has run out, and the code
// from the simulator's mailbox unlocks the terminal.
import { describe, expect, it, vi } from 'vitest';
import {
  advance,
  SEED_PASSWORDS,
  simulatorForFile,
  reseedEachTest,
  coreForEachTest,
} from './harness.js';

const MIN = 60_000;
const sim = simulatorForFile();
reseedEachTest(sim, { freshStep: false });
const c = coreForEachTest(sim);

const hostSaw = (method: string, path: string) =>
  sim.requests.filter((r) => r['method'] === method && r['path'] === `/api/v1${path}`);
const mails = () => sim.sim.outbox('C00102');
/** Waits until the simulator's mailbox holds `count` mails for C00102; the newest one's code. */
async function codeNumber(count: number): Promise<string> {
  await vi.waitFor(async () => expect(await mails()).toHaveLength(count), { timeout: 10_000 });
  const [newest] = await mails();
  expect(newest?.code).toMatch(/^\d{6}$/);
  return newest!.code!;
}

/** Password + emailed code sign-in of C00102; returns the masked email the host showed. */
async function signInByEmail(): Promise<string> {
  const otp = await c.ok('login', { userId: 'C00102', password: SEED_PASSWORDS.C00102 });
  if (otp.step !== 'otp' || otp.maskedEmail === undefined) throw new Error('expected an email OTP');
  expect(await c.ok('submitOtp', { code: await codeNumber(1) })).toMatchObject({
    step: 'signedIn',
  });
  return otp.maskedEmail;
}

describe('core ↔ simulator: unlocking an email-channel user', () => {
  it('idle lock: the host emails a step-up code and that code unlocks', async () => {
    const maskedEmail = await signInByEmail();
    advance(sim, c, 15 * MIN);
    expect(await c.ok('getAuthState', {})).toEqual({
      step: 'locked',
      user: expect.objectContaining({ userId: 'C00102' }),
      environment: 'simulator',
      expiresAt: expect.any(String),
      channel: 'email',
      maskedEmail,
    });
    expect(maskedEmail).toMatch(/^c\*+\d?@cp001\.example$/);

    // A moment later the host's idle timer has surely run out too: GET /session finds the
    // session locked (the expected answer), and the host emails the code.
    advance(sim, c, 1000);
    const code = await codeNumber(2);
    // The log line is written once the reply is sent, the mail before it: wait for the line.
    await vi.waitFor(() =>
      expect(hostSaw('GET', '/session').map((r) => [r['status'], r['errorCode']])).toEqual([
        [401, 'SESSION_LOCKED'],
      ]),
    );
    // Another code only after the host's 30 s resend rule; the state says when. The mail is in
    // the outbox before the host's reply reaches the core, so the state is waited for, not read.
    await vi.waitFor(
      async () =>
        expect(await c.ok('getAuthState', {})).toMatchObject({
          resendAvailableAt: new Date(c.clock.now() + 30_000).toISOString(),
        }),
      { timeout: 10_000 },
    );
    expect(await c.fail('sendUnlockCode', {})).toMatchObject({
      code: 'RESEND_TOO_SOON',
      retryAfterSec: 30,
    });
    expect(await c.ok('unlock', { code })).toMatchObject({ step: 'signedIn' });
    expect((await c.ok('getTerminalSummary', {})).participant.participantId).toBe('CP001');
  });

  it('OS lock while the host is still active: UNLOCK_CODE_NOT_SENT, then the code comes when the host idles; a new code on request', async () => {
    await signInByEmail();
    advance(sim, c, 2 * MIN);
    c.core.lock();
    const early = await c.fail('sendUnlockCode', {});
    expect(early).toMatchObject({ code: 'UNLOCK_CODE_NOT_SENT', retryAfterSec: 13 * 60 + 1 });
    // A guess now would count toward the lockout on the host: the core refuses it itself.
    expect((await c.fail('unlock', { code: '123456' })).code).toBe('UNLOCK_CODE_NOT_SENT');
    // Nothing reached the host that would restart its idle timer.
    expect(hostSaw('GET', '/session')).toEqual([]);
    expect(hostSaw('POST', '/session/reauth')).toEqual([]);

    advance(sim, c, 13 * MIN + 1000);
    const first = await codeNumber(2);
    // The mail did not arrive, say: after the 30 s resend rule a new code replaces it.
    advance(sim, c, 31_000);
    expect(await c.ok('sendUnlockCode', {})).toMatchObject({ step: 'locked', channel: 'email' });
    const second = await codeNumber(3);
    expect(second).not.toBe(first);
    expect(await c.ok('unlock', { code: second })).toMatchObject({ step: 'signedIn' });
  });

  it('a TOTP user is never sent an unlock code', async () => {
    const otp = await c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
    expect(otp).toMatchObject({ channel: 'totp' });
    await c.ok('submitOtp', { code: sim.sim.currentTotp('C00101') });
    c.core.lock();
    expect(await c.ok('getAuthState', {})).toMatchObject({ step: 'locked', channel: 'totp' });
    expect((await c.fail('sendUnlockCode', {})).code).toBe('WRONG_STATE');
  });
});
