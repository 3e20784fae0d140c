import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { DmsAuditFilter, DmsUser } from '../../../shared/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDateTime } from '../../i18n/format-time.js';
import { useDmsAuditStore } from '../../state/dms-audit-store.js';
import { useDmsStyles } from './dms-styles.js';
import { useDmsErrorSentence } from './use-dms-error.js';

/**
 * The DMS audit: every request and decision of the participant, newest first, in Hong Kong time;
 * filtered by the user a request is about and by the DA who acted; exported as CSV.
 */
export function AuditView({ users }: { users: DmsUser[] }) {
  const { t, i18n } = useTranslation('dms');
  const styles = useDmsStyles();
  const sentence = useDmsErrorSentence();
  const { status, filter, entries, truncated, loadError, exporting, saved, exportError } =
    useDmsAuditStore();
  const { load, exportCsv, reset } = useDmsAuditStore();

  useEffect(() => {
    void load({});
    return reset;
  }, [load, reset]);

  const choose = (key: keyof DmsAuditFilter, value: string) => {
    const next: DmsAuditFilter = { ...filter };
    if (value === '') delete next[key];
    else next[key] = value;
    void load(next);
  };
  const das = users.filter((u) => u.roles.includes('da'));

  return (
    <section className={styles.card} aria-labelledby="dms-audit-heading">
      <h2 id="dms-audit-heading" className={styles.subheading}>
        {t('audit.heading')}
      </h2>
      <p className={styles.muted}>{t('audit.intro')}</p>
      <div className={styles.filters}>
        <Field label={t('audit.filterUser')}>
          <Select value={filter.userId ?? ''} onChange={(_, d) => choose('userId', d.value)}>
            <option value="">{t('audit.all')}</option>
            {users.map((u) => (
              <option key={u.userId} value={u.userId}>
                {u.userId} {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('audit.filterDa')}>
          <Select value={filter.daId ?? ''} onChange={(_, d) => choose('daId', d.value)}>
            <option value="">{t('audit.all')}</option>
            {das.map((u) => (
              <option key={u.userId} value={u.userId}>
                {u.userId} {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          className={styles.exportButton}
          onClick={() => void exportCsv()}
          disabled={exporting || status !== 'ready'}
        >
          {exporting ? t('audit.exporting') : t('audit.export')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {saved && (
          <MessageBar intent="success">
            <MessageBarBody className={styles.breakAnywhere}>
              {t(saved.truncated ? 'audit.exportedTruncated' : 'audit.exported', {
                count: saved.entries,
                path: saved.path,
              })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {exportError && (
        <ErrorMessage
          title={t('audit.exportFailed')}
          message={sentence(exportError)}
          trigger={exportError}
        />
      )}
      {status === 'loading' && entries.length === 0 && (
        <Spinner label={t('audit.loading')} size="small" labelPosition="after" />
      )}
      {status === 'error' && loadError && (
        <ErrorMessage title={t('audit.loadFailed')} message={sentence(loadError)} focus={false} />
      )}
      {status === 'ready' && entries.length === 0 && (
        <p className={styles.muted}>{t('audit.empty')}</p>
      )}
      {entries.length > 0 && (
        <Table aria-label={t('audit.caption')} size="small" className={styles.usersTable}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('audit.time')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.event')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.action')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.user')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.actor')}</TableHeaderCell>
              <TableHeaderCell>{t('audit.detail')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((e) => (
              <TableRow key={e.id} data-audit={e.event} data-request-id={e.requestId}>
                <TableCell className={styles.nowrap}>
                  {formatDateTime(e.at, i18n.language)}
                </TableCell>
                <TableCell>{t(`audit.events.${e.event}`)}</TableCell>
                <TableCell>{t(`action.${e.action}`)}</TableCell>
                <TableCell className={styles.nowrap}>{e.userId}</TableCell>
                <TableCell className={styles.nowrap}>
                  {e.actorId === 'system' ? t('audit.system') : e.actorId}
                </TableCell>
                <TableCell className={styles.breakAnywhere}>{e.detail ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {truncated && (
        <p className={styles.muted}>{t('audit.truncated', { count: entries.length })}</p>
      )}
    </section>
  );
}
