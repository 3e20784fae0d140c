import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import {
  Checkmark16Filled,
  Dismiss16Filled,
  Info16Regular,
  Circle16Regular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import {
  localPasswordViolations,
  type PasswordPolicy,
  type PasswordRule,
} from '../../../shared/index.js';
import { visuallyHidden } from '../../components/visually-hidden.js';

/** Props of the live password checklist. */
export interface PasswordChecklistProps {
  policy: PasswordPolicy;
  password: string;
  userId: string;
  /** Rules the host reported broken for the last password sent. */
  hostViolations: PasswordRule[];
}

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  met: { color: tokens.colorPaletteGreenForeground1 },
  unmet: { color: tokens.colorPaletteRedForeground1 },
  host: { color: tokens.colorNeutralForeground2 },
  icon: { flexShrink: 0, marginTop: '2px' },
  hidden: visuallyHidden,
  refused: { display: 'block', fontWeight: tokens.fontWeightSemibold },
});

/** The rules that apply under a policy, in the order they are shown. */
export function applicableRules(policy: PasswordPolicy): PasswordRule[] {
  const rules: PasswordRule[] = ['min_length', 'max_length'];
  if (policy.requireLetter) rules.push('letter');
  if (policy.requireDigit) rules.push('digit');
  if (policy.requireSymbol) rules.push('symbol');
  if (policy.disallowUserId) rules.push('user_id');
  if (policy.historyCount > 0) rules.push('history');
  if (policy.disallowCommon) rules.push('common');
  return rules;
}

const HOST_ONLY: ReadonlySet<PasswordRule> = new Set(['history', 'common']);

/** The id of the sentence that says why the host refused a password under `rule`. */
export function refusedRuleId(rule: PasswordRule): string {
  return `password-rule-refused-${rule}`;
}

/**
 * The host's policy as a live checklist: local rules are judged as the user types (with the same
 * function the host uses); history and common-password rules are marked "checked by the host"
 * until the host reports them broken. A rule the host refused the typed password under is marked
 * failed, with the reason beside it, until the password is edited (the store then drops the
 * verdict).
 */
export function PasswordChecklist({
  policy,
  password,
  userId,
  hostViolations,
}: PasswordChecklistProps) {
  const { t } = useTranslation('init');
  const styles = useStyles();
  const broken = new Set(localPasswordViolations(policy, password, userId));
  const hostBroken = new Set(hostViolations);

  return (
    <div>
      <Text id="password-rules-heading" weight="semibold">
        {t('password.rulesHeading')}
      </Text>
      <ul className={styles.list} aria-labelledby="password-rules-heading" id="password-rules">
        {applicableRules(policy).map((rule) => {
          // The host's verdict on the password still typed wins; otherwise local rules are judged
          // live and the host-only ones wait for the host.
          const state = hostBroken.has(rule)
            ? 'hostFailed'
            : HOST_ONLY.has(rule)
              ? 'host'
              : broken.has(rule)
                ? 'unmet'
                : 'met';
          // Nothing typed yet: the rules are a plan, not a failure, so no red.
          const neutral = password === '' && state === 'unmet';
          const icon =
            state === 'met' ? (
              <Checkmark16Filled className={styles.icon} />
            ) : state === 'host' ? (
              <Info16Regular className={styles.icon} />
            ) : neutral ? (
              <Circle16Regular className={styles.icon} />
            ) : (
              <Dismiss16Filled className={styles.icon} />
            );
          const tone =
            state === 'met' ? styles.met : state === 'host' || neutral ? styles.host : styles.unmet;
          return (
            <li
              key={rule}
              className={mergeClasses(styles.item, tone)}
              data-rule={rule}
              data-state={state}
            >
              <span aria-hidden="true">{icon}</span>
              <Text>
                {t(`rules.${rule}`, {
                  min: policy.minLength,
                  max: policy.maxLength,
                  count: policy.historyCount,
                })}
                <span className={styles.hidden}> ({t(`ruleState.${state}`)})</span>
                {state === 'hostFailed' ? (
                  <span id={refusedRuleId(rule)} role="alert" className={styles.refused}>
                    {t(
                      rule === 'history' || rule === 'common' ? `refused.${rule}` : 'refused.other',
                      {
                        count: policy.historyCount,
                      },
                    )}
                  </span>
                ) : null}
              </Text>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
