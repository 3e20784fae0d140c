import { useTranslation } from 'react-i18next';
import { Badge, Spinner, type BadgeProps } from '@fluentui/react-components';
import type { DiagnosticStep } from '../../../shared/index.js';
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
  const { t } = useTranslation('diagnostics');
  const styles = useDiagnosticsStyles();
  const adviceKey = 'adviceKey' in step ? step.adviceKey : undefined;
  // Advice keys come from the core; an unknown one still gets useful words, never a raw key.
  const advice =
    adviceKey !== undefined
      ? t(`advice.${adviceKey}`, { defaultValue: t('advice.generic') })
      : step.status === 'fail'
        ? t('advice.generic')
        : null;
  const details = Object.entries(step.details);
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
          {details.map(([k, v]) => (
            <div key={k} className={styles.detail}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
