import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { authenticator } from 'otplib';
import {
  advance,
  SEED_PASSWORDS,
  startCore,
  type CoreHandle,
  simulatorForFile,
} from './harness.js';

// The session token never reaches the test through the core (that is the point); it is read off
// the wire, from the Authorization header of the core's own requests.
const tokens = new Set<string>();
const onRequest = (msg: unknown) => {
  const auth = (msg as { request: ClientRequest }).request.getHeader('authorization');
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) tokens.add(auth.slice(7));
};

const sim = simulatorForFile();
beforeAll(() => diagnosticsChannel.subscribe('http.client.request.start', onRequest));
afterAll(() => diagnosticsChannel.unsubscribe('http.client.request.start', onRequest));

async function allLogText(c: CoreHandle): Promise<{ files: string[]; text: string }> {
  const dir = join(c.userDataDir, 'logs');
  const files = await readdir(dir, { recursive: true });
  const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8').catch(() => '')));
  return { files, text: texts.join('\n') };
}

describe('no secret in any log file or the workstation history', () => {
  it('a full sign-in, a wrong code, an unlock and a 2FA initialization at debug level leave no password, code, secret or token in logs/ or workstation-history.json', async () => {
    const secrets: string[] = [];
    await sim.sim.seed();
    sim.simClock.advance(30_000);
    const c = await startCore(sim, {}, { logLevel: 'debug' });
    try {
      // Password + TOTP, with a wrong code first.
      secrets.push(SEED_PASSWORDS.C00101);
      await c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      const good = sim.sim.currentTotp('C00101');
      const wrong = good === '000000' ? '111111' : '000000';
      await c.fail('submitOtp', { code: wrong });
      secrets.push(good);
      await c.ok('submitOtp', { code: good });
      await c.ok('getTerminalSummary', {});
      advance(sim, c, 61_000);
      await c.ok('reportActivity', {});
      c.core.lock();
      advance(sim, c, 30_000);
      const unlockCode = sim.sim.currentTotp('C00101');
      secrets.push(unlockCode);
      await c.ok('unlock', { code: unlockCode });
      await c.ok('logout', {});

      // First sign-in of C00103: new password, authenticator app enrolment.
      const newPassword = 'Log-Check-Pass-2026!';
      secrets.push(SEED_PASSWORDS.C00103, newPassword);
      await c.ok('login', { userId: 'C00103', password: SEED_PASSWORDS.C00103 });
      await c.ok('initSetPassword', { newPassword });
      const chosen = await c.ok('initChooseChannel', { channel: 'totp' });
      const secret = (chosen as { channelSetup: { secret: string } }).channelSetup.secret;
      const code = authenticator.clone({ epoch: sim.simClock.now() }).generate(secret);
      secrets.push(secret, code);
      await c.ok('initConfirm', { code });
      await c.ok('logout', {});
      await c.core.dispose();
    } catch (err) {
      await c.close();
      throw err;
    }

    expect(tokens.size).toBeGreaterThanOrEqual(2);
    const { files, text } = await allLogText(c);
    const history = await readFile(join(c.userDataDir, 'workstation-history.json'), 'utf8');
    await c.close();
    // The history is real: the refused code, both sign-ins, the lock and the unlock are in it.
    for (const kind of ['signInFailed', 'signedIn', 'locked', 'unlocked', 'signedOut'])
      expect(history).toContain(`"kind":"${kind}"`);
    for (const s of [...secrets, ...tokens]) {
      expect(history.includes(s), `a secret (${s.slice(0, 3)}…) is in the history`).toBe(false);
    }
    expect(files.length).toBeGreaterThan(0);
    expect(text).toContain('signed in'); // the log is real and was written at debug level
    for (const s of [...secrets, ...tokens]) {
      expect(text.includes(s), `a secret (${s.slice(0, 3)}…) is in ${files.join(', ')}`).toBe(
        false,
      );
    }
  });
});
