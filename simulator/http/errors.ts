import type { FastifyError, FastifyInstance } from 'fastify';
import { CcmsError, HTTP_STATUS, type AppError } from '../../shared/errors.js';

/** The error code each failed request answered with, for the request log. */
export const answeredCodes = new WeakMap<object, string>();

/** The status and body of an error reply. */
export function errorReply(err: unknown): {
  status: number;
  body: { error: AppError };
  defect: boolean;
} {
  if (err instanceof CcmsError) {
    return { status: HTTP_STATUS[err.code] ?? 400, body: { error: err.toValue() }, defect: false };
  }
  const fe = err as Partial<FastifyError>;
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 404 || status === 405) {
    return {
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'No such call.' } },
      defect: false,
    };
  }
  if (status >= 400 && status < 500) {
    // Fastify's own rejections: wrong content type, body too large, bad URL. Fixed sentences
    // only: a library's message may quote what the client sent.
    const message =
      fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'The request body must be JSON (Content-Type: application/json).'
        : fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'The request body is too large.'
          : `The request is malformed (${fe.code ?? 'unreadable'}).`;
    return { status: 400, body: { error: { code: 'INVALID_REQUEST', message } }, defect: false };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'The simulator failed; this is a defect.' } },
    defect: true,
  };
}

/** Every error becomes `{"error": {...}}`; JSON bodies are parsed strictly, an empty one is none. */
export function installErrorHandling(app: FastifyInstance, onDefect: (err: unknown) => void): void {
  app.setErrorHandler((err, req, reply) => {
    const out = errorReply(err);
    answeredCodes.set(req, out.body.error.code);
    if (out.defect) onDefect(err);
    void reply.code(out.status).send(out.body);
  });
  app.setNotFoundHandler((req, reply) => {
    answeredCodes.set(req, 'NOT_FOUND');
    void reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such call.' } });
  });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      // Never JSON.parse's message: it quotes the body around the fault, a password included.
      done(new CcmsError('INVALID_REQUEST', 'The request body is not valid JSON.'), undefined);
    }
  });
}
