import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Text } from '@fluentui/react-components';
import type { SessionUser } from '../../../shared/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { OtpInput } from '../../components/OtpInput.js';
import { OTP_LENGTH } from '../../components/otp-code.js';
import { errorSentence } from '../../i18n/error-sentence.js';
import { useSessionStore } from '../../state/session-store.js';
import { useShellStore } from '../../state/shell-store.js';
import { useShellStyles } from './shell-styles.js';

/** The locked terminal: an in-app OTP prompt to unlock (step-up), or sign out. */
export function LockScreen({ user, onSignOut }: { user: SessionUser; onSignOut(): void }) {
  const { t, i18n } = useTranslation('shell');
  const styles = useShellStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // The code lives only in this field until it is sent, then is cleared (never in a store).
  const [code, setCode] = useState('');
  const { unlocking, unlockError, unlock, signingOut } = useShellStore();
  const applyAuthState = useSessionStore((s) => s.applyAuthState);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  useEffect(() => {
    // After a wrong code the user types again: put the caret back in the field.
    if (unlockError) inputRef.current?.focus();
  }, [unlockError]);

  const submit = async (value: string) => {
    if (value.length !== OTP_LENGTH || unlocking) return;
    setCode('');
    const next = await unlock(value);
    if (next) applyAuthState(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(code);
  };

  return (
    <div className={styles.lock}>
      <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
        {t('lock.title')}
      </h1>
      <Text as="p">{t('lock.body', { name: user.name, userId: user.userId })}</Text>
      <form onSubmit={onSubmit} className={styles.lock} noValidate>
        <OtpInput
          label={t('otp:code')}
          hint={t('lock.hint')}
          value={code}
          onChange={setCode}
          onComplete={(c) => void submit(c)}
          disabled={unlocking}
          inputRef={inputRef}
        />
        <ErrorMessage
          message={unlockError ? errorSentence(t, unlockError, i18n.language) : null}
          focus={false}
          trigger={unlockError}
        />
        <div className={styles.lockActions}>
          <Button type="submit" appearance="primary" disabled={unlocking || code.length !== OTP_LENGTH}>
            {unlocking ? t('lock.unlocking') : t('lock.unlock')}
          </Button>
        </div>
      </form>
      <div className={styles.signOutBlock}>
        <Text>{t('lock.orSignOut')}</Text>
        <Button onClick={onSignOut} disabled={signingOut}>
          {t('lock.signOut')}
        </Button>
      </div>
    </div>
  );
}
