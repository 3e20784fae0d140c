import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context.js';

/** Routes of /dms (in progress). */
export function dmsRoutes(_app: FastifyInstance, _ctx: SimContext): void {}
