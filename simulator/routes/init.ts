import type { FastifyInstance } from 'fastify';
import { HostCalls } from '../../shared/host-calls.js';
import type { SimContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { initChannel, initConfirm, initPassword } from '../auth/init.js';

/** `POST /init/password`, `/init/channel`, `/init/channel/confirm`. */
export function initRoutes(app: FastifyInstance, ctx: SimContext): void {
  addRoute(app, HostCalls.initPassword, (_req, { body }) =>
    initPassword(ctx, body.initToken, body.newPassword),
  );
  addRoute(app, HostCalls.initChannel, (_req, { body }) =>
    initChannel(ctx, body.initToken, body.channel),
  );
  addRoute(app, HostCalls.initConfirm, (_req, { body }) =>
    initConfirm(ctx, body.initToken, body.code),
  );
}
