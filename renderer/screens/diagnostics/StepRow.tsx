import { useTranslation } from 'react-i18next';
import { Badge, Spinner, type BadgeProps } from '@fluentui/react-components';
import type { DiagnosticStep } from '../../../shared/index.js';
import { formatDetails } from './detail-format.js';
import { useDiagnosticsStyles } from './diagnostics-styles.js';

/** A step as the screen shows it: a reported step, or one still waiting for its turn. */
export type StepView =
  DiagnosticStep | { id: DiagnosticStep['id']; status: 'pending'; details: Record<string, string> };

const COLOR: Record<StepView['status'], BadgeProps['color']> = {
  pending: 'subtle',
  running: 'informative',
  pass: 'success',
  warn: 'warning',
  fail: 'danger',
  skipped: 'subtle',
};

/** One line of the connectivity check: the step, its outcome, plain advice and measured facts. */
export function StepRow({ step }: { step: StepView }) {
  const { t, i18n } = useTranslation('diagnostics');
  const styles = useDiagnosticsStyles();
  const adviceKey = 'adviceKey' in step ? step.adviceKey : undefined;
  // Advice keys come from the core; an unknown one still gets useful words, never a raw key.
  // Advice about a proxy names it (`host:port`, as the core reports it: never a sign-in).
  const advice =
    adviceKey !== undefined
      ? t(`advice.${adviceKey}`, {
          defaultValue: t('advice.generic'),
          proxy: step.details['proxy'] ?? step.details['via'] ?? '',
        })
      : step.status === 'fail'
        ? t('advice.generic')
        : null;
  const details = formatDetails(t, i18n.language, step.details);
  const name = t(`step.${step.id}`);

  return (
    <li className={styles.step} data-step={step.id} data-status={step.status}>
      <div className={styles.stepHead}>
        <span className={styles.stepName}>{name}</span>
        {step.status === 'running' ? (
          <Spinner size="extra-tiny" label={t('status.running')} labelPosition="after" />
        ) : (
          <Badge
            appearance={step.status === 'pending' ? 'outline' : 'filled'}
            color={COLOR[step.status]}
          >
            {t(`status.${step.status}`)}
          </Badge>
        )}
      </div>
      {advice && <p className={styles.advice}>{advice}</p>}
      {details.length > 0 && (
        <dl className={styles.details}>
          {details.map((d) => (
            <div key={d.key} className={styles.detail} data-detail={d.key}>
              <dt>{d.label}</dt>
              <dd>{d.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
