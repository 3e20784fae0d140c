import type { FastifyInstance } from 'fastify';
import { answeredCodes } from './errors.js';

/**
 * Every reply waits for `beforeReply` (the WAL fsync of store/wal-sync.ts) before it is sent, so
 * nothing is acknowledged that a power cut could take back. When that fails the reply becomes
 * INTERNAL 500 in the protocol's shape: the client must not take the change as done.
 */
export function installDurableReplies(
  app: FastifyInstance,
  beforeReply: () => Promise<void>,
  onDefect: (err: unknown) => void,
): void {
  app.addHook('onSend', async (req, reply, payload) => {
    try {
      await beforeReply();
      return payload;
    } catch (e) {
      onDefect(e);
      answeredCodes.set(req, 'INTERNAL');
      void reply.code(500).type('application/json; charset=utf-8');
      return JSON.stringify({
        error: {
          code: 'INTERNAL',
          message: 'The simulator could not store the change; this is a defect.',
        },
      });
    }
  });
}
