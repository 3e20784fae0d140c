import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { errorSentence } from '../../i18n/error-sentence.js';
import { formatDateTime } from '../../i18n/format-time.js';
import { useHistoryStore } from '../../state/history-store.js';
import { historyEventText } from './history-event-text.js';
import { useSettingsStyles } from './settings-styles.js';

/** How many entries the section lists at first, and how many more each "Show more" adds. */
const PAGE = 10;

/**
 * Settings: this workstation's sign-in history, newest first, with what is kept and for how long,
 * and the CSV export. No "clear": on a shared desk the record is there for everyone who sits at
 * it, so one user must not be able to wipe another's trail; the bounds keep it small instead.
 */
export function WorkstationHistorySection() {
  const { t, i18n } = useTranslation('settings');
  const styles = useSettingsStyles();
  const { history, loadError, exporting, exported, exportError, load, exportCsv } =
    useHistoryStore();
  const [shown, setShown] = useState(PAGE);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => () => useHistoryStore.getState().reset(), []);

  const entries = history?.entries ?? [];
  const visible = entries.slice(0, shown);
  const now = Date.now();

  return (
    <section className={styles.card} aria-labelledby="settings-history">
      <h2 id="settings-history" className={styles.subheading}>
        {t('history.heading')}
      </h2>
      <p className={styles.note}>{t('history.intro')}</p>
      <p className={styles.note}>
        {t('history.bounds', {
          max: (history?.maxEntries ?? 1000).toLocaleString(i18n.language),
          size: Math.round((history?.maxBytes ?? 262_144) / 1024).toLocaleString(i18n.language),
        })}
      </p>
      {loadError && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t('history.loadFailed')} {errorSentence(t, loadError, i18n.language)}
          </MessageBarBody>
        </MessageBar>
      )}
      {history && entries.length === 0 && <p className={styles.note}>{t('history.empty')}</p>}
      {visible.length > 0 && (
        <Table size="small" className={styles.historyTable} aria-labelledby="settings-history">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.historyTime}>
                {t('history.column.time')}
              </TableHeaderCell>
              <TableHeaderCell className={styles.historyUser}>
                {t('history.column.user')}
              </TableHeaderCell>
              <TableHeaderCell>{t('history.column.event')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((entry, i) => (
              <TableRow key={`${entry.at}-${i}`}>
                <TableCell className={styles.historyTime}>
                  <time dateTime={entry.at}>
                    {formatDateTime(entry.at, i18n.language, { now })}
                  </time>
                </TableCell>
                <TableCell className={styles.historyUser}>
                  {'userId' in entry && entry.userId ? entry.userId : t('history.userNotKept')}
                </TableCell>
                <TableCell>
                  {historyEventText(t, entry)}
                  {/* Production is the desk's normal case; a test environment is named. */}
                  {'environment' in entry && entry.environment !== 'production' && (
                    <span className={styles.historyEnv}>
                      {/* Full-width brackets in zh-HK carry their own space. */}
                      {i18n.language.startsWith('zh') ? '' : ' '}
                      {t('history.environment', {
                        environment: t(`environment.${entry.environment}`),
                      })}
                    </span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {entries.length > 0 && (
        <p className={styles.note}>
          {t('history.showing', { shown: visible.length, count: entries.length })}
        </p>
      )}
      <div className={styles.historyActions}>
        {entries.length > shown && (
          <Button onClick={() => setShown((n) => n + PAGE * 5)}>{t('history.showMore')}</Button>
        )}
        {/* disabledFocusable while exporting: a disabled button would drop focus to <body>. */}
        <Button
          onClick={() => void exportCsv()}
          disabled={entries.length === 0}
          disabledFocusable={exporting}
        >
          {exporting ? t('history.exporting') : t('history.export')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {exported && (
          <p className={styles.note}>
            {t('history.exported', { count: exported.entries, path: exported.path })}
          </p>
        )}
        {exportError && (
          <MessageBar intent="error">
            <MessageBarBody>
              {t('history.exportFailed')} {errorSentence(t, exportError, i18n.language)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
