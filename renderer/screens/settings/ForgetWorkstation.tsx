import { useTranslation } from 'react-i18next';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { errorSentence } from '../../i18n/error-sentence.js';
import { useSessionStore } from '../../state/session-store.js';
import { useSettingsStore } from '../../state/settings-store.js';
import { useSettingsStyles } from './settings-styles.js';

/** "Forget this workstation": a confirmation dialog, then how many entries were removed. */
export function ForgetWorkstation() {
  const { t, i18n } = useTranslation('settings');
  const styles = useSettingsStyles();
  const { forgetStatus, forgetRemoved, forgetError, askForget, cancelForget, confirmForget } =
    useSettingsStore();
  const setAppInfo = useSessionStore((s) => s.setAppInfo);
  const forget = async () => {
    const info = await confirmForget();
    if (info) setAppInfo(info);
  };
  const open = forgetStatus === 'confirming' || forgetStatus === 'busy';

  return (
    <section className={styles.card} aria-labelledby="settings-forget">
      <h2 id="settings-forget" className={styles.subheading}>
        {t('forget.heading')}
      </h2>
      <p className={styles.note}>{t('forget.description')}</p>
      <div>
        <Button onClick={askForget}>{t('forget.button')}</Button>
      </div>
      <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && cancelForget()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('forget.confirmTitle')}</DialogTitle>
            <DialogContent className={styles.dialogText}>{t('forget.confirmBody')}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => void forget()}
                disabled={forgetStatus === 'busy'}
              >
                {forgetStatus === 'busy' ? t('forget.busy') : t('forget.confirm')}
              </Button>
              <Button onClick={cancelForget} disabled={forgetStatus === 'busy'}>
                {t('forget.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <div role="status" aria-live="polite">
        {forgetStatus === 'done' && forgetRemoved !== null && (
          <MessageBar intent="success">
            <MessageBarBody>{t('forget.done', { count: forgetRemoved })}</MessageBarBody>
          </MessageBar>
        )}
        {forgetStatus === 'error' && forgetError && (
          <MessageBar intent="error">
            <MessageBarBody>
              {forgetError.code === 'KEYCHAIN_UNAVAILABLE'
                ? t('forget.keychainUnavailable')
                : `${t('forget.failed')} ${errorSentence(t, forgetError, i18n.language)}`}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
