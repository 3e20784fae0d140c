import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../context.js';

/** Routes of /terminal (in progress). */
export function terminalRoutes(_app: FastifyInstance, _ctx: SimContext): void {}
