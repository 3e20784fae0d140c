import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context.js';

/** Routes of /init (in progress). */
export function initRoutes(_app: FastifyInstance, _ctx: SimContext): void {}
