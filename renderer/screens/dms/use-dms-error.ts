import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/index.js';
import { errorSentence } from '../../i18n/error-sentence.js';

/** DMS errors in the console's own words where the generic sentence would not say enough. */
export function useDmsErrorSentence(): (error: AppError) => string {
  const { t, i18n } = useTranslation('dms');
  return (error) =>
    error.code === 'SAME_DA' || error.code === 'REQUEST_NOT_PENDING'
      ? t(`errors.${error.code}`)
      : errorSentence(t, error, i18n.language);
}
