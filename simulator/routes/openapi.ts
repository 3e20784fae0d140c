import type { FastifyInstance } from 'fastify';

/** `GET /openapi.json` (in progress). */
export function openapiRoutes(_app: FastifyInstance): void {}
