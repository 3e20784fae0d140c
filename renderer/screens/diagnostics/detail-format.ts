// A connectivity step's facts as the operator reads them: a translated label per fact and a value
// in the interface language (units, yes/no, dates). Codes and names (error codes, host names,
// certificate subjects) stay as the core sent them: they are what IT searches for.
import type { TFunction } from 'i18next';
import { DiagnosticDetailKey } from '../../../shared/index.js';
import { formatDate } from '../../i18n/format-time.js';

/** One fact, ready to show. */
export interface DetailView {
  key: string;
  label: string;
  value: string;
}

const YES_NO = new Set(['hostnameMatch', 'trusted', 'credentials', 'tested', 'available']);
const CHOICES = new Set(['source', 'transport', 'verifiedBy']);
/** Words the core or the host sends that have a name in the interface language. */
const WORDS: Record<string, (value: string) => string> = {
  status: (v) => `value.hostStatus.${v}`,
  environment: (v) => `common:environment.${v}`,
  rules: (v) => `value.rules.${v}`,
};

/** The value of a fact in the interface language; what it cannot read stays as sent. */
function formatValue(t: TFunction, language: string, key: string, value: string): string {
  const n = Number(value);
  const numeric = value.trim() !== '' && Number.isFinite(n);
  if (key === 'ms' && numeric) return t('value.ms', { value: n.toLocaleString(language) });
  if (key === 'offsetSec' && numeric)
    return t('value.seconds', { value: `${n > 0 ? '+' : ''}${n.toLocaleString(language)}` });
  if (key === 'daysToExpiry' && numeric) return t('value.days', { count: n });
  if (key === 'proxyStatus' && numeric) return t('value.httpStatus', { value });
  // Hong Kong's date, day first in English ("1 Mar 2027"); what it cannot read stays as sent.
  if (key === 'validTo') return formatDate(value, language);
  if (YES_NO.has(key) && (value === 'yes' || value === 'no')) return t(`value.${value}`);
  if (CHOICES.has(key)) return t(`value.${key}.${value}`, { defaultValue: value });
  // The host's status and environment, and Chromium's DIRECT, read as words; anything else the
  // host or the system answers (a proxy list, a new status) stays as sent, for IT.
  const word = WORDS[key];
  if (word && /^[\w-]+$/.test(value)) return t(word(value), { defaultValue: value });
  if (value === 'unknown') return t('value.unknown');
  return value;
}

/** Every fact of a step, labelled and formatted; an unknown fact keeps its key as its label. */
export function formatDetails(
  t: TFunction,
  language: string,
  details: Record<string, string>,
): DetailView[] {
  return Object.entries(details).map(([key, value]) => ({
    key,
    label: DiagnosticDetailKey.safeParse(key).success
      ? t(`detail.${key}`, { defaultValue: key })
      : key,
    value: formatValue(t, language, key, value),
  }));
}
