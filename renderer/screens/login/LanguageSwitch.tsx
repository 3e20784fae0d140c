import { Button } from '@fluentui/react-components';
import { LocalLanguage20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/index.js';
import { applyLanguage } from '../../i18n/index.js';
import { useSessionStore } from '../../state/session-store.js';
import { useSettingsStore } from '../../state/settings-store.js';

/** Each language by its own name: what a reader of that language looks for. */
const OWN_NAME: Record<Language, string> = { en: 'English', 'zh-HK': '繁體中文' };

/**
 * The switch to the other interface language on the sign-in screen, so nobody has to find
 * Settings in a language they do not read. Choosing is saved like the Settings choice
 * (settings-store `setLanguage`), and from then on the OS's language no longer decides.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('login');
  const setLanguage = useSettingsStore((s) => s.setLanguage);
  const saving = useSettingsStore((s) => s.saving === 'language');
  const setAppInfo = useSessionStore((s) => s.setAppInfo);
  const other: Language = i18n.language === 'zh-HK' ? 'en' : 'zh-HK';

  const onSwitch = async () => {
    const info = await setLanguage(other, applyLanguage);
    if (info) setAppInfo(info);
  };

  return (
    <Button
      appearance="subtle"
      size="small"
      icon={<LocalLanguage20Regular />}
      aria-label={t('languageSwitch', { name: OWN_NAME[other] })}
      disabled={saving}
      onClick={() => void onSwitch()}
    >
      <span lang={other}>{OWN_NAME[other]}</span>
    </Button>
  );
}
