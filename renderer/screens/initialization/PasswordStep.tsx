import { Text } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../components/SubmitButton.js';
import { localPasswordViolations, type PasswordPolicy } from '../../../shared/index.js';
import { PasswordField } from '../../components/PasswordField.js';
import { passwordFieldLabels } from '../../i18n/password-field-labels.js';
import { useInitStore } from '../../state/init-store.js';
import { PasswordChecklist } from './PasswordChecklist.js';
import { useStepStyles } from './styles.js';

/** Props of the new-password step. */
export interface PasswordStepProps {
  policy: PasswordPolicy;
  userId: string;
}

/** Step 1: a new password checked live against the host's policy, typed twice. */
export function PasswordStep({ policy, userId }: PasswordStepProps) {
  const { t } = useTranslation(['init', 'login']);
  const styles = useStepStyles();
  const pending = useInitStore((s) => s.pending === 'password');
  const hostViolations = useInitStore((s) => s.hostViolations);
  const setPasswordOnHost = useInitStore((s) => s.setPassword);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  const localBroken = localPasswordViolations(policy, password, userId);
  const mismatch = confirm !== '' && confirm !== password;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (pending) return;
    if (localBroken.length > 0) return firstRef.current?.focus();
    if (confirm !== password) return confirmRef.current?.focus();
    const secret = password;
    // Both copies leave component state as the request goes; no store ever holds them.
    setPassword('');
    setConfirm('');
    setTried(false);
    // On refusal the error message takes focus (role=alert) and the checklist shows why.
    await setPasswordOnHost(secret);
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
      <PasswordField
        label={t('init:password.newPassword')}
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        {...passwordFieldLabels(t)}
        inputRef={firstRef}
        disabled={pending}
        required
      />
      <PasswordChecklist
        policy={policy}
        password={password}
        userId={userId}
        hostViolations={hostViolations}
      />
      <PasswordField
        label={t('init:password.confirmPassword')}
        value={confirm}
        onChange={setConfirm}
        autoComplete="new-password"
        {...passwordFieldLabels(t)}
        validationMessage={
          mismatch || (tried && confirm !== password) ? t('init:password.mismatch') : undefined
        }
        inputRef={confirmRef}
        disabled={pending}
        required
      />
      <div className={styles.actions}>
        <SubmitButton pending={pending} pendingText={t('init:password.saving')}>
          {t('init:password.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}
