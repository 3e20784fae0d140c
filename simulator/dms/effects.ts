import { CcmsError } from '../../shared/errors.js';
import type { SimContext } from '../context.js';
import { clearLockout, findUser, revokeSessions } from '../store/users.js';
import { newTemporaryPassword } from '../auth/secrets.js';
import { temporaryPasswordMail } from '../mail/templates.js';
import type { RequestRow } from './requests-store.js';
import { stmt } from '../store/db.js';
import { assertApplicable } from './service.js';

/**
 * What an approved request does to its user. Slow and fallible work (hashing, mail) happens in
 * `prepare`; `apply` is synchronous so it runs inside the approval's transaction.
 */
export async function prepareEffect(ctx: SimContext, request: RequestRow): Promise<() => void> {
  const user = findUser(ctx.db, request.user_id);
  if (user === undefined)
    throw new CcmsError('NOT_FOUND', `User ${request.user_id} no longer exists.`);
  const now = ctx.clock.now();
  const id = user.user_id;
  switch (request.action) {
    case 'set_email':
      return () =>
        stmt(ctx.db, 'UPDATE users SET email = ? WHERE user_id = ?').run(request.email, id);
    case 'reset_password': {
      if (user.email === null) {
        throw new CcmsError(
          'EMAIL_NOT_REGISTERED',
          `No email is registered for ${id}; set one first.`,
        );
      }
      const temporary = newTemporaryPassword();
      const expiresAt = now + ctx.settings.temporaryPasswordTtlSec * 1000;
      const hash = await ctx.hasher.hash(temporary);
      await ctx.mailer.send(user.email, id, temporaryPasswordMail(id, temporary, expiresAt));
      return () => {
        stmt(
          ctx.db,
          'UPDATE users SET password_hash = ?, must_change_password = 1, temp_password_expires_at = ? WHERE user_id = ?',
        ).run(hash, expiresAt, id);
        clearLockout(ctx.db, id);
        revokeSessions(ctx.db, id, now);
      };
    }
    case 'reset_2fa':
      // The new channel replaces any temporary email OTP exception.
      return () => {
        stmt(
          ctx.db,
          'UPDATE users SET channel = NULL, totp_secret_enc = NULL, needs_channel = 1, temp_email_otp_until = NULL WHERE user_id = ?',
        ).run(id);
        revokeSessions(ctx.db, id, now);
      };
    case 'unlock':
      return () => clearLockout(ctx.db, id);
    case 'suspend':
      return () => {
        stmt(ctx.db, 'UPDATE users SET suspended = 1 WHERE user_id = ?').run(id);
        revokeSessions(ctx.db, id, now);
      };
    case 'reactivate':
      return () => stmt(ctx.db, 'UPDATE users SET suspended = 0 WHERE user_id = ?').run(id);
    case 'temp_email_otp': {
      // The user may have changed since the request (a reset 2FA, an email removed): the shared
      // rule is checked again (its duration was bounded when the request was made).
      assertApplicable(ctx, user, 'temp_email_otp');
      const until = now + (request.duration_sec ?? 0) * 1000;
      return () =>
        stmt(ctx.db, 'UPDATE users SET temp_email_otp_until = ? WHERE user_id = ?').run(until, id);
    }
  }
}
