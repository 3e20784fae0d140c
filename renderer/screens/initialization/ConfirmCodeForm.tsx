import { useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../components/SubmitButton.js';
import { OtpInput } from '../../components/OtpInput.js';
import { OTP_LENGTH } from '../../components/otp-code.js';
import { useInitStore } from '../../state/init-store.js';
import { useStepStyles } from './styles.js';

/** Props of the code confirmation shared by the app and email set-up steps. */
export interface ConfirmCodeFormProps {
  inputRef?: Ref<HTMLInputElement>;
  /** Extra buttons after "Confirm" (resend, choose another method). */
  extraActions?: ReactNode;
}

/** The 6-digit code that proves the channel works; it leaves state as it is sent. */
export function ConfirmCodeForm({ inputRef, extraActions }: ConfirmCodeFormProps) {
  const { t } = useTranslation(['init', 'otp']);
  const styles = useStepStyles();
  const pending = useInitStore((s) => s.pending === 'confirm');
  const confirm = useInitStore((s) => s.confirm);
  const [code, setCode] = useState('');
  const [incomplete, setIncomplete] = useState(false);

  const send = (value: string) => {
    if (pending) return;
    if (value.length !== OTP_LENGTH) {
      setIncomplete(true);
      return;
    }
    setIncomplete(false);
    setCode('');
    void confirm(value);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(code);
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t('init:confirm')}>
      <OtpInput
        label={t('init:code')}
        hint={t('otp:codeHint')}
        value={code}
        onChange={setCode}
        onComplete={send}
        inputRef={inputRef}
        disabled={pending}
        validationMessage={
          incomplete && code.length !== OTP_LENGTH ? t('otp:codeRequired') : undefined
        }
      />
      <div className={styles.actions}>
        <SubmitButton pending={pending} pendingText={t('init:confirming')}>
          {t('init:confirm')}
        </SubmitButton>
        {extraActions}
      </div>
    </form>
  );
}
