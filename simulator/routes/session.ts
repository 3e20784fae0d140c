import type { FastifyInstance } from 'fastify';
import { ReauthRequest, SessionReply } from '../../shared/protocol.js';
import type { SimContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { bearerToken, revokeSession, sessionView } from '../auth/sessions.js';
import { reauth, requireSession } from '../auth/reauth.js';

/** `GET /session`, `POST /session/reauth`, `POST /session/logout`. */
export function sessionRoutes(app: FastifyInstance, ctx: SimContext): void {
  addRoute(app, {
    method: 'GET',
    path: '/session',
    summary:
      'The current session; a client sends it on user activity, so it restarts the idle timer',
    reply: SessionReply,
    auth: true,
    errors: ['SESSION_EXPIRED', 'SESSION_LOCKED'],
    handler: async (req) => {
      // The terminal calls this only when its user is active (a throttled keep-alive), so it
      // counts as activity: otherwise a user working on local screens would find the host locked.
      const { token, session, user } = await requireSession(ctx, req.headers.authorization, {
        touch: true,
      });
      return { session: sessionView(ctx, session, user, token) };
    },
  });
  addRoute(app, {
    method: 'POST',
    path: '/session/reauth',
    summary: 'Step-up: a fresh OTP unlocks an idle session',
    body: ReauthRequest,
    reply: SessionReply,
    auth: true,
    errors: ['OTP_INVALID', 'OTP_EXPIRED', 'OTP_REUSED', 'ACCOUNT_LOCKED', 'SESSION_EXPIRED'],
    handler: (req, body) => reauth(ctx, req.headers.authorization, body.code),
  });
  addRoute(app, {
    method: 'POST',
    path: '/session/logout',
    summary: 'Revokes the session',
    status: 204,
    auth: true,
    handler: (req) => {
      revokeSession(ctx, bearerToken(req.headers.authorization));
    },
  });
}
