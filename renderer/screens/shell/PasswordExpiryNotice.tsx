import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format-time.js';
import { selectPasswordExpiresAt, useSessionStore } from '../../state/session-store.js';

const useStyles = makeStyles({
  // Apart from the page heading below it, which starts the home's own spacing.
  notice: { marginBottom: tokens.spacingVerticalL },
});

/** How far ahead a password's end is announced at sign-in. */
export const PASSWORD_EXPIRY_NOTICE_DAYS = 14;

/**
 * At sign-in: the user's own password ends within 14 days (the host's `passwordExpiresAt`). The
 * terminal has no change-password call for a signed-in user, so the notice names the path that
 * exists: the DA's password reset (a temporary password by email, a new one at the next sign-in).
 */
export function PasswordExpiryNotice({ now = Date.now() }: { now?: number }) {
  const { t, i18n } = useTranslation('shell');
  const styles = useStyles();
  const expiresAt = useSessionStore(selectPasswordExpiresAt);
  if (expiresAt === undefined) return null;
  const left = Date.parse(expiresAt) - now;
  if (!(left <= PASSWORD_EXPIRY_NOTICE_DAYS * 86_400_000)) return null;
  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      className={styles.notice}
      data-testid="password-expiry-notice"
    >
      <MessageBarBody>
        <MessageBarTitle>{t('passwordExpiry.title')}</MessageBarTitle>
        {t('passwordExpiry.body', { date: formatDate(expiresAt, i18n.language) })}
      </MessageBarBody>
    </MessageBar>
  );
}
