import type { FastifyInstance } from 'fastify';
import { answeredCodes } from './errors.js';

/** Where structured log lines go. */
export type LogSink = (line: Record<string, unknown>) => void;

/**
 * One line per request: method, path (no query string), status, duration, error code, client.
 * Never a body, header or token: passwords, codes and tokens only travel in those.
 */
export function installRequestLog(app: FastifyInstance, log: LogSink): void {
  app.addHook('onResponse', async (req, reply) => {
    const errorCode = answeredCodes.get(req);
    log({
      t: new Date().toISOString(),
      level: reply.statusCode >= 500 ? 'error' : 'info',
      reqId: req.id,
      method: req.method,
      path: req.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      ip: req.ip,
      ...(typeof errorCode === 'string' ? { errorCode } : {}),
    });
  });
}
