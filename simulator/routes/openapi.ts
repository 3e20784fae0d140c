import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../shared/protocol.js';
import { HostErrorBody, HTTP_STATUS, type ErrorCode } from '../../shared/errors.js';
import { registeredRoutes } from '../http/route.js';
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

/** OpenAPI 3.1 of every registered route, generated from the same zod schemas that validate them. */
export function buildOpenApi(): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of registeredRoutes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const op: Json = {
      summary: r.summary,
      operationId: `${r.method.toLowerCase()}${path.replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    };
    if (r.auth) op.security = [{ bearer: [] }];
    const parameters: Json[] = [];
    if (path.includes('{id}'))
      parameters.push({ name: 'id', in: 'path', required: true, schema: { type: 'string' } });
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
    const responses: Record<string, Json> = {};
    responses[String(r.status ?? 200)] =
      r.status === 204 || !r.reply
        ? { description: 'Done' }
        : {
            description: 'Success',
            content: { 'application/json': { schema: schemaOf(r.reply, 'output') } },
          };
    const errorCodes = new Set<string>([
      ...(r.errors ?? []),
      ...(r.body ? ['INVALID_REQUEST'] : []),
    ]);
    const byStatus = new Map<number, string[]>();
    for (const code of errorCodes) {
      const status = HTTP_STATUS[code as ErrorCode] ?? 400;
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
