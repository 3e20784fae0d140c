import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MaintenanceWindow } from '../../../shared/index.js';
import { useNow } from '../../components/use-now.js';
import { formatDateTime } from '../../i18n/format-time.js';
import { joinSentences } from '../../i18n/error-sentence.js';
import { useHostStatusStore } from '../../state/host-status-store.js';

/** How far ahead the sign-in screen announces a window. */
export const MAINTENANCE_NOTICE_DAYS = 7;

/** The window in progress at `now`, if any. */
export function currentWindow(windows: MaintenanceWindow[], now: number) {
  return windows.find((w) => Date.parse(w.startsAt) <= now && now < Date.parse(w.endsAt));
}

/** The next window starting within 7 days of `now`, if any. */
function nextWindow(windows: MaintenanceWindow[], now: number) {
  const horizon = now + MAINTENANCE_NOTICE_DAYS * 86_400_000;
  return windows.find((w) => Date.parse(w.startsAt) > now && Date.parse(w.startsAt) <= horizon);
}

/** The window in progress now, by the host's announcement (re-read every 15 s). */
export function useCurrentMaintenance(): MaintenanceWindow | undefined {
  const windows = useHostStatusStore((s) => s.status.maintenance);
  const now = useNow(15_000, windows.length > 0);
  return currentWindow(windows, now);
}

/**
 * The sign-in screen's maintenance line: the window in progress ("under maintenance until 23:30",
 * Sign in is then unavailable) or the next one within 7 days ("5 Dec 2026 22:00 – 23:30").
 */
export function MaintenanceNotice() {
  const { t, i18n } = useTranslation('common');
  const language = i18n.language;
  const windows = useHostStatusStore((s) => s.status.maintenance);
  const now = useNow(15_000, windows.length > 0);
  const current = currentWindow(windows, now);
  const next = current ? undefined : nextWindow(windows, now);
  const shown = current ?? next;
  if (!shown) return null;
  const title = language.startsWith('zh') ? (shown.titleZh ?? shown.title) : shown.title;
  // The end on the start's own day is just its time ("22:00 – 23:30").
  const end = formatDateTime(shown.endsAt, language, { now: Date.parse(shown.startsAt) });
  const text = current
    ? t('maintenance.current', { time: formatDateTime(current.endsAt, language) })
    : t('maintenance.upcoming', { start: formatDateTime(shown.startsAt, language), end });
  return (
    <MessageBar
      intent={current ? 'warning' : 'info'}
      layout="multiline"
      data-testid="maintenance-notice"
    >
      <MessageBarBody>
        {/* Ahead, the sentence itself starts "Scheduled maintenance:"; a title would say it twice. */}
        {current ? <MessageBarTitle>{t('maintenance.currentTitle')}</MessageBarTitle> : null}
        {joinSentences([text, title ?? ''], language)}
      </MessageBarBody>
    </MessageBar>
  );
}
