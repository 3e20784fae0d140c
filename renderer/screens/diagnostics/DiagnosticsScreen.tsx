import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { DiagnosticStepId } from '../../../shared/index.js';
import { useEscapeToClose } from '../../components/use-escape-to-close.js';
import { errorSentence } from '../../i18n/error-sentence.js';
import { selectDiagnosticsSummary, useDiagnosticsStore } from '../../state/diagnostics-store.js';
import { StepRow } from './StepRow.js';
import { SupportBundleButton } from './SupportBundleButton.js';
import { useDiagnosticsStyles } from './diagnostics-styles.js';

/** Props of the connectivity check screen. */
export interface DiagnosticsScreenProps {
  onClose(): void;
}

/** The connectivity check: runs the core's diagnostics with live progress, advice and the report. */
export default function DiagnosticsScreen({ onClose }: DiagnosticsScreenProps) {
  const { t, i18n } = useTranslation('diagnostics');
  const styles = useDiagnosticsStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEscapeToClose(onClose);
  const { status, steps, report, error, copyStatus, saving, savedPath, saveError } =
    useDiagnosticsStore();
  const run = useDiagnosticsStore((s) => s.run);
  const copyReport = useDiagnosticsStore((s) => s.copyReport);
  const saveReport = useDiagnosticsStore((s) => s.saveReport);
  const summary = selectDiagnosticsSummary({ steps });

  useEffect(() => {
    headingRef.current?.focus();
    // The operator opened the screen to check: start at once rather than ask for another click.
    if (useDiagnosticsStore.getState().status === 'idle') void run();
  }, [run]);

  // A fresh screen next time: the previous report belongs to the previous visit.
  useEffect(() => () => useDiagnosticsStore.getState().reset(), []);

  const rows = DiagnosticStepId.options.map(
    (id) => steps.find((s) => s.id === id) ?? { id, status: 'pending' as const, details: {} },
  );
  const running = status === 'running';

  return (
    <section className={styles.root} aria-labelledby="diagnostics-heading">
      <div className={styles.titleRow}>
        <h1 id="diagnostics-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
          {t('heading')}
        </h1>
        <Button onClick={onClose}>{t('close')}</Button>
      </div>
      <p className={styles.intro}>{t('intro')}</p>
      {/* Circulars call it the connectivity test: say how this check serves one. */}
      <p className={styles.intro}>{t('circular')}</p>
      {report && (
        <p className={styles.target}>
          {t('target', {
            url: report.hostUrl,
            environment: t(`common:environment.${report.environment}`),
          })}
        </p>
      )}
      <div>
        <Button appearance="primary" onClick={() => void run()} disabledFocusable={running}>
          {running ? t('running') : status === 'idle' ? t('run') : t('runAgain')}
        </Button>
      </div>

      <ol className={styles.steps} aria-label={t('stepsCaption')} aria-busy={running}>
        {rows.map((step) => (
          <StepRow key={step.id} step={step} />
        ))}
      </ol>

      <div role="status" aria-live="polite" className={styles.summary}>
        {running && <span className={styles.visuallyHidden}>{t('running')}</span>}
        {status === 'error' && error && (
          <MessageBar intent="error">
            <MessageBarBody>
              {t('summary.failed')} {errorSentence(t, error, i18n.language)}
            </MessageBarBody>
          </MessageBar>
        )}
        {status === 'done' && (
          <MessageBar
            intent={summary.fail > 0 ? 'error' : summary.warn > 0 ? 'warning' : 'success'}
          >
            <MessageBarBody>
              <strong>{t('summary.heading')}</strong>{' '}
              {summary.fail > 0
                ? t('summary.failures', { count: summary.fail })
                : summary.warn > 0
                  ? t('summary.warnings', { count: summary.warn })
                  : t('summary.allPassed')}{' '}
              {t('summary.counts', summary)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      {report && (
        <section aria-labelledby="diagnostics-report-heading" className={styles.report}>
          <h2 id="diagnostics-report-heading" className={styles.subheading}>
            {t('report.heading')}
          </h2>
          <Field label={t('report.label')}>
            <Textarea
              value={report.text}
              readOnly
              resize="vertical"
              rows={8}
              className={styles.reportText}
            />
          </Field>
          <div className={styles.buttons}>
            <Button onClick={() => void copyReport((text) => navigator.clipboard.writeText(text))}>
              {t('report.copy')}
            </Button>
            {/* Focusable while saving: a disabled button drops keyboard focus to <body>. */}
            <Button onClick={() => void saveReport()} disabledFocusable={saving}>
              {saving ? t('report.saving') : t('report.save')}
            </Button>
          </div>
          <div role="status" aria-live="polite">
            {copyStatus === 'copied' && <p className={styles.note}>{t('report.copied')}</p>}
            {copyStatus === 'failed' && <p className={styles.note}>{t('report.copyFailed')}</p>}
            {savedPath && <p className={styles.note}>{t('report.saved', { path: savedPath })}</p>}
            {saveError && (
              <MessageBar intent="error">
                <MessageBarBody>
                  {t('report.saveFailed')} {errorSentence(t, saveError, i18n.language)}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        </section>
      )}
      {(status === 'done' || status === 'error') && (
        <section aria-labelledby="diagnostics-bundle-heading" className={styles.report}>
          <h2 id="diagnostics-bundle-heading" className={styles.subheading}>
            {t('bundle.heading')}
          </h2>
          <p className={styles.note}>{t('bundle.intro')}</p>
          <SupportBundleButton />
        </section>
      )}
      <p className={styles.hotline}>{t('hotline')}</p>
    </section>
  );
}
