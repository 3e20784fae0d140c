import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  mergeClasses,
} from '@fluentui/react-components';
import type { TerminalSummary } from '../../../shared/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useFocusWhenLost } from '../../components/use-focus-when-lost.js';
import { errorSentence } from '../../i18n/error-sentence.js';
import { formatDateTime } from '../../i18n/format-time.js';
import { useShellStore } from '../../state/shell-store.js';
import { useShellStyles } from './shell-styles.js';
import { formatExcess } from './amounts.js';

/** The terminal home: accounts, collateral balances and notices from `getTerminalSummary`. */
export function TerminalHome() {
  const { t, i18n } = useTranslation('shell');
  const styles = useShellStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { summaryStatus, summary, summaryError, loadSummary } = useShellStore();
  // After sign-in or unlock the screen that had focus is gone: the heading takes it.
  useFocusWhenLost(headingRef);

  useEffect(() => {
    if (useShellStore.getState().summaryStatus === 'idle') void loadSummary();
  }, [loadSummary]);

  return (
    <section
      className={styles.home}
      aria-labelledby="home-heading"
      aria-busy={summaryStatus === 'loading'}
    >
      <h1 id="home-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
        {t('home.heading')}
      </h1>
      {summaryStatus === 'loading' && !summary && (
        <Spinner label={t('home.loading')} labelPosition="after" size="small" />
      )}
      {summaryStatus === 'error' && summaryError && (
        <>
          <ErrorMessage
            title={t('home.loadFailed')}
            message={errorSentence(t, summaryError, i18n.language)}
            focus={false}
          />
          <div>
            <Button onClick={() => void loadSummary()}>{t('home.retry')}</Button>
          </div>
        </>
      )}
      {summary && (
        <SummaryView
          summary={summary}
          refreshing={summaryStatus === 'loading'}
          onRefresh={() => void loadSummary()}
        />
      )}
    </section>
  );
}

function SummaryView(props: { summary: TerminalSummary; refreshing: boolean; onRefresh(): void }) {
  const { summary } = props;
  const { t, i18n } = useTranslation('shell');
  const styles = useShellStyles();
  const lang = i18n.language;
  const amount = new Intl.NumberFormat(lang, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const when = (iso: string) => formatDateTime(iso, lang);
  const zh = lang === 'zh-HK';

  return (
    <>
      <div className={styles.row}>
        <p className={styles.muted}>{t('home.asOf', { time: when(summary.asOf) })}</p>
        <Button size="small" onClick={props.onRefresh} disabled={props.refreshing}>
          {t('home.refresh')}
        </Button>
      </div>

      <section className={styles.card} aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className={styles.subheading}>
          {t('home.accounts.heading')}
        </h2>
        {summary.accounts.length === 0 ? (
          <p className={styles.muted}>{t('home.accounts.empty')}</p>
        ) : (
          <Table
            aria-label={t('home.accounts.caption', { participant: summary.participant.name })}
            size="small"
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('home.accounts.accountId')}</TableHeaderCell>
                <TableHeaderCell>{t('home.accounts.name')}</TableHeaderCell>
                <TableHeaderCell>{t('home.accounts.type')}</TableHeaderCell>
                <TableHeaderCell>{t('home.accounts.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.accounts.map((a) => (
                <TableRow key={a.accountId}>
                  <TableCell>{a.accountId}</TableCell>
                  <TableCell>{a.name}</TableCell>
                  {/* Known host codes read in the user's language; an unknown one as the host sent it. */}
                  <TableCell>
                    {t(`home.accounts.types.${a.type}`, { defaultValue: a.type })}
                  </TableCell>
                  <TableCell>
                    {t(`home.accounts.statuses.${a.status}`, { defaultValue: a.status })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className={styles.card} aria-labelledby="collateral-heading">
        <h2 id="collateral-heading" className={styles.subheading}>
          {t('home.collateral.heading')}
        </h2>
        {summary.collateral.length === 0 ? (
          <p className={styles.muted}>{t('home.collateral.empty')}</p>
        ) : (
          <Table aria-label={t('home.collateral.caption')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('home.collateral.currency')}</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.number, styles.numberHeader)}>
                  {t('home.collateral.required')}
                </TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.number, styles.numberHeader)}>
                  {t('home.collateral.deposited')}
                </TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.number, styles.numberHeader)}>
                  {t('home.collateral.excess')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.collateral.map((c) => (
                <TableRow key={c.currency}>
                  <TableCell>{c.currency}</TableCell>
                  <TableCell className={styles.number}>{amount.format(c.required)}</TableCell>
                  <TableCell className={styles.number}>{amount.format(c.deposited)}</TableCell>
                  <TableCell
                    className={mergeClasses(styles.number, c.excess < 0 && styles.negative)}
                  >
                    {formatExcess(amount, c.excess)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className={styles.card} aria-labelledby="notices-heading">
        <h2 id="notices-heading" className={styles.subheading}>
          {t('home.notices.heading')}
        </h2>
        {summary.notices.length === 0 ? (
          <p className={styles.muted}>{t('home.notices.empty')}</p>
        ) : (
          <ul className={styles.notices}>
            {summary.notices.map((n) => {
              const useZh = zh && n.titleZh !== undefined;
              return (
                <li key={n.id} className={styles.notice}>
                  <span lang={useZh ? 'zh-HK' : 'en'}>{useZh ? n.titleZh : n.title}</span>
                  <span className={styles.muted}>
                    {t('home.notices.published', { time: when(n.publishedAt) })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
