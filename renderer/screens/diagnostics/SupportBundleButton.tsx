import { useTranslation } from 'react-i18next';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { errorSentence } from '../../i18n/error-sentence.js';
import { useSupportBundle } from './use-support-bundle.js';
import { useDiagnosticsStyles } from './diagnostics-styles.js';

/** "Save support bundle" and, once saved, where the file is (the hotline asks for it by path). */
export function SupportBundleButton() {
  const { t, i18n } = useTranslation('diagnostics');
  const styles = useDiagnosticsStyles();
  const { saving, saved, error, save } = useSupportBundle();
  return (
    <div className={styles.bundle}>
      <div>
        <Button onClick={() => void save()} disabledFocusable={saving}>
          {saving ? t('bundle.saving') : t('bundle.save')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {saved && (
          <p className={styles.note}>
            {t('bundle.saved', { path: saved.path })}{' '}
            {t('bundle.contents', {
              count: saved.files.length,
              size: Math.max(1, Math.round(saved.bytes / 1024)).toLocaleString(i18n.language),
            })}
          </p>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              {t('bundle.failed')} {errorSentence(t, error, i18n.language)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
