import { useTranslation } from 'react-i18next';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { DmsRequest } from '../../../shared/index.js';
import { formatDateTime } from '../../i18n/format-time.js';
import { useDmsStyles } from './dms-styles.js';

/** Requests waiting for a checker; the maker sees their own marked, without decision buttons. */
export function PendingRequests(props: {
  requests: DmsRequest[];
  me: string;
  onDecide(request: DmsRequest, decision: 'approve' | 'reject'): void;
}) {
  const { t, i18n } = useTranslation('dms');
  const styles = useDmsStyles();
  const when = (iso: string) => formatDateTime(iso, i18n.language);

  if (props.requests.length === 0) return <p className={styles.muted}>{t('pending.empty')}</p>;
  return (
    <Table aria-label={t('pending.caption')} size="small" className={styles.usersTable}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.actionColumn}>{t('pending.action')}</TableHeaderCell>
          <TableHeaderCell>{t('pending.user')}</TableHeaderCell>
          <TableHeaderCell>{t('pending.maker')}</TableHeaderCell>
          <TableHeaderCell>{t('pending.created')}</TableHeaderCell>
          <TableHeaderCell>{t('pending.expires')}</TableHeaderCell>
          <TableHeaderCell>{t('pending.decide')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.requests.map((r) => {
          const mine = r.makerId === props.me;
          const vars = { action: t(`action.${r.action}`), userId: r.userId };
          return (
            // Focusable from script only: a user's "Request pending" menu item brings focus here.
            <TableRow
              key={r.id}
              data-request={r.id}
              tabIndex={-1}
              aria-label={t('pending.rowLabel', vars)}
              className={styles.focusedRow}
            >
              <TableCell>
                {t(`action.${r.action}`)}
                {r.email ? ` (${r.email})` : ''}
              </TableCell>
              <TableCell className={styles.nowrap}>{r.userId}</TableCell>
              <TableCell className={styles.nowrap}>{r.makerId}</TableCell>
              <TableCell className={styles.nowrap}>{when(r.createdAt)}</TableCell>
              <TableCell className={styles.nowrap}>{when(r.expiresAt)}</TableCell>
              <TableCell>
                {mine ? (
                  <span className={styles.muted}>{t('pending.own')}</span>
                ) : (
                  <span className={styles.buttons}>
                    <Button
                      size="small"
                      appearance="primary"
                      aria-label={t('pending.approveTitle', vars)}
                      onClick={() => props.onDecide(r, 'approve')}
                    >
                      {t('pending.approve')}
                    </Button>
                    <Button
                      size="small"
                      aria-label={t('pending.rejectTitle', vars)}
                      onClick={() => props.onDecide(r, 'reject')}
                    >
                      {t('pending.reject')}
                    </Button>
                  </span>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
