import { useTranslation } from 'react-i18next';
import type { EnvironmentId, SessionUser } from '../../../shared/index.js';
import { Button } from '@fluentui/react-components';
import { EnvironmentBadge } from '../../components/EnvironmentBadge.js';
import { formatHoursMinutes, secondsUntil } from '../../components/time-left.js';
import { useNow } from '../../components/use-now.js';
import { selectReconnecting, useHostStatusStore } from '../../state/host-status-store.js';
import { useShellStyles } from './shell-styles.js';

/** Props of the shell's header. */
export interface ShellHeaderProps {
  user: SessionUser;
  participantName: string | null;
  environment: EnvironmentId;
  expiresAt: string;
  signingOut: boolean;
  onSignOut(): void;
}

/** Who is signed in, for which participant, where, for how long; and "Sign out". */
export function ShellHeader(props: ShellHeaderProps) {
  const { t } = useTranslation('shell');
  const styles = useShellStyles();
  const now = useNow(1000);
  const { user, participantName, environment } = props;
  const envName = t(`common:environment.${environment}`);
  const left = formatHoursMinutes(secondsUntil(props.expiresAt, now), t);
  // While the host cannot be reached, whether it still holds the session is unknown.
  const reconnecting = useHostStatusStore(selectReconnecting);

  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <span className={styles.appName}>{t('appName')}</span>
        <EnvironmentBadge
          environment={environment}
          name={envName}
          label={t('common:environment.label', { name: envName })}
        />
      </div>
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt>{t('header.userLabel')}</dt>
          <dd data-testid="shell-user">
            {user.name} ({user.userId})
          </dd>
        </div>
        <div className={styles.fact}>
          <dt>{t('header.participantLabel')}</dt>
          <dd>
            {participantName ? `${participantName} (${user.participantId})` : user.participantId}
          </dd>
        </div>
        <div className={styles.fact}>
          <dt>{t('header.sessionLeftLabel')}</dt>
          {/* Not a live region: a screen reader reads it on demand, not every second. */}
          <dd className={styles.clock} data-testid="session-left">
            {reconnecting ? (
              t('header.sessionUnknown')
            ) : (
              <time dateTime={props.expiresAt}>{left}</time>
            )}
          </dd>
        </div>
      </dl>
      <Button appearance="primary" onClick={props.onSignOut} disabled={props.signingOut}>
        {t('header.signOut')}
      </Button>
    </header>
  );
}
