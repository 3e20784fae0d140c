import { SMTPServer } from 'smtp-server';
import type { Db } from '../store/db.js';
import type { Clock } from '../clock.js';
import { decodeBody, decodeWords, splitMessage } from './mime.js';
import { storeMail } from './outbox.js';

/** The embedded SMTP server: accepts mail on loopback and files it in the `mails` table. */
export interface SmtpSink {
  port: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 256 * 1024;

/** Starts the sink on 127.0.0.1 with a random port. */
export async function startSmtpSink(db: Db, clock: Clock): Promise<SmtpSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'CCMS simulator mail sink',
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_MESSAGE_BYTES) chunks.push(c);
      });
      stream.on('error', (e) => callback(e));
      stream.on('end', () => {
        if (size > MAX_MESSAGE_BYTES) return callback(new Error('message too large'));
        try {
          const { headers, body } = splitMessage(Buffer.concat(chunks).toString('utf8'));
          const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
          const userId = headers.get('x-ccms-user-id');
          storeMail(db, {
            to,
            subject: decodeWords(headers.get('subject') ?? ''),
            text: decodeBody(body, headers.get('content-transfer-encoding')),
            ...(userId ? { userId } : {}),
            at: clock.now(),
          });
          callback();
        } catch (e) {
          callback(e as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('SMTP sink: no port');
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
