import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { HostCalls } from '../../shared/host-calls.js';
import type { SimContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { requireSession } from '../auth/reauth.js';
import { createRequest, listUsers, requestsOf } from '../dms/service.js';
import { approveRequest, rejectRequest, sendApprovalCode } from '../dms/decisions.js';
import { auditOf } from '../dms/audit.js';

const RequestId = z.string().regex(/^R-[A-Za-z0-9_-]{1,64}$/, 'a request id');

/** A request id as the store can look it up; anything else finds nothing. */
function idOf(params: { id: string }): string {
  return RequestId.safeParse(params.id).success ? params.id : 'R-invalid';
}

/** The DMS: users, maker requests, checker decisions, and their audit. */
export function dmsRoutes(app: FastifyInstance, ctx: SimContext): void {
  const da = async (header: string | undefined) =>
    (await requireSession(ctx, header, { touch: true })).user;
  addRoute(app, HostCalls.dmsUsers, async (req) => ({
    users: listUsers(ctx, await da(req.headers.authorization)),
  }));
  addRoute(app, HostCalls.dmsCreateRequest, async (req, { body }) => ({
    request: createRequest(ctx, await da(req.headers.authorization), body),
  }));
  addRoute(app, HostCalls.dmsListRequests, async (req, { query }) => ({
    requests: requestsOf(ctx, await da(req.headers.authorization), query.status),
  }));
  addRoute(app, HostCalls.dmsApprovalCode, async (req, { params }) =>
    sendApprovalCode(ctx, await da(req.headers.authorization), idOf(params)),
  );
  addRoute(app, HostCalls.dmsApprove, async (req, { body, params }) => ({
    request: await approveRequest(
      ctx,
      await da(req.headers.authorization),
      idOf(params),
      body.code,
    ),
  }));
  addRoute(app, HostCalls.dmsReject, async (req, { body, params }) => ({
    request: rejectRequest(ctx, await da(req.headers.authorization), idOf(params), body.reason),
  }));
  addRoute(app, HostCalls.dmsAudit, async (req, { query }) =>
    auditOf(ctx, await da(req.headers.authorization), query),
  );
}
