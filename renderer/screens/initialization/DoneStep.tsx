import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { CheckmarkCircle48Regular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OtpChannel } from '../../../shared/index.js';
import { isSlowEmail, useInitStore, type EmailDelay } from '../../state/init-store.js';
import { spokenDuration, spokenValidity } from './spoken-duration.js';
import { useStepStyles } from './styles.js';

/** Props of the done step. */
export interface DoneStepProps {
  channel: OtpChannel;
  /** With email: how long the confirmed code took to be typed, when this run measured it. */
  emailDelay?: EmailDelay | null;
}

/** The last step: 2FA is set up; "Continue" opens the terminal (the session is already live). */
export function DoneStep({ channel, emailDelay }: DoneStepProps) {
  const { t } = useTranslation('init');
  const styles = useStepStyles();
  const finish = useInitStore((s) => s.finish);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // A code that took over half its life to arrive will one day arrive too late.
  const slow = channel === 'email' && emailDelay && isSlowEmail(emailDelay) ? emailDelay : null;

  useEffect(() => buttonRef.current?.focus(), []);

  return (
    <div className={styles.form} role="status">
      <CheckmarkCircle48Regular aria-hidden="true" color="#107c10" />
      <h2 className={styles.heading}>
        <Text as="span" size={500} weight="semibold">
          {t('done.heading')}
        </Text>
      </h2>
      <Text>
        {t('done.body', {
          method: t(channel === 'email' ? 'done.methodEmail' : 'done.methodTotp'),
        })}
      </Text>
      {slow ? (
        <MessageBar intent="warning" layout="multiline" data-testid="slow-email">
          <MessageBarBody>
            {t('done.slowEmail', {
              took: spokenDuration(slow.tookMs, t),
              valid: spokenValidity(slow.validMs, t),
            })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" size="large" ref={buttonRef} onClick={finish}>
          {t('done.continue')}
        </Button>
      </div>
    </div>
  );
}
