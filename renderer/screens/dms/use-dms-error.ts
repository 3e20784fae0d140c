import { useTranslation } from 'react-i18next';
import type { AppError, ErrorCode } from '../../../shared/index.js';
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
];
/** Codes the console words itself, with no user to name. */
const CONSOLE_OWN: readonly ErrorCode[] = ['SAME_DA', 'REQUEST_NOT_PENDING'];

/**
 * DMS errors in the console's own words, spoken to the DA about the user the request concerns
 * (`userId`), where the generic sentence would address the wrong person or say too little.
 */
export function useDmsErrorSentence(): (error: AppError, userId?: string) => string {
  const { t, i18n } = useTranslation('dms');
  return (error, userId) => {
    if (CONSOLE_OWN.includes(error.code)) return t(`errors.${error.code}`);
    if (userId !== undefined && ABOUT_THE_USER.includes(error.code))
      return t(`errors.${error.code}`, { userId });
    return errorSentence(t, error, i18n.language);
  };
}
