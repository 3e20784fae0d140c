// The contract's plain values: the lists and rules the renderer needs at start-up, with no zod.
// The zod schemas in protocol.ts, bridge.ts and password-policy.ts are built from these, so
// there is one list of each; the renderer imports this file (and app-error.ts) for values and
// the others for types only, which keeps zod out of the login window's JavaScript
// (test/lint/initial-bundle.test.ts).

/** A user ID as the clearing house issues them: letters, digits, dot, dash or underscore. */
export const USER_ID_PATTERN = /^[A-Za-z0-9._-]+$/;
/** The longest user ID the host takes. */
export const USER_ID_MAX = 32;

/** Whether `text` (already trimmed) is a user ID by the contract's rule (`UserId`). */
export function isUserId(text: string): boolean {
  return text.length >= 1 && text.length <= USER_ID_MAX && USER_ID_PATTERN.test(text);
}

/** The interface languages. */
export const LANGUAGE_IDS = ['en', 'zh-HK'] as const;
/** The host environments a terminal can reach. */
export const ENVIRONMENT_IDS = ['production', 'connectivity-test', 'simulator'] as const;

/** Rule ids, as the host lists them in `PASSWORD_POLICY.violations`. */
export const PASSWORD_RULES = [
  'min_length',
  'max_length',
  'letter',
  'digit',
  'symbol',
  'user_id',
  'history',
  'common',
] as const;

/** The connectivity check's steps, in the order they run. */
export const DIAGNOSTIC_STEP_IDS = [
  'dns',
  'tcp',
  'tls',
  'health',
  'clock',
  'proxy',
  'keychain',
] as const;

/** Whether `value` is one of `list`; narrows it to the list's type. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
