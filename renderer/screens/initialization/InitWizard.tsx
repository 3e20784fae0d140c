import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Stepper, type StepperStep } from '../../components/Stepper.js';
import { formatMinutesSeconds, secondsUntil } from '../../components/time-left.js';
import { useNow } from '../../components/use-now.js';
import { errorSentence, joinSentences } from '../../i18n/error-sentence.js';
import { selectWizardStep, useInitStore, type WizardStep } from '../../state/init-store.js';
import { selectInitState, useSessionStore } from '../../state/session-store.js';
import { AppSetupStep } from './AppSetupStep.js';
import { ChannelStep } from './ChannelStep.js';
import { DoneStep } from './DoneStep.js';
import { EmailSetupStep } from './EmailSetupStep.js';
import { PasswordStep } from './PasswordStep.js';

const useStyles = makeStyles({
  // Gaps kept modest so the password step's Save stays in view at 900x600 (e2e initialization).
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
  // The circular's name for the flow is the title; this line says in plain words what it does.
  subtitle: { flexBasis: '100%', margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The 2FA initialization wizard. Which step shows follows the core's AuthState, so a reloaded
 * window resumes where the user was (within the init token's life).
 */
export default function InitWizard() {
  const { t, i18n } = useTranslation(['init', 'errors', 'common']);
  const styles = useStyles();
  const authState = useSessionStore((s) => s.authState);
  const init = useSessionStore(selectInitState);
  const initStore = useInitStore();
  const step = selectWizardStep(authState, initStore);
  const now = useNow(1000, init !== null);

  const ids: WizardStep[] = [
    ...(initStore.hadPasswordStep || step === 'password' ? (['password'] as const) : []),
    'channel',
    'confirm',
    'done',
  ];
  const steps: StepperStep[] = ids.map((id) => ({ id, label: t(`init:steps.${id}`) }));
  const current = ids.indexOf(step) + 1;
  const setup = init?.channelSetup;
  const error = initStore.error;
  // A password refused under named rules is said beside each rule in the checklist instead.
  const saidInChecklist = error?.code === 'PASSWORD_POLICY' && initStore.hostViolations.length > 0;
  // A wrong app code is often the phone's clock: say so with the error.
  const errorText =
    error && !saidInChecklist
      ? joinSentences(
          [
            errorSentence(t, error, i18n.language),
            setup?.channel === 'totp' && error.code === 'OTP_INVALID'
              ? t('errors:clockSkewHint')
              : '',
          ],
          i18n.language,
        )
      : null;

  return (
    <section className={styles.root} aria-labelledby="init-title">
      <div className={styles.top}>
        <h1 id="init-title" className={styles.heading}>
          <Text as="span" size={700} weight="semibold">
            {t('init:title')}
          </Text>
        </h1>
        <Text as="p" size={400} className={styles.subtitle}>
          {t('init:subtitle')}
        </Text>
      </div>
      {step === 'password' ? <Text>{t('init:intro')}</Text> : null}
      <Stepper
        steps={steps}
        currentId={step}
        label={t('init:stepsLabel')}
        stateLabels={{
          complete: t('init:stepState.complete'),
          current: t('init:stepState.current'),
          upcoming: t('init:stepState.upcoming'),
        }}
      />
      <Text size={200}>
        {t('init:stepOf', { current, total: ids.length })}
        {init
          ? ` · ${t('init:expiresIn', { time: formatMinutesSeconds(secondsUntil(init.expiresAt, now)) })}`
          : ''}
      </Text>
      <ErrorMessage message={errorText} trigger={error} />
      {step === 'password' && init ? (
        <PasswordStep policy={init.passwordPolicy} userId={init.userId} />
      ) : null}
      {step === 'channel' ? <ChannelStep current={setup?.channel} /> : null}
      {step === 'confirm' && setup?.channel === 'totp' ? <AppSetupStep /> : null}
      {step === 'confirm' && setup?.channel === 'email' ? (
        <EmailSetupStep
          maskedEmail={setup.maskedEmail}
          expiresAt={setup.expiresAt}
          resendAvailableAt={setup.resendAvailableAt}
        />
      ) : null}
      {step === 'done' ? (
        <DoneStep
          channel={initStore.completedChannel ?? initStore.confirmingChannel ?? 'totp'}
          emailDelay={initStore.emailDelay}
        />
      ) : null}
      {step !== 'done' ? (
        <div>
          <Button
            appearance="subtle"
            onClick={() => void initStore.cancel()}
            disabled={initStore.pending !== null}
          >
            {t('init:cancel')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
