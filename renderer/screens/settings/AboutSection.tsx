import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/index.js';
import { useSettingsStyles } from './settings-styles.js';

/** About: the app's version and mode and the runtime versions IT asks for. */
export function AboutSection({ info }: { info: AppInfo }) {
  const { t } = useTranslation('settings');
  const styles = useSettingsStyles();
  const na = t('about.notApplicable');
  const rows: [string, string][] = [
    [t('about.version'), info.version],
    [t('about.mode'), info.mode === 'electron' ? t('about.modeElectron') : t('about.modeBrowser')],
    [t('about.platform'), info.platform],
    [t('about.electron'), info.versions.electron ?? na],
    [t('about.chrome'), info.versions.chrome ?? na],
    [t('about.node'), info.versions.node ?? na],
  ];
  return (
    <section className={styles.card} aria-labelledby="settings-about">
      <h2 id="settings-about" className={styles.subheading}>
        {t('about.heading')}
      </h2>
      <dl className={styles.about}>
        {rows.map(([label, value]) => (
          <div key={label} className={styles.aboutRow}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
