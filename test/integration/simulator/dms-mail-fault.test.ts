import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { startHost, signInTotp, type TestHost } from './harness.js';

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
    const maker = await signInTotp(host, 'C00191');
    const made = await host.call(
      'POST',
      '/dms/requests',
      { action: 'reset_password', userId: 'C00102' },
      maker,
    );
    const id = made.body.request.id as string;
    const checker = await signInTotp(host, 'C00192');
    reject = true;
    const failed = await host.call(
      'POST',
      `/dms/requests/${id}/approve`,
      { code: host.sim.currentTotp('C00192') },
      checker,
    );
    expect([failed.status, failed.body.error.code]).toEqual([502, 'EMAIL_DELIVERY_FAILED']);
    const pending = await host.call('GET', '/dms/requests?status=pending', undefined, checker);
    expect(pending.body.requests.map((r: { id: string }) => r.id)).toEqual([id]);
    reject = false;
    host.clock.advance(30_000);
    const ok = await host.call(
      'POST',
      `/dms/requests/${id}/approve`,
      { code: host.sim.currentTotp('C00192') },
      checker,
    );
    expect([ok.status, ok.body.request?.status]).toEqual([200, 'approved']);
  });
});
