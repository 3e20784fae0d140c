import type { FastifyInstance } from 'fastify';

/**
 * Headers on every reply. no-store: replies carry session tokens, init tokens and TOTP secrets,
 * and none may land in a cache (every reply is an API reply, so all are no-store). nosniff: a
 * reply is only ever read as the JSON it says it is. HSTS: the host is only ever reached over
 * HTTPS. The CSP forbids a reply from loading or framing anything, should a browser render one.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/** The headers as raw HTTP header lines, for replies written to the socket directly. */
export function securityHeaderLines(): string {
  return Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
}

/** Sets the headers as each request arrives, so errors and unknown calls get them too. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_req, reply) => {
    void reply.headers(SECURITY_HEADERS);
  });
}
