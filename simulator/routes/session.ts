import type { FastifyInstance } from 'fastify';
import { HostCalls } from '../../shared/host-calls.js';
import type { SimContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { bearerToken, revokeSession, sessionView } from '../auth/sessions.js';
import { reauth, requireSession } from '../auth/reauth.js';

/** `GET /session`, `POST /session/reauth`, `POST /session/logout`. */
export function sessionRoutes(app: FastifyInstance, ctx: SimContext): void {
  addRoute(app, HostCalls.getSession, async (req) => {
    // The terminal calls this only when its user is active (a throttled keep-alive), so it
    // counts as activity: otherwise a user working on local screens would find the host locked.
    const { token, session, user } = await requireSession(ctx, req.headers.authorization, {
      touch: true,
    });
    return { session: sessionView(ctx, session, user, token) };
  });
  addRoute(app, HostCalls.reauth, (req, { body }) =>
    reauth(ctx, req.headers.authorization, body.code),
  );
  addRoute(app, HostCalls.logout, (req) => {
    revokeSession(ctx, bearerToken(req.headers.authorization));
  });
}
