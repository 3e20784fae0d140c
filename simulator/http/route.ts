import type { FastifyInstance, FastifyRequest } from 'fastify';
import type * as z from 'zod';
import { CcmsError } from '../../shared/errors.js';
import type { CallParams, HostCallSpec } from '../../shared/host-calls.js';
import { parse, parseOrThrow } from '../../shared/parse.js';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A call's input as its handler gets it: parsed with the call's own schemas. */
export interface CallInput<C extends HostCallSpec> {
  body: C extends { body: infer B } ? Parsed<B> : undefined;
  query: C extends { query: infer Q } ? Parsed<Q> : undefined;
  params: CallParams<C>;
}

/** What a handler answers: the reply its call declares, or nothing for a 204. */
export type CallAnswer<C extends HostCallSpec> = C['reply'] extends infer R extends z.ZodType
  ? z.output<R>
  : void;

/** The simulator's side of one host call. */
export type CallHandler<C extends HostCallSpec> = (
  req: FastifyRequest,
  input: CallInput<C>,
) => Promise<CallAnswer<C>> | CallAnswer<C>;

/** True for a body the client did not send: none, `null`, or `{}` (the parser maps "" to none). */
function isEmptyBody(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    (typeof body === 'object' && Object.keys(body).length === 0)
  );
}

/**
 * Registers a host call of shared/host-calls.ts: its method and path come from the table, its
 * body and query are parsed with the table's schemas (a bad one is INVALID_REQUEST naming the
 * field), and the handler's answer is checked against the table's reply schema.
 */
export function addRoute<C extends HostCallSpec>(
  app: FastifyInstance,
  call: C,
  handler: CallHandler<C>,
): void {
  app.route({
    method: call.method,
    url: call.path,
    handler: async (req, reply) => {
      let body: unknown = undefined;
      if (call.body) {
        body = parseOrThrow(call.body, req.body ?? {}, 'INVALID_REQUEST', 'The request body');
      } else if (!isEmptyBody(req.body)) {
        throw new CcmsError('INVALID_REQUEST', 'This call takes no request body.');
      }
      const query = call.query
        ? parseOrThrow(call.query, req.query ?? {}, 'INVALID_REQUEST', 'The query')
        : undefined;
      const input = { body, query, params: req.params } as CallInput<C>;
      const out: unknown = await handler(req, input);
      if (call.reply === null) return reply.code(204).send();
      // A reply that breaks its own schema is a defect of the simulator: a 500, never sent.
      const checked = parse(call.reply, out);
      if (!checked.ok)
        throw new Error(
          `reply of ${call.method} ${call.path} breaks its schema: ${checked.issues.join('; ')}`,
        );
      return reply.code(200).send(checked.value);
    },
  });
}
