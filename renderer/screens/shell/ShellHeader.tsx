import { useTranslation } from 'react-i18next';
import type { EnvironmentId, SessionUser } from '../../../shared/index.js';
import { Button, mergeClasses } from '@fluentui/react-components';
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
  const who = `${user.name} (${user.userId})`;
  const participant = participantName
    ? `${participantName} (${user.participantId})`
    : user.participantId;
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
          {/* At the window's minimum size a long name ends in "…" (the tooltip shows it all); the
              ID in brackets, what the desk checks, is always shown in full. */}
          <dd data-testid="shell-user" title={who} className={styles.named}>
            <span className={styles.name}>{user.name}</span>{' '}
            <span className={styles.id}>({user.userId})</span>
          </dd>
        </div>
        <div className={mergeClasses(styles.fact, styles.shrinkFirst)}>
          <dt>{t('header.participantLabel')}</dt>
          {participantName ? (
            <dd title={participant} className={styles.named} data-testid="shell-participant">
              <span className={mergeClasses(styles.name, styles.participantName)}>
                {participantName}
              </span>{' '}
              {/* Alone, the ID needs no brackets: they go with the name (still read aloud). */}
              <span className={mergeClasses(styles.id, styles.participantId)}>
                <span className={styles.participantBracket}>(</span>
                {user.participantId}
                <span className={styles.participantBracket}>)</span>
              </span>
            </dd>
          ) : (
            <dd data-testid="shell-participant">{user.participantId}</dd>
          )}
        </div>
        <div className={mergeClasses(styles.fact, styles.fixedFact)}>
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
      <Button
        appearance="primary"
        className={styles.signOut}
        onClick={props.onSignOut}
        disabled={props.signingOut}
      >
        {t('header.signOut')}
      </Button>
    </header>
  );
}
