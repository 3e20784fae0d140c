import { useTranslation } from 'react-i18next';
import { SupportBundleButton } from '../diagnostics/SupportBundleButton.js';
import { useSettingsStyles } from './settings-styles.js';

/** Settings: the support bundle for the DCASS Hotline, one click from anywhere in the terminal. */
export function SupportBundleSection() {
  const { t } = useTranslation('diagnostics');
  const styles = useSettingsStyles();
  return (
    <section className={styles.card} aria-labelledby="settings-support-bundle">
      <h2 id="settings-support-bundle" className={styles.subheading}>
        {t('bundle.heading')}
      </h2>
      <p className={styles.note}>{t('bundle.intro')}</p>
      <SupportBundleButton />
    </section>
  );
}
