import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../components/SubmitButton.js';
import { localPasswordViolations, type PasswordPolicy } from '../../../shared/index.js';
import { PasswordField } from '../../components/PasswordField.js';
import { passwordFieldLabels } from '../../i18n/password-field-labels.js';
import { useInitStore } from '../../state/init-store.js';
import { PasswordChecklist, refusedRuleId } from './PasswordChecklist.js';
import { useStepStyles } from './styles.js';

/** Props of the new-password step. */
export interface PasswordStepProps {
  policy: PasswordPolicy;
  userId: string;
}

const useStyles = makeStyles({
  // Fields and Save on the left, the rules beside them: the whole step fits above the fold at
  // 1280x800 and 900x600 (a single column pushed Save to the window's bottom edge).
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
  },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Step 1: a new password checked live against the host's policy, typed twice. */
export function PasswordStep({ policy, userId }: PasswordStepProps) {
  const { t } = useTranslation(['init', 'login']);
  const styles = { ...useStepStyles(), ...useStyles() };
  const pending = useInitStore((s) => s.pending === 'password');
  const hostViolations = useInitStore((s) => s.hostViolations);
  const error = useInitStore((s) => s.error);
  const setPasswordOnHost = useInitStore((s) => s.setPassword);
  const clearHostVerdict = useInitStore((s) => s.clearHostVerdict);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  // The confirmation is judged when the user leaves it (or on submit), never mid-typing; once
  // said, the message stays until the two match.
  const [mismatchSaid, setMismatchSaid] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  // The host refused the password under a named rule: the rule says why (in the checklist) and
  // the user fixes the password where it is typed. The effect runs once the field is enabled again.
  useEffect(() => {
    const [first] = hostViolations;
    if (error?.code !== 'PASSWORD_POLICY' || first === undefined) return;
    firstRef.current?.focus();
    // In a small window the rule may sit below the fold: bring its reason into view too (the
    // least scroll that does, so the field and Save stay on screen).
    document.getElementById(refusedRuleId(first))?.scrollIntoView?.({ block: 'nearest' });
  }, [error, hostViolations]);

  const localBroken = localPasswordViolations(policy, password, userId);
  const mismatch = mismatchSaid && confirm !== password;

  const onPasswordChange = (value: string) => {
    setPassword(value);
    clearHostVerdict();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setMismatchSaid(confirm !== password);
    if (localBroken.length > 0) return firstRef.current?.focus();
    if (confirm !== password) return confirmRef.current?.focus();
    // What was typed stays in the two fields (component state only, never a store): a refusal
    // keeps it for the user to amend, and success leaves the step, which drops it.
    await setPasswordOnHost(password);
  };

  return (
    <form
      className={styles.form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="init-password-title"
    >
      <h2 id="init-password-title" className={styles.heading}>
        <Text as="span" size={500} weight="semibold">
          {t('init:password.heading')}
        </Text>
      </h2>
      <div className={styles.columns}>
        <div className={styles.fields}>
          <PasswordField
            label={t('init:password.newPassword')}
            value={password}
            onChange={onPasswordChange}
            autoComplete="new-password"
            {...passwordFieldLabels(t)}
            inputRef={firstRef}
            disabled={pending}
            required
            describedBy={hostViolations.map(refusedRuleId).join(' ') || undefined}
          />
          <PasswordField
            label={t('init:password.confirmPassword')}
            value={confirm}
            onChange={setConfirm}
            onBlur={() => setMismatchSaid(confirm !== '' && confirm !== password)}
            autoComplete="new-password"
            {...passwordFieldLabels(t)}
            validationMessage={mismatch ? t('init:password.mismatch') : undefined}
            inputRef={confirmRef}
            disabled={pending}
            required
          />
          <div className={styles.actions}>
            <SubmitButton pending={pending} pendingText={t('init:password.saving')}>
              {t('init:password.submit')}
            </SubmitButton>
          </div>
        </div>
        <PasswordChecklist
          policy={policy}
          password={password}
          userId={userId}
          hostViolations={hostViolations}
        />
      </div>
    </form>
  );
}
