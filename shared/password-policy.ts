import * as z from 'zod';
import { PASSWORD_RULES } from './values.js';

/** The password rules the host enforces; it sends them so the client can show them live. */
export const PasswordPolicy = z.strictObject({
  minLength: z.number().int().positive(),
  maxLength: z.number().int().positive(),
  requireLetter: z.boolean(),
  requireDigit: z.boolean(),
  requireSymbol: z.boolean(),
  disallowUserId: z.boolean(),
  historyCount: z.number().int().nonnegative(),
  disallowCommon: z.boolean(),
});
/** The password rules the host enforces. */
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

/** Rule ids, as the host lists them in `PASSWORD_POLICY.violations`. */
export const PasswordRule = z.enum(PASSWORD_RULES);
/** One password rule id. */
export type PasswordRule = z.infer<typeof PasswordRule>;

/** docs/protocol.md: 10 to 64 characters for users. */
export const USER_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 10,
  maxLength: 64,
  requireLetter: true,
  requireDigit: true,
  requireSymbol: true,
  disallowUserId: true,
  historyCount: 5,
  disallowCommon: true,
};

/** docs/protocol.md: 16 characters minimum for Delegated Administrators. */
export const DA_PASSWORD_POLICY: PasswordPolicy = { ...USER_PASSWORD_POLICY, minLength: 16 };

/**
 * The rules a password breaks that can be judged without the host's data (history and the
 * common-password list stay on the host). Shared so the live checklist and the host agree.
 */
export function localPasswordViolations(
  policy: PasswordPolicy,
  password: string,
  userId: string,
): PasswordRule[] {
  const out: PasswordRule[] = [];
  // Count code points, not UTF-16 units, so a CJK or emoji character counts once.
  const length = [...password].length;
  if (length < policy.minLength) out.push('min_length');
  if (length > policy.maxLength) out.push('max_length');
  if (policy.requireLetter && !/\p{L}/u.test(password)) out.push('letter');
  if (policy.requireDigit && !/\p{Nd}/u.test(password)) out.push('digit');
  if (policy.requireSymbol && !/[^\p{L}\p{Nd}\s]/u.test(password)) out.push('symbol');
  if (
    policy.disallowUserId &&
    userId.length > 0 &&
    password.toLowerCase().includes(userId.toLowerCase())
  ) {
    out.push('user_id');
  }
  return out;
}
