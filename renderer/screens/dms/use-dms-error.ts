import { useTranslation } from 'react-i18next';
import type { AppError, DmsAction, ErrorCode } from '../../../shared/index.js';
import { errorSentence } from '../../i18n/error-sentence.js';

/**
 * Codes whose generic sentence speaks to the signed-in user about their own account ("No email
 * address is registered for you"); in the DMS the DA reads them about the user of the request.
 */
const ABOUT_THE_USER: readonly ErrorCode[] = [
  'EMAIL_NOT_REGISTERED',
  'ACTION_NOT_APPLICABLE',
  'REQUEST_ALREADY_PENDING',
  'EMAIL_DELIVERY_FAILED',
  'CHANNEL_NOT_TOTP',
];
/** Codes the console words itself, with no user to name. */
const CONSOLE_OWN: readonly ErrorCode[] = ['SAME_DA', 'REQUEST_NOT_PENDING'];

/**
 * DMS errors in the console's own words, spoken to the DA about the user the request concerns
 * (`userId`), where the generic sentence would address the wrong person or say too little. The
 * request's `action` picks the advice where it differs (no email: for codes, not a reset).
 */
export function useDmsErrorSentence(): (
  error: AppError,
  userId?: string,
  action?: DmsAction,
) => string {
  const { t, i18n } = useTranslation('dms');
  return (error, userId, action) => {
    if (CONSOLE_OWN.includes(error.code)) return t(`errors.${error.code}`);
    if (
      error.code === 'EMAIL_NOT_REGISTERED' &&
      userId !== undefined &&
      action === 'temp_email_otp'
    )
      return t('errors.EMAIL_NOT_REGISTERED_FOR_CODES', { userId });
    if (userId !== undefined && ABOUT_THE_USER.includes(error.code))
      return t(`errors.${error.code}`, { userId });
    return errorSentence(t, error, i18n.language);
  };
}
