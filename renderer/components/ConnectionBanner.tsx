import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { selectReconnecting, useHostStatusStore } from '../state/host-status-store.js';

const useStyles = makeStyles({
  // Stays in view while a long page scrolls: the state is persistent, so is its notice.
  region: { position: 'sticky', top: 0, zIndex: 1 },
  bar: { borderRadius: 0, paddingInline: tokens.spacingHorizontalXXL },
});

/**
 * The persistent "reconnecting" state, above every screen while the core cannot reach the host.
 * The live region is always in the page, so a screen reader announces the state once, politely,
 * when it appears (and says nothing when it goes).
 */
export function ConnectionBanner() {
  const { t } = useTranslation('common');
  const styles = useStyles();
  const reconnecting = useHostStatusStore(selectReconnecting);
  return (
    <div role="status" aria-live="polite" className={styles.region} data-testid="connection-banner">
      {reconnecting ? (
        // No spinner: an endless animation for as long as the host is down would only distract.
        <MessageBar intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody>
            <MessageBarTitle>{t('connection.reconnectingTitle')}</MessageBarTitle>
            {t('connection.reconnecting')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
