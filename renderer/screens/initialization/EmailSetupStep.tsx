import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutesSeconds, secondsUntil } from '../../components/time-left.js';
import { useNow } from '../../components/use-now.js';
import { useInitStore } from '../../state/init-store.js';
import { ConfirmCodeForm } from './ConfirmCodeForm.js';
import { spokenDuration } from './spoken-duration.js';
import { useStepStyles } from './styles.js';

/** Props of the email confirmation step. */
export interface EmailSetupStepProps {
  maskedEmail: string;
  expiresAt: string;
  resendAvailableAt: string;
}

/** Step 3 (email): a code went to the registered address; type it, or ask for another. */
export function EmailSetupStep({ maskedEmail, expiresAt, resendAvailableAt }: EmailSetupStepProps) {
  const { t } = useTranslation(['init', 'otp', 'common']);
  const styles = useStepStyles();
  const pending = useInitStore((s) => s.pending === 'resend');
  const resendEmail = useInitStore((s) => s.resendEmail);
  const setChoosingAgain = useInitStore((s) => s.setChoosingAgain);
  const chooseChannel = useInitStore((s) => s.chooseChannel);
  const emailCode = useInitStore((s) => s.emailCode);
  const switching = useInitStore((s) => s.pending === 'channel');
  const codeRef = useRef<HTMLInputElement>(null);
  const now = useNow();
  const expiresIn = secondsUntil(expiresAt, now);
  const resendIn = secondsUntil(resendAvailableAt, now);
  // Half the code's life gone and still no code typed: email may be too slow on this network.
  const slowAfterMs = emailCode ? emailCode.validMs / 2 : null;
  const slow = emailCode !== null && slowAfterMs !== null && now - emailCode.sentAt > slowAfterMs;

  useEffect(() => codeRef.current?.focus(), []);

  return (
    <div className={styles.form}>
      <h2 id="init-email-title" className={styles.heading}>
        <Text as="span" size={500} weight="semibold">
          {t('init:email.heading')}
        </Text>
      </h2>
      <Text>{t('init:email.sent', { maskedEmail })}</Text>
      <Text>
        {expiresIn > 0
          ? t('otp:expiresIn', { time: formatMinutesSeconds(expiresIn) })
          : t('otp:expired')}
      </Text>
      <ConfirmCodeForm
        inputRef={codeRef}
        extraActions={
          <>
            <Button
              type="button"
              size="large"
              onClick={() => void resendEmail()}
              disabledFocusable={resendIn > 0 || pending}
            >
              {t('otp:resend')}
            </Button>
            <Button type="button" size="large" onClick={() => setChoosingAgain(true)}>
              {t('init:otherMethod')}
            </Button>
          </>
        }
      />
      {resendIn > 0 ? <Text size={200}>{t('otp:resendIn', { seconds: resendIn })}</Text> : null}
      <div role="status">
        {slow && slowAfterMs !== null ? (
          <MessageBar intent="warning" layout="multiline" data-testid="slow-email-hint">
            <MessageBarBody>
              {t('init:email.slow', { time: spokenDuration(slowAfterMs, t) })}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                type="button"
                onClick={() => void chooseChannel('totp')}
                disabledFocusable={switching}
              >
                {t('init:email.useApp')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
      </div>
    </div>
  );
}
