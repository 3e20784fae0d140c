import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CcmsError } from '../../shared/errors.js';
import { parse } from '../../shared/parse.js';

/** How a route is declared: its schemas (the same ones that generate openapi.json) and handler. */
export interface RouteSpec<B extends z.ZodType | undefined, R extends z.ZodType | undefined> {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  body?: B;
  query?: z.ZodType;
  reply?: R;
  /** Success status: 200, or 204 with no body. */
  status?: 200 | 204;
  /** Error codes this call can answer (documentation). */
  errors?: string[];
  auth?: boolean;
  handler: (
    req: FastifyRequest,
    body: B extends z.ZodType ? z.infer<B> : undefined,
  ) => Promise<R extends z.ZodType ? z.infer<R> : void> | (R extends z.ZodType ? z.infer<R> : void);
}

/** Every route registered, for openapi.json. */
export const registeredRoutes: Array<RouteSpec<z.ZodType | undefined, z.ZodType | undefined>> = [];

/** Parses input; on failure names the offending field, an unknown key included. */
function check<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  let field = first && first.path.length > 0 ? first.path.map(String).join('.') : undefined;
  if (first?.code === 'unrecognized_keys') {
    const key = first.keys[0] ?? '';
    field = field === undefined ? key : `${field}.${key}`;
  }
  const issues = result.error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    return path ? `${path}: ${i.message}` : i.message;
  });
  return (() => {
    throw invalid(what, field === undefined ? { issues } : { issues, field });
  })();
}

function invalid(what: string, result: { issues: string[]; field?: string }): CcmsError {
  return new CcmsError(
    'INVALID_REQUEST',
    `${what} is invalid: ${result.issues.join('; ')}`,
    result.field === undefined ? {} : { field: result.field },
  );
}

/** Registers a route: the body is parsed with its zod schema, the reply checked against its own. */
export function addRoute<B extends z.ZodType | undefined, R extends z.ZodType | undefined>(
  app: FastifyInstance,
  spec: RouteSpec<B, R>,
): void {
  if (!registeredRoutes.some((r) => r.method === spec.method && r.path === spec.path)) {
    registeredRoutes.push(
      spec as unknown as RouteSpec<z.ZodType | undefined, z.ZodType | undefined>,
    );
  }
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (req, reply) => {
      let body: unknown = undefined;
      if (spec.body) {
        body = check(spec.body, req.body ?? {}, 'The request body');
      } else if (
        req.body !== undefined &&
        req.body !== null &&
        !(typeof req.body === 'object' && Object.keys(req.body).length === 0)
      ) {
        throw new CcmsError('INVALID_REQUEST', 'This call takes no request body.');
      }
      if (spec.query) {
        check(spec.query, req.query ?? {}, 'The query');
      }
      const out = await spec.handler(req, body as never);
      if (spec.status === 204) return reply.code(204).send();
      if (spec.reply) {
        // A reply that breaks its own schema is a defect of the simulator: a 500, never sent.
        const checked = parse(spec.reply, out);
        if (!checked.ok)
          throw new Error(
            `reply of ${spec.method} ${spec.path} breaks its schema: ${checked.issues.join('; ')}`,
          );
        return reply.code(200).send(checked.value);
      }
      return reply.code(200).send(out);
    },
  });
}
