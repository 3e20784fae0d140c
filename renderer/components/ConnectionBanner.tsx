import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { selectReconnecting, useHostStatusStore } from '../state/host-status-store.js';

const useStyles = makeStyles({
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
    <div role="status" aria-live="polite" data-testid="connection-banner">
      {reconnecting ? (
        <MessageBar
          intent="warning"
          layout="multiline"
          className={styles.bar}
          icon={<Spinner size="tiny" aria-hidden="true" />}
        >
          <MessageBarBody>
            <MessageBarTitle>{t('connection.reconnectingTitle')}</MessageBarTitle>
            {t('connection.reconnecting')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
