import type { FastifyInstance } from 'fastify';
import { HostCalls } from '../../shared/host-calls.js';
import type { SimContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { requireSession } from '../auth/reauth.js';
import { demoSummary } from '../terminal/demo-summary.js';
import { stmt } from '../store/db.js';

/** `GET /terminal/summary`. */
export function terminalRoutes(app: FastifyInstance, ctx: SimContext): void {
  addRoute(app, HostCalls.terminalSummary, async (req) => {
    const { user } = await requireSession(ctx, req.headers.authorization, { touch: true });
    const participant = stmt(ctx.db, 'SELECT name FROM participants WHERE participant_id = ?').get(
      user.participant_id,
    ) as { name: string } | undefined;
    return demoSummary(
      user.participant_id,
      participant?.name ?? user.participant_id,
      ctx.clock.now(),
    );
  });
}
