import { Button, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../components/SubmitButton.js';
import type { OtpChannel } from '../../../shared/index.js';
import { useInitStore } from '../../state/init-store.js';
import { useStepStyles } from './styles.js';

const useStyles = makeStyles({
  hint: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    paddingLeft: '32px',
    marginTop: '-4px',
    marginBottom: tokens.spacingVerticalS,
  },
});

/** Step 2: the authenticator app (recommended) or email, with what each means in practice. */
export function ChannelStep({ current }: { current?: OtpChannel | undefined }) {
  const { t } = useTranslation(['init', 'common']);
  const styles = { ...useStepStyles(), ...useStyles() };
  const pending = useInitStore((s) => s.pending === 'channel');
  const chooseChannel = useInitStore((s) => s.chooseChannel);
  const choosingAgain = useInitStore((s) => s.choosingAgain);
  const setChoosingAgain = useInitStore((s) => s.setChoosingAgain);
  const [channel, setChannel] = useState<OtpChannel>(current ?? 'totp');
  const groupRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    groupRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) void chooseChannel(channel);
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-labelledby="init-channel-title">
      <h2 id="init-channel-title" className={styles.heading}>
        <Text as="span" size={500} weight="semibold">
          {t('channel.heading')}
        </Text>
      </h2>
      <RadioGroup
        ref={groupRef}
        aria-labelledby="init-channel-title"
        value={channel}
        onChange={(_, data) => setChannel(data.value === 'email' ? 'email' : 'totp')}
        disabled={pending}
      >
        <Radio value="totp" label={t('channel.totp')} aria-describedby="channel-totp-hint" />
        <Text id="channel-totp-hint" size={200} className={styles.hint}>
          {t('channel.totpHint')}
        </Text>
        <Radio value="email" label={t('channel.email')} aria-describedby="channel-email-hint" />
        <Text id="channel-email-hint" size={200} className={styles.hint}>
          {t('channel.emailHint')}
        </Text>
      </RadioGroup>
      <div className={styles.actions}>
        <SubmitButton pending={pending} pendingText={t('channel.working')}>
          {t('channel.submit')}
        </SubmitButton>
        {choosingAgain ? (
          <Button type="button" size="large" onClick={() => setChoosingAgain(false)}>
            {t('common:back')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
