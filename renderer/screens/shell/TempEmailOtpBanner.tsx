import { useTranslation } from 'react-i18next';
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatDateTime } from '../../i18n/format-time.js';
import { useSessionStore } from '../../state/session-store.js';

const useStyles = makeStyles({
  // The page's heading follows: room between them, as between the page's cards.
  root: { marginBottom: tokens.spacingVerticalL },
  // What to do on a line of its own, under the title's fact.
  body: { marginTop: tokens.spacingVerticalXS },
});

/**
 * While a DA's temporary email OTP exception holds (a lost phone): until when the authenticator
 * app is not asked, and how to set it up again. The product has no self-service re-enrolment, so
 * the way back is a DA's Reset 2FA, after which the next sign-in sets the app up.
 */
export function TempEmailOtpBanner() {
  const { t, i18n } = useTranslation('shell');
  const styles = useStyles();
  const until = useSessionStore((s) =>
    s.authState?.step === 'signedIn' ? s.authState.tempEmailOtpUntil : undefined,
  );
  if (until === undefined) return null;
  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      className={styles.root}
      data-testid="temp-email-otp-banner"
    >
      <MessageBarBody>
        <MessageBarTitle>
          {t('tempEmailOtp.title', { time: formatDateTime(until, i18n.language) })}
        </MessageBarTitle>
        <div className={styles.body}>{t('tempEmailOtp.body')}</div>
      </MessageBarBody>
    </MessageBar>
  );
}
