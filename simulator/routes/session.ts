import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context.js';

/** Routes of /session (in progress). */
export function sessionRoutes(_app: FastifyInstance, _ctx: SimContext): void {}
