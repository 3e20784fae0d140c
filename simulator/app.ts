import { createServer, type Server } from 'node:https';
import Fastify, { type FastifyInstance } from 'fastify';
import { API_PREFIX } from '../shared/protocol.js';
import { TLS_CIPHERS, TLS_MIN_VERSION } from '../shared/tls-profile.js';
import type { SimContext } from './context.js';
import { installErrorHandling } from './http/errors.js';
import { installRequestLog, type LogSink } from './http/request-log.js';
import { installSecurityHeaders, securityHeaderLines } from './http/security-headers.js';
import { installDurableReplies } from './http/durable-replies.js';
import { healthRoutes } from './routes/health.js';
import { authRoutes } from './routes/auth.js';
import { initRoutes } from './routes/init.js';
import { sessionRoutes } from './routes/session.js';
import { terminalRoutes } from './routes/terminal.js';
import { dmsRoutes } from './routes/dms.js';
import { openapiRoutes } from './routes/openapi.js';

/** Registers every call of the host API (shared/host-calls.ts) and openapi.json on `api`. */
export function apiRoutes(api: FastifyInstance, ctx: SimContext): void {
  healthRoutes(api, ctx);
  authRoutes(api, ctx);
  initRoutes(api, ctx);
  sessionRoutes(api, ctx);
  terminalRoutes(api, ctx);
  dmsRoutes(api, ctx);
  openapiRoutes(api);
}

/** TLS material for the HTTPS server; without it the app is built for `inject()` only. */
export interface AppTls {
  certPem: string;
  keyPem: string;
}

/**
 * Builds the Fastify app: every route of docs/protocol.md under /api/v1. `beforeReply` runs before
 * each reply is sent (the running simulator waits there for its writes to be durable).
 */
export async function buildApp(
  ctx: SimContext,
  log: LogSink,
  tls?: AppTls,
  beforeReply?: () => Promise<void>,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: ctx.settings.bodyLimitBytes,
    forceCloseConnections: true,
    // A request Node cannot even parse (bad framing, huge headers) still gets our error shape.
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return socket.destroy();
      const timeout = (err as { code?: string }).code === 'ERR_HTTP_REQUEST_TIMEOUT';
      const body = JSON.stringify({
        error: {
          code: 'INVALID_REQUEST',
          message: timeout
            ? 'The request took too long to arrive.'
            : 'The request is not valid HTTP.',
        },
      });
      socket.end(
        `HTTP/1.1 ${timeout ? '408 Request Timeout' : '400 Bad Request'}\r\nContent-Type: application/json\r\n` +
          securityHeaderLines() +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
    return503OnClosing: true,
    // docs/architecture.md: Node's requestTimeout only works when given at server creation, and is checked
    // every connectionsCheckingInterval; Fastify's own option would leave it disabled.
    ...(tls
      ? {
          serverFactory: (handler: Parameters<typeof createServer>[1]): Server =>
            createServer(
              {
                cert: tls.certPem,
                key: tls.keyPem,
                // shared/tls-profile.ts: forward secrecy and AEAD only; the server picks the suite.
                minVersion: TLS_MIN_VERSION,
                ciphers: TLS_CIPHERS,
                honorCipherOrder: true,
                requestTimeout: ctx.settings.requestTimeoutMs,
                headersTimeout: Math.min(ctx.settings.requestTimeoutMs, 20_000),
                connectionsCheckingInterval: ctx.settings.connectionsCheckingIntervalMs,
                keepAliveTimeout: 5_000,
              },
              handler,
            ),
        }
      : {}),
  });
  const onDefect = (err: unknown): void =>
    log({ level: 'error', msg: 'defect', error: String((err as Error)?.stack ?? err) });
  installSecurityHeaders(app);
  if (beforeReply) installDurableReplies(app, beforeReply, onDefect);
  installErrorHandling(app, onDefect);
  installRequestLog(app, log);
  await app.register(async (api) => apiRoutes(api, ctx), { prefix: API_PREFIX });
  return app;
}
