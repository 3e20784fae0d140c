import type { FastifyInstance } from 'fastify';
import {
  LoginReply,
  LoginRequest,
  OtpRequest,
  ResendReply,
  ResendRequest,
  SessionReply,
} from '../../shared/protocol.js';
import type { SimContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { login } from '../auth/login.js';
import { answerChallenge, resendChallenge } from '../auth/challenge.js';

/** `POST /auth/login`, `/auth/otp`, `/auth/otp/resend`. */
export function authRoutes(app: FastifyInstance, ctx: SimContext): void {
  addRoute(app, {
    method: 'POST',
    path: '/auth/login',
    summary: 'First factor: user ID and password',
    body: LoginRequest,
    reply: LoginReply,
    errors: [
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
      'ACCOUNT_SUSPENDED',
      'PASSWORD_EXPIRED',
      'RATE_LIMITED',
      'EMAIL_DELIVERY_FAILED',
    ],
    handler: (req, body) => login(ctx, body, req.ip),
  });
  addRoute(app, {
    method: 'POST',
    path: '/auth/otp',
    summary: 'Second factor: the one-time password of a login challenge',
    body: OtpRequest,
    reply: SessionReply,
    errors: ['OTP_INVALID', 'OTP_EXPIRED', 'OTP_REUSED', 'CHALLENGE_EXPIRED', 'ACCOUNT_LOCKED'],
    handler: (_req, body) => answerChallenge(ctx, body.challengeId, body.code),
  });
  addRoute(app, {
    method: 'POST',
    path: '/auth/otp/resend',
    summary: 'Sends a new email code for a challenge (email channel only)',
    body: ResendRequest,
    reply: ResendReply,
    errors: [
      'RESEND_TOO_SOON',
      'RESEND_LIMIT',
      'CHALLENGE_EXPIRED',
      'INVALID_REQUEST',
      'EMAIL_DELIVERY_FAILED',
    ],
    handler: (_req, body) => resendChallenge(ctx, body.challengeId),
  });
}
