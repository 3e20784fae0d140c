import type { FastifyInstance } from 'fastify';
import { HostCalls } from '../../shared/host-calls.js';
import type { SimContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { login } from '../auth/login.js';
import { answerChallenge, resendChallenge } from '../auth/challenge.js';

/** `POST /auth/login`, `/auth/otp`, `/auth/otp/resend`. */
export function authRoutes(app: FastifyInstance, ctx: SimContext): void {
  addRoute(app, HostCalls.login, (req, { body }) => login(ctx, body, req.ip));
  addRoute(app, HostCalls.submitOtp, (_req, { body }) =>
    answerChallenge(ctx, body.challengeId, body.code),
  );
  addRoute(app, HostCalls.resendOtp, (_req, { body }) => resendChallenge(ctx, body.challengeId));
}
