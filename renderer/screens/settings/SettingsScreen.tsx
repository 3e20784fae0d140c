import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
} from '@fluentui/react-components';
import { EnvironmentId, Language } from '../../../shared/index.js';
import { applyLanguage, LANGUAGES } from '../../i18n/index.js';
import { errorSentence } from '../../i18n/error-sentence.js';
import { useSessionStore } from '../../state/session-store.js';
import { useSettingsStore } from '../../state/settings-store.js';
import { ForgetWorkstation } from './ForgetWorkstation.js';
import { AboutSection } from './AboutSection.js';
import { PolicySection } from './PolicySection.js';
import { SupportBundleSection } from './SupportBundleSection.js';
import { useSettingsStyles } from './settings-styles.js';

/** Props of the settings screen. */
export interface SettingsScreenProps {
  onClose(): void;
}

/** Settings: language (applied at once), environment (policy-limited), forget workstation, about. */
export default function SettingsScreen({ onClose }: SettingsScreenProps) {
  const { t, i18n } = useTranslation('settings');
  const styles = useSettingsStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const appInfo = useSessionStore((s) => s.appInfo);
  const setAppInfo = useSessionStore((s) => s.setAppInfo);
  const step = useSessionStore((s) => s.authState?.step ?? null);
  const { saving, saveError, setLanguage, setEnvironment } = useSettingsStore();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => () => useSettingsStore.getState().reset(), []);

  const signedIn = step === 'signedIn' || step === 'locked';
  // The choice shows at once; the interface follows when the language's texts have loaded.
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const language = chosenLanguage ?? Language.safeParse(i18n.language).data ?? 'en';
  const environment = appInfo?.settings.environment;
  const allowed = appInfo?.allowedEnvironments ?? [];

  const onLanguage = async (value: string) => {
    const parsed = Language.safeParse(value);
    if (!parsed.success) return;
    setChosenLanguage(parsed.data);
    const info = await setLanguage(parsed.data, applyLanguage);
    setChosenLanguage(null);
    if (info) setAppInfo(info);
  };
  const onEnvironment = async (value: string) => {
    const parsed = EnvironmentId.safeParse(value);
    if (!parsed.success) return;
    const info = await setEnvironment(parsed.data);
    if (info) setAppInfo(info);
  };

  return (
    <section className={styles.root} aria-labelledby="settings-heading">
      <div className={styles.titleRow}>
        <h1 id="settings-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
          {t('heading')}
        </h1>
        <Button onClick={onClose}>{t('close')}</Button>
      </div>

      <div role="status" aria-live="polite">
        {saving && <p className={styles.note}>{t('saving')}</p>}
      </div>
      {saveError && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t('saveFailed')} {errorSentence(t, saveError, i18n.language)}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.card} aria-labelledby="settings-language">
        <h2 id="settings-language" className={styles.subheading}>
          {t('language.heading')}
        </h2>
        <Field label={t('language.label')}>
          <RadioGroup value={language} onChange={(_, d) => void onLanguage(d.value)}>
            {LANGUAGES.map((lang) => (
              <Radio
                key={lang}
                value={lang}
                label={<span lang={lang}>{t(`language.${lang}`)}</span>}
              />
            ))}
          </RadioGroup>
        </Field>
      </section>

      <section className={styles.card} aria-labelledby="settings-environment">
        <h2 id="settings-environment" className={styles.subheading}>
          {t('environment.heading')}
        </h2>
        <Field
          label={t('environment.label')}
          hint={
            signedIn
              ? t('environment.lockedWhileSignedIn')
              : allowed.length === 1
                ? t('environment.onlyOne')
                : undefined
          }
        >
          <RadioGroup
            value={environment ?? ''}
            disabled={signedIn || saving !== null || allowed.length < 2}
            onChange={(_, d) => void onEnvironment(d.value)}
          >
            {allowed.map((env) => (
              <Radio key={env} value={env} label={t(`environment.${env}`)} />
            ))}
          </RadioGroup>
        </Field>
      </section>

      {appInfo?.policy && <PolicySection policy={appInfo.policy} />}
      <ForgetWorkstation />
      <SupportBundleSection />
      {appInfo && <AboutSection info={appInfo} />}
    </section>
  );
}
