import { CcmsError } from '../../shared/errors.js';
import type { SimContext } from '../context.js';
import { otpMail, type MailContent } from '../mail/templates.js';
import { newNumericCode } from './secrets.js';

/**
 * Sends a fresh email code; returns its keyed hash and expiry (the code itself is not kept). A code
 * expires no later than `notAfterMs`, the end of what it belongs to (a login challenge), and its
 * mail names that expiry: a resend never stretches the challenge. `template` writes the mail (the
 * sign-in one unless given).
 */
export async function sendChallengeCode(
  ctx: SimContext,
  userId: string,
  email: string,
  notAfterMs = Number.POSITIVE_INFINITY,
  template: (
    userId: string,
    code: string,
    expiresAtMs: number,
    ttlSec: number,
  ) => MailContent = otpMail,
): Promise<{ codeHash: string; codeExpiresAt: number }> {
  const code = newNumericCode();
  const now = ctx.clock.now();
  const codeExpiresAt = Math.min(now + ctx.settings.emailOtpTtlSec * 1000, notAfterMs);
  await ctx.mailer.send(
    email,
    userId,
    template(userId, code, codeExpiresAt, (codeExpiresAt - now) / 1000),
  );
  return { codeHash: ctx.box.mac(code), codeExpiresAt };
}

/** The resend rules: cooldown since the last send, and a cap on sends. Throws when refused. */
export function assertResendAllowed(
  ctx: SimContext,
  sends: number,
  lastSentAt: number | null,
): void {
  if (sends >= ctx.settings.emailMaxSends) {
    throw new CcmsError(
      'RESEND_LIMIT',
      `At most ${ctx.settings.emailMaxSends} codes can be sent; sign in again.`,
    );
  }
  if (lastSentAt === null) return;
  const readyAt = lastSentAt + ctx.settings.emailResendCooldownSec * 1000;
  const now = ctx.clock.now();
  if (now < readyAt) {
    throw new CcmsError('RESEND_TOO_SOON', 'A new code can be sent a little later.', {
      retryAfterSec: Math.ceil((readyAt - now) / 1000),
    });
  }
}
