import type { TFunction } from 'i18next';
import type { AppError } from '../../shared/index.js';
import { formatDateTime } from './format-time.js';

/**
 * The sentence(s) a screen shows for an error: `errors:<CODE>` with the facts the error carries
 * (lock end, seconds to wait, attempts left). Never looks at `error.message`, which is English for
 * logs and IT.
 */
export function errorSentence(t: TFunction, error: AppError, language: string): string {
  const parts: string[] = [];
  if (error.code === 'ACCOUNT_LOCKED' && error.lockedUntil) {
    parts.push(
      // The lock's end in Hong Kong time, with its date unless it is today (format-time.ts).
      t('errors:ACCOUNT_LOCKED_until', { time: formatDateTime(error.lockedUntil, language) }),
    );
  } else if (error.code === 'HOST_MAINTENANCE' && error.endsAt) {
    parts.push(
      t('errors:HOST_MAINTENANCE_until', { time: formatDateTime(error.endsAt, language) }),
    );
  } else if (
    (error.code === 'RATE_LIMITED' || error.code === 'RESEND_TOO_SOON') &&
    error.retryAfterSec !== undefined
  ) {
    parts.push(t(`errors:${error.code}_retry`, { seconds: error.retryAfterSec }));
  } else if (error.code === 'UNLOCK_CODE_NOT_SENT' && error.retryAfterSec !== undefined) {
    // Minutes, rounded up: the wait is the rest of the host's idle timeout.
    const minutes = Math.max(1, Math.ceil(error.retryAfterSec / 60));
    parts.push(t('errors:UNLOCK_CODE_NOT_SENT_retry', { minutes }));
  } else {
    // Proxy errors name the proxy server, and the sign-in scheme it asked for.
    parts.push(t(`errors:${error.code}`, { proxy: error.proxy, scheme: error.proxyScheme }));
  }
  if (error.code === 'INVALID_CREDENTIALS') {
    // Only the last attempt is worth a warning: four "4, 3, 2 left" lines would read as noise.
    if (error.attemptsLeft === 1) parts.push(lastPasswordAttempt(t, error.lockDurationSec));
  } else if (error.attemptsLeft !== undefined && error.code !== 'ACCOUNT_LOCKED') {
    parts.push(t('errors:attemptsLeft', { count: error.attemptsLeft }));
  }
  return joinSentences(parts, language);
}

/** The warning before the password attempt that would lock the account, with the lock's length. */
function lastPasswordAttempt(t: TFunction, lockDurationSec: number | undefined): string {
  if (lockDurationSec === undefined || lockDurationSec <= 0) return t('errors:lastPasswordAttempt');
  const minutes = Math.max(1, Math.round(lockDurationSec / 60));
  return t('errors:lastPasswordAttemptFor', { count: minutes });
}

/** Joins sentences the way the language writes them: Chinese puts no space after "。". */
export function joinSentences(parts: string[], language: string): string {
  return parts.filter(Boolean).join(language.startsWith('zh') ? '' : ' ');
}
