import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { API_PREFIX } from '../../shared/protocol.js';
import { HostErrorBody, HTTP_STATUS, type ErrorCode } from '../../shared/errors.js';
import { HostCalls, pathParamNames, type HostCallSpec } from '../../shared/host-calls.js';
import { SIM_VERSION } from './health.js';

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  delete out.$schema;
  return out;
}

/** OpenAPI 3.1 of every host call of shared/host-calls.ts, from the schemas that validate them. */
export function buildOpenApi(): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of Object.values(HostCalls) as HostCallSpec[]) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const op: Json = {
      summary: r.summary,
      operationId: `${r.method.toLowerCase()}${path.replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    };
    if (r.session) op.security = [{ bearer: [] }];
    const parameters: Json[] = pathParamNames(r.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (r.query) {
      const q = schemaOf(r.query, 'input') as { properties?: Record<string, Json> };
      for (const [name, schema] of Object.entries(q.properties ?? {}))
        parameters.push({ name, in: 'query', required: false, schema });
    }
    if (parameters.length) op.parameters = parameters;
    if (r.body)
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(r.body, 'input') } },
      };
    const responses: Record<string, Json> =
      r.reply === null
        ? { '204': { description: 'Done' } }
        : {
            '200': {
              description: 'Success',
              content: { 'application/json': { schema: schemaOf(r.reply, 'output') } },
            },
          };
    const errorCodes = new Set<ErrorCode>([
      ...r.errors,
      ...(r.body ? ['INVALID_REQUEST' as const] : []),
    ]);
    const byStatus = new Map<number, string[]>();
    for (const code of errorCodes) {
      const status = HTTP_STATUS[code] ?? 400;
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    for (const [status, codes] of byStatus) {
      responses[String(status)] = {
        description: codes.join(', '),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    (paths[path] ??= {})[r.method.toLowerCase()] = { ...op, responses };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CCMS host protocol (simulator)',
      version: SIM_VERSION,
      description: 'Generated from the zod schemas in shared/.',
    },
    servers: [{ url: API_PREFIX }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The session token' },
      },
      schemas: { Error: schemaOf(HostErrorBody, 'output') },
    },
  };
}

/** `GET /openapi.json`. */
export function openapiRoutes(app: FastifyInstance): void {
  let cached: Json | undefined;
  app.get('/openapi.json', async () => (cached ??= buildOpenApi()));
}
