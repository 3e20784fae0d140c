import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/index.js';

/** The namespaces the sign-in screens own; other screens add their own files beside them. */
export const SIGN_IN_NAMESPACES = ['common', 'errors', 'login', 'otp', 'init'] as const;

/** Every interface language, in the order the settings list them. */
export const LANGUAGES: readonly Language[] = ['en', 'zh-HK'];

type Catalog = Record<string, unknown>;

/** Traditional Chinese as Hong Kong, Taiwan and Macau write it: the zh-HK catalogs. */
const TRADITIONAL_CHINESE = /^zh-(hk|mo|tw|hant)(-|$)/i;

/**
 * The language a first run starts in, before the user has chosen one: the first of the OS's (the
 * browser's `navigator.languages`) that is Traditional Chinese (zh-HK, zh-MO, zh-TW, zh-Hant…)
 * or English decides; anything else, or none, is English.
 */
export function languageFromOs(languages: readonly string[]): Language {
  for (const tag of languages) {
    if (TRADITIONAL_CHINESE.test(tag)) return 'zh-HK';
    if (/^en(-|$)/i.test(tag)) return 'en';
  }
  return 'en';
}

/** Which name the catalogs give the OS's credential store (`common:credentialStore.<os>`). */
export type CredentialStoreOs = 'windows' | 'macos' | 'generic';

/** The credential store's name for a Node `process.platform` value (`AppInfo.platform`). */
export function credentialStoreOs(platform: string | undefined): CredentialStoreOs {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  return 'generic';
}

// Every text that names the credential store nests `$t(common:credentialStore.{{os}})`, so the
// OS is one default variable: Windows Credential Manager on Windows, a generic name where the OS
// is not known (before app info arrives, on Linux).
let os: CredentialStoreOs = 'generic';

// Eager so the login screen never waits for a chunk; every `locales/<lang>/<ns>.json` found here
// becomes a namespace, so another screen adds a catalog by adding a file, not by editing this one.
const modules = import.meta.glob<Catalog>('./locales/*/*.json', { eager: true, import: 'default' });

/** The catalogs found under `locales/`, as i18next resources: `{ en: { login: {...} } }`. */
export function loadResources(): Resource {
  const resources: Resource = {};
  for (const [path, catalog] of Object.entries(modules)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang, ns] = match as unknown as [string, string, string];
    resources[lang] ??= {};
    resources[lang][ns] = catalog;
  }
  return resources;
}

/** Starts i18next with every catalog; `<html lang>` follows the language. */
export async function initI18n(language: Language): Promise<I18n> {
  const resources = loadResources();
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false, defaultVariables: { os } }, // React escapes already
    returnNull: false,
  });
  showLanguage(language);
  return i18next;
}

/** Names the OS's credential store after `AppInfo.platform` in every text from now on. */
export function setPlatform(platform: string | undefined): void {
  os = credentialStoreOs(platform);
  const interpolation = i18next.options.interpolation;
  if (interpolation) interpolation.defaultVariables = { ...interpolation.defaultVariables, os };
}

/** `<html lang>` and the window title follow the language (CCMS 終端機 in zh-HK). */
function showLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.title = i18next.t('common:appName');
}

/** Switches the interface language at once (the settings screen calls this after saving). */
export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  showLanguage(language);
}

export { i18next };
