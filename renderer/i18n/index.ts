import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/index.js';

/** The namespaces the sign-in screens own; other screens add their own files beside them. */
export const SIGN_IN_NAMESPACES = ['common', 'errors', 'login', 'otp', 'init'] as const;

/** Every interface language, in the order the settings list them. */
export const LANGUAGES: readonly Language[] = ['en', 'zh-HK'];

type Catalog = Record<string, unknown>;

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
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

/** Switches the interface language at once (the settings screen calls this after saving). */
export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18next };
