import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { startHost, type TestHost } from './harness.js';
import { approve, refusal, request, requestIds, signIn } from './dms-helpers.js';

describe('DMS reset_password when SMTP fails (fault injected: a relay that rejects while told to)', () => {
  let relay: SMTPServer;
  let reject = false;
  let host: TestHost;

  beforeEach(async () => {
    reject = false;
    relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, cb) {
        stream.on('data', () => {});
        stream.on('end', () =>
          reject
            ? cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }))
            : cb(),
        );
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
    const port = (relay.server.address() as { port: number }).port;
    host = await startHost({ smtpHost: '127.0.0.1', smtpPort: port });
  });
  afterEach(async () => {
    await host.close();
    await new Promise<void>((resolve) => relay.close(() => resolve()));
  });

  it('releases the claim of a failed approval: the request stays pending, another approval succeeds', async () => {
    const maker = await signIn(host, 'C00191');
    const { id } = await request(host, maker, { action: 'reset_password', userId: 'C00102' });
    const checker = await signIn(host, 'C00192');
    reject = true;
    const failed = await approve(host, checker, id);
    expect(refusal(failed)).toEqual([502, 'EMAIL_DELIVERY_FAILED']);
    expect(await requestIds(host, checker, 'pending')).toEqual([id]);
    reject = false;
    host.clock.advance(30_000);
    const ok = await approve(host, checker, id);
    expect([ok.status, ok.body.request?.status]).toEqual([200, 'approved']);
  });
});
