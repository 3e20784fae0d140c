import { CcmsError } from '../../shared/errors.js';
import { localPasswordViolations, type PasswordRule } from '../../shared/password-policy.js';
import type { SimContext } from '../context.js';
import type { UserRow } from '../store/users.js';
import { policyFor } from './login.js';
import { isCommonPassword } from './common-passwords.js';
import { stmt } from '../store/db.js';

/** Every rule a new password breaks, history and the common list included. */
export async function passwordViolations(
  ctx: SimContext,
  user: UserRow,
  password: string,
): Promise<PasswordRule[]> {
  const policy = policyFor(ctx, user);
  const out = localPasswordViolations(policy, password, user.user_id);
  if (policy.disallowCommon && isCommonPassword(password)) out.push('common');
  if (policy.historyCount > 0 && (await inHistory(ctx, user, password, policy.historyCount)))
    out.push('history');
  return out;
}

// The last N passwords the user chose, and the current one (a temporary password included).
async function inHistory(
  ctx: SimContext,
  user: UserRow,
  password: string,
  n: number,
): Promise<boolean> {
  const rows = stmt(
    ctx.db,
    'SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?',
  ).all(user.user_id, n) as Array<{ password_hash: string }>;
  const hashes = new Set([user.password_hash, ...rows.map((r) => r.password_hash)]);
  const results = await Promise.all([...hashes].map((h) => ctx.hasher.verify(h, password)));
  return results.some(Boolean);
}

/** Checks the policy and stores the new password with its history; throws PASSWORD_POLICY. */
export async function changePassword(
  ctx: SimContext,
  user: UserRow,
  password: string,
): Promise<void> {
  const violations = await passwordViolations(ctx, user, password);
  if (violations.length > 0) {
    throw new CcmsError(
      'PASSWORD_POLICY',
      `The new password breaks the policy: ${violations.join(', ')}.`,
      {
        violations,
      },
    );
  }
  const hash = await ctx.hasher.hash(password);
  const now = ctx.clock.now();
  ctx.db
    .transaction(() => {
      stmt(
        ctx.db,
        'UPDATE users SET password_hash = ?, must_change_password = 0, temp_password_expires_at = NULL WHERE user_id = ?',
      ).run(hash, user.user_id);
      stmt(
        ctx.db,
        'INSERT INTO password_history (user_id, password_hash, set_at) VALUES (?, ?, ?)',
      ).run(user.user_id, hash, now);
      // Keep only what the rule needs: old hashes are still hashes of real passwords.
      stmt(
        ctx.db,
        `DELETE FROM password_history WHERE user_id = ? AND id NOT IN
             (SELECT id FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?)`,
      ).run(user.user_id, user.user_id, Math.max(ctx.settings.passwordHistory, 1));
    })
    .immediate();
}
