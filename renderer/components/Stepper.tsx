import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Checkmark16Regular } from '@fluentui/react-icons';
import { visuallyHidden } from './visually-hidden.js';

/** One step of a stepper. */
export interface StepperStep {
  id: string;
  label: string;
}

/** Props of the stepper. */
export interface StepperProps {
  steps: StepperStep[];
  currentId: string;
  /** Accessible name of the list, e.g. "Set-up steps". */
  label: string;
  /** Hidden text after each label: "completed", "current step", "not started". */
  stateLabels: { complete: string; current: string; upcoming: string };
}

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase300,
    paddingRight: tokens.spacingHorizontalS,
  },
  dot: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '24px',
    height: '24px',
    borderRadius: tokens.borderRadiusCircular,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    flexShrink: 0,
  },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  currentDot: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `1px solid ${tokens.colorBrandBackground}`,
  },
  completeDot: {
    backgroundColor: tokens.colorPaletteGreenBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `1px solid ${tokens.colorPaletteGreenBackground3}`,
  },
  hidden: visuallyHidden,
});

/**
 * An ordered list of steps (Fluent v9 has no stepper): the current one carries
 * aria-current="step", and each says its state in words, not only in colour.
 */
export function Stepper({ steps, currentId, label, stateLabels }: StepperProps) {
  const styles = useStyles();
  const currentIndex = Math.max(
    0,
    steps.findIndex((s) => s.id === currentId),
  );
  return (
    <nav aria-label={label}>
      <ol className={styles.list}>
        {steps.map((step, index) => {
          const state =
            index < currentIndex ? 'complete' : index === currentIndex ? 'current' : 'upcoming';
          return (
            <li
              key={step.id}
              className={mergeClasses(styles.item, state === 'current' && styles.current)}
              aria-current={state === 'current' ? 'step' : undefined}
              data-step={step.id}
            >
              <span
                aria-hidden="true"
                className={mergeClasses(
                  styles.dot,
                  state === 'current' && styles.currentDot,
                  state === 'complete' && styles.completeDot,
                )}
              >
                {state === 'complete' ? <Checkmark16Regular /> : index + 1}
              </span>
              <span>{step.label}</span>
              <span className={styles.hidden}>({stateLabels[state]})</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
