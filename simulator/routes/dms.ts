import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  DmsApproveRequest,
  DmsCreateRequest,
  DmsRejectRequest,
  DmsRequestReply,
  DmsRequestsQuery,
  DmsRequestsReply,
  DmsUsersReply,
} from '../../shared/protocol.js';
import type { SimContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { requireSession } from '../auth/reauth.js';
import { createRequest, listUsers, requestsOf } from '../dms/service.js';
import { approveRequest, rejectRequest } from '../dms/decisions.js';

const RequestId = z.string().regex(/^R-[A-Za-z0-9_-]{1,64}$/, 'a request id');

function idOf(params: unknown): string {
  const id = (params as { id?: unknown }).id;
  return RequestId.safeParse(id).success ? (id as string) : 'R-invalid';
}

/** The DMS: users, maker requests, checker decisions. */
export function dmsRoutes(app: FastifyInstance, ctx: SimContext): void {
  const da = async (header: string | undefined) =>
    (await requireSession(ctx, header, { touch: true })).user;
  addRoute(app, {
    method: 'GET',
    path: '/dms/users',
    summary: "Users of the DA's participant with their state",
    reply: DmsUsersReply,
    auth: true,
    errors: ['FORBIDDEN', 'SESSION_EXPIRED', 'SESSION_LOCKED'],
    handler: async (req) => ({ users: listUsers(ctx, await da(req.headers.authorization)) }),
  });
  addRoute(app, {
    method: 'POST',
    path: '/dms/requests',
    summary: 'Maker: requests an action on a user; another DA must approve',
    body: DmsCreateRequest,
    reply: DmsRequestReply,
    auth: true,
    errors: ['FORBIDDEN', 'NOT_FOUND', 'INVALID_REQUEST', 'EMAIL_NOT_REGISTERED'],
    handler: async (req, body) => ({
      request: createRequest(ctx, await da(req.headers.authorization), body),
    }),
  });
  addRoute(app, {
    method: 'GET',
    path: '/dms/requests',
    summary: "The participant's requests, newest first",
    query: DmsRequestsQuery,
    reply: DmsRequestsReply,
    auth: true,
    errors: ['FORBIDDEN'],
    handler: async (req) => {
      const status = DmsRequestsQuery.parse(req.query ?? {}).status;
      return { requests: requestsOf(ctx, await da(req.headers.authorization), status) };
    },
  });
  addRoute(app, {
    method: 'POST',
    path: '/dms/requests/:id/approve',
    summary: "Checker: approves with the checker's own fresh OTP; the action takes effect",
    body: DmsApproveRequest,
    reply: DmsRequestReply,
    auth: true,
    errors: [
      'SAME_DA',
      'REQUEST_NOT_PENDING',
      'OTP_INVALID',
      'OTP_REUSED',
      'NOT_FOUND',
      'FORBIDDEN',
      'EMAIL_DELIVERY_FAILED',
    ],
    handler: async (req, body) => ({
      request: await approveRequest(
        ctx,
        await da(req.headers.authorization),
        idOf(req.params),
        body.code,
      ),
    }),
  });
  addRoute(app, {
    method: 'POST',
    path: '/dms/requests/:id/reject',
    summary: 'Checker: rejects with a reason',
    body: DmsRejectRequest,
    reply: DmsRequestReply,
    auth: true,
    errors: ['SAME_DA', 'REQUEST_NOT_PENDING', 'NOT_FOUND', 'FORBIDDEN'],
    handler: async (req, body) => ({
      request: rejectRequest(
        ctx,
        await da(req.headers.authorization),
        idOf(req.params),
        body.reason,
      ),
    }),
  });
}
