import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../components/SubmitButton.js';
import { OtpInput } from '../../components/OtpInput.js';
import { useCodeEntry } from '../../components/use-code-entry.js';
import { useInitStore } from '../../state/init-store.js';
import { useStepStyles } from './styles.js';

/** Props of the code confirmation shared by the app and email set-up steps. */
export interface ConfirmCodeFormProps {
  inputRef?: RefObject<HTMLInputElement | null>;
  /** Extra buttons after "Confirm" (resend, choose another method). */
  extraActions?: ReactNode;
}

/** The 6-digit code that proves the channel works; it leaves state as it is sent. */
export function ConfirmCodeForm({ inputRef, extraActions }: ConfirmCodeFormProps) {
  const { t } = useTranslation(['init', 'otp']);
  const styles = useStepStyles();
  const pending = useInitStore((s) => s.pending === 'confirm');
  const confirm = useInitStore((s) => s.confirm);
  const entry = useCodeEntry({
    pending,
    send: confirm,
    requiredMessage: t('otp:codeRequired'),
    inputRef,
  });

  return (
    <form
      className={styles.form}
      onSubmit={entry.onSubmit}
      noValidate
      aria-label={t('init:confirm')}
    >
      <OtpInput label={t('init:code')} hint={t('otp:codeHint')} {...entry.field} />
      <div className={styles.actions}>
        <SubmitButton pending={pending} pendingText={t('init:confirming')}>
          {t('init:confirm')}
        </SubmitButton>
        {extraActions}
      </div>
    </form>
  );
}
