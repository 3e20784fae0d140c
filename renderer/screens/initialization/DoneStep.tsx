import { Button, Text } from '@fluentui/react-components';
import { CheckmarkCircle48Regular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OtpChannel } from '../../../shared/index.js';
import { useInitStore } from '../../state/init-store.js';
import { useStepStyles } from './styles.js';

/** The last step: 2FA is set up; "Continue" opens the terminal (the session is already live). */
export function DoneStep({ channel }: { channel: OtpChannel }) {
  const { t } = useTranslation('init');
  const styles = useStepStyles();
  const finish = useInitStore((s) => s.finish);
  const buttonRef = useRef<HTMLButtonElement>(null);

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
      <div className={styles.actions}>
        <Button appearance="primary" size="large" ref={buttonRef} onClick={finish}>
          {t('done.continue')}
        </Button>
      </div>
    </div>
  );
}
