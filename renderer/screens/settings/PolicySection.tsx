import { useTranslation } from 'react-i18next';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { PolicyState } from '../../../shared/index.js';
import { useSettingsStyles } from './settings-styles.js';

/**
 * The machine policy: where it is read from, whether it could be read, and each value that was
 * not valid. The problems are the core's own words for IT (they name registry values and files),
 * so they stay in English in every language.
 */
export function PolicySection({ policy }: { policy: PolicyState }) {
  const { t } = useTranslation('settings');
  const styles = useSettingsStyles();
  const { status, source, problems } = policy;
  return (
    <section className={styles.card} aria-labelledby="settings-policy">
      <h2 id="settings-policy" className={styles.subheading}>
        {t('policy.heading')}
      </h2>
      {status === 'unreadable' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('policy.unreadableTitle')}</MessageBarTitle>
            {t('policy.unreadableBody')}
          </MessageBarBody>
        </MessageBar>
      )}
      {status === 'ok' && problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t('policy.problemsTitle', { count: problems.length })}
            </MessageBarTitle>
            {t('policy.problemsBody')}
          </MessageBarBody>
        </MessageBar>
      )}
      <p className={styles.note}>{t(`policy.status.${status}`)}</p>
      <dl className={styles.about}>
        <div className={styles.aboutRow}>
          <dt>{t('policy.source')}</dt>
          <dd lang="en">{source}</dd>
        </div>
      </dl>
      {problems.length > 0 && (
        <>
          <h3 className={styles.subheading}>{t('policy.details')}</h3>
          <ul aria-label={t('policy.details')}>
            {problems.map((p) => (
              <li key={p} lang="en">
                {p}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
