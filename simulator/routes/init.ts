import type { FastifyInstance } from 'fastify';
import {
  InitChannelReply,
  InitChannelRequest,
  InitConfirmRequest,
  InitPasswordRequest,
  InitStepsReply,
  SessionReply,
} from '../../shared/protocol.js';
import type { SimContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { initChannel, initConfirm, initPassword } from '../auth/init.js';

/** `POST /init/password`, `/init/channel`, `/init/channel/confirm`. */
export function initRoutes(app: FastifyInstance, ctx: SimContext): void {
  addRoute(app, {
    method: 'POST',
    path: '/init/password',
    summary: 'Replaces the temporary password (policy and history enforced)',
    body: InitPasswordRequest,
    reply: InitStepsReply,
    errors: ['PASSWORD_POLICY', 'INIT_TOKEN_INVALID', 'ACCOUNT_LOCKED'],
    handler: (_req, body) => initPassword(ctx, body.initToken, body.newPassword),
  });
  addRoute(app, {
    method: 'POST',
    path: '/init/channel',
    summary: 'Chooses the OTP channel: a TOTP secret to enrol, or an email code',
    body: InitChannelRequest,
    reply: InitChannelReply,
    errors: [
      'EMAIL_NOT_REGISTERED',
      'INIT_TOKEN_INVALID',
      'RESEND_TOO_SOON',
      'RESEND_LIMIT',
      'EMAIL_DELIVERY_FAILED',
    ],
    handler: (_req, body) => initChannel(ctx, body.initToken, body.channel),
  });
  addRoute(app, {
    method: 'POST',
    path: '/init/channel/confirm',
    summary: 'Confirms the channel with a code; finishes initialization and opens a session',
    body: InitConfirmRequest,
    reply: SessionReply,
    errors: ['OTP_INVALID', 'OTP_EXPIRED', 'OTP_REUSED', 'INIT_TOKEN_INVALID', 'ACCOUNT_LOCKED'],
    handler: (_req, body) => initConfirm(ctx, body.initToken, body.code),
  });
}
