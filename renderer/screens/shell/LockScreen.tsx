import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Spinner, Text } from '@fluentui/react-components';
import type { SessionUser } from '../../../shared/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { OtpInput } from '../../components/OtpInput.js';
import { SubmitButton } from '../../components/SubmitButton.js';
import { useCodeEntry } from '../../components/use-code-entry.js';
import { secondsUntil } from '../../components/time-left.js';
import { useNow } from '../../components/use-now.js';
import { errorSentence } from '../../i18n/error-sentence.js';
import { useSessionStore } from '../../state/session-store.js';
import { useShellStore } from '../../state/shell-store.js';
import { useShellStyles } from './shell-styles.js';

/**
 * The locked terminal: an in-app OTP prompt to unlock (step-up), or sign out. An email-channel user
 * is told where the code went and may ask for a new one.
 */
export function LockScreen({ user, onSignOut }: { user: SessionUser; onSignOut(): void }) {
  const { t, i18n } = useTranslation('shell');
  const styles = useShellStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const { unlocking, unlockError, unlock, signingOut } = useShellStore();
  const { sendingCode, codeResent, sendUnlockCode } = useShellStore();
  const entry = useCodeEntry({
    pending: unlocking,
    send: unlock,
    requiredMessage: t('otp:codeRequired'),
    inputRef,
  });
  const locked = useSessionStore((s) => (s.authState?.step === 'locked' ? s.authState : null));
  const isEmail = locked?.channel === 'email';
  const hintKey = isEmail
    ? 'lock.emailHint'
    : locked?.channel === 'totp'
      ? 'lock.totpHint'
      : 'lock.hint';
  const maskedEmail = locked?.maskedEmail ?? '';
  // The core says when the host's resend rule allows another code (absent: none asked for yet).
  const resendAvailableAt = locked?.resendAvailableAt;
  const now = useNow(1000, isEmail && resendAvailableAt !== undefined);
  const resendIn = secondsUntil(resendAvailableAt, now);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  useEffect(() => {
    // After a wrong code the user types again: put the caret back in the field.
    if (unlockError) inputRef.current?.focus();
  }, [unlockError]);

  return (
    <div className={styles.lock}>
      <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
        {t('lock.title')}
      </h1>
      <Text as="p">
        {t(isEmail ? 'lock.emailBody' : 'lock.body', { name: user.name, userId: user.userId })}
      </Text>
      {isEmail ? (
        <Text as="p" data-testid="lock-email-sent">
          {t(resendAvailableAt === undefined ? 'lock.emailPending' : 'lock.emailSent', {
            maskedEmail,
          })}
        </Text>
      ) : null}
      {codeResent ? (
        <Text role="status" weight="semibold">
          {t('lock.codeSent')}
        </Text>
      ) : null}
      <form onSubmit={entry.onSubmit} className={styles.lock} noValidate>
        <OtpInput label={t('otp:code')} hint={t(hintKey)} {...entry.field} />
        <ErrorMessage
          message={unlockError ? errorSentence(t, unlockError, i18n.language) : null}
          focus={false}
          trigger={unlockError}
        />
        <div className={styles.lockActions}>
          <SubmitButton pending={unlocking} pendingText={t('lock.unlocking')}>
            {t('lock.unlock')}
          </SubmitButton>
        </div>
      </form>
      {isEmail ? (
        <div className={styles.lockActions}>
          <Button
            type="button"
            onClick={() => void sendUnlockCode()}
            disabledFocusable={resendIn > 0 || sendingCode}
            icon={sendingCode ? <Spinner size="tiny" aria-hidden="true" /> : undefined}
          >
            {sendingCode ? t('lock.sendingCode') : t('lock.sendCode')}
          </Button>
          {resendIn > 0 ? (
            <Text size={200} aria-live="off" data-testid="lock-resend-in">
              {t('lock.sendCodeIn', { seconds: resendIn })}
            </Text>
          ) : null}
        </div>
      ) : null}
      <div className={styles.signOutBlock}>
        <Text>{t('lock.orSignOut')}</Text>
        <Button onClick={onSignOut} disabled={signingOut}>
          {t('lock.signOut')}
        </Button>
      </div>
    </div>
  );
}
