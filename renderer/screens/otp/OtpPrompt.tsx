import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/index.js';
import { SubmitButton } from '../../components/SubmitButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { OtpInput } from '../../components/OtpInput.js';
import { useCodeEntry } from '../../components/use-code-entry.js';
import { formatMinutesSeconds, secondsUntil } from '../../components/time-left.js';
import { useNow } from '../../components/use-now.js';
import { errorSentence, joinSentences } from '../../i18n/error-sentence.js';
import { useOtpStore } from '../../state/otp-store.js';
import { selectOtpState, useSessionStore } from '../../state/session-store.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
  resend: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    alignItems: 'flex-start',
  },
});

/** Errors where the phone's clock may be the cause (TOTP only). */
const SKEW_HINT_CODES = new Set<ErrorCode>(['OTP_INVALID', 'OTP_EXPIRED', 'OTP_REUSED']);

/** The OTP prompt after a correct password: app or email code, countdown, resend, cancel. */
export default function OtpPrompt() {
  const { t, i18n } = useTranslation(['otp', 'errors', 'common']);
  const styles = useStyles();
  const state = useSessionStore(selectOtpState);
  const { pending, resendPending, error, resent, submit, resend, cancel } = useOtpStore();
  const inputRef = useRef<HTMLInputElement>(null);
  const entry = useCodeEntry({
    pending,
    send: submit,
    requiredMessage: t('otp:codeRequired'),
    inputRef,
  });
  const now = useNow(1000, state !== null);
  const refresh = useSessionStore((s) => s.refresh);
  // `expiresAt` is the challenge's end on both channels; an email code's own end comes earlier.
  const challengeOver = state !== null && secondsUntil(state.expiresAt, now) === 0;

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // The core ends an expired challenge; asking for the state brings the login screen and its note.
  useEffect(() => {
    if (challengeOver) void refresh();
  }, [challengeOver, refresh]);

  if (!state) return null;

  const isEmail = state.channel === 'email';
  const expiresIn = secondsUntil(
    isEmail ? (state.codeExpiresAt ?? state.expiresAt) : state.expiresAt,
    now,
  );
  const resendIn = secondsUntil(state.resendAvailableAt, now);
  // The host's own limit on sends: once it is reached no Resend can succeed.
  const noMoreSends = state.resendsLeft === 0;
  // The code has ended but the challenge has not: a new code keeps the sign-in (and the password).
  const codeExpired = isEmail && (state.codeExpired === true || expiresIn === 0);
  const expiredText = noMoreSends ? t('otp:expiredNoResend') : t('otp:expired');
  const attemptsLeft = error?.attemptsLeft ?? undefined;
  const errorText = error
    ? joinSentences(
        [
          isEmail && error.code === 'OTP_EXPIRED'
            ? expiredText
            : errorSentence(t, error, i18n.language),
          attemptsLeft === undefined &&
          state.attemptsLeft !== undefined &&
          error.code === 'OTP_INVALID'
            ? t('errors:attemptsLeft', { count: state.attemptsLeft })
            : '',
          state.channel === 'totp' && SKEW_HINT_CODES.has(error.code)
            ? t('errors:clockSkewHint')
            : '',
        ],
        i18n.language,
      )
    : null;

  return (
    <form className={styles.form} onSubmit={entry.onSubmit} noValidate aria-labelledby="otp-title">
      <h1 id="otp-title" className={styles.heading}>
        <Text as="span" size={700} weight="semibold">
          {t('otp:title')}
        </Text>
      </h1>
      <Text>{t('otp:signedInAs', { userId: state.userId })}</Text>
      <Text>
        {isEmail
          ? t('otp:channel.email', { maskedEmail: state.maskedEmail ?? '' })
          : t('otp:channel.totp')}
      </Text>
      <ErrorMessage message={errorText} trigger={error} />
      {resent ? (
        <Text role="status" weight="semibold">
          {t('otp:resent')}
        </Text>
      ) : null}
      <OtpInput label={t('otp:code')} hint={t('otp:codeHint')} {...entry.field} />
      {/* Not a live region: a screen reader would speak it every second; it is read on reaching it. */}
      {codeExpired ? null : (
        <Text aria-live="off" data-testid="otp-countdown">
          {isEmail
            ? t('otp:expiresIn', { time: formatMinutesSeconds(expiresIn) })
            : t('otp:challengeExpiresIn', { time: formatMinutesSeconds(expiresIn) })}
        </Text>
      )}
      {/* Present before the code ends, so the change is announced once (politely). */}
      {isEmail ? (
        <Text role="status" weight="semibold" data-testid="otp-code-expired">
          {codeExpired && error?.code !== 'OTP_EXPIRED' ? expiredText : ''}
        </Text>
      ) : null}
      <div className={styles.actions}>
        <SubmitButton pending={pending} pendingText={t('otp:verifying')}>
          {t('otp:verify')}
        </SubmitButton>
        <Button type="button" size="large" onClick={() => void cancel()} disabled={pending}>
          {t('otp:cancel')}
        </Button>
      </div>
      {isEmail ? (
        <div className={styles.resend}>
          <Button
            type="button"
            appearance="secondary"
            onClick={() => void resend()}
            disabledFocusable={resendIn > 0 || resendPending || noMoreSends}
            icon={resendPending ? <Spinner size="tiny" aria-hidden="true" /> : undefined}
          >
            {t('otp:resend')}
          </Button>
          {resendIn > 0 && !noMoreSends ? (
            <Text size={200}>{t('otp:resendIn', { seconds: resendIn })}</Text>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
