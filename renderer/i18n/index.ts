import i18next, { type BackendModule, type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/index.js';

import { SIGN_IN_NAMESPACES } from './namespaces.js';

export { SIGN_IN_NAMESPACES };

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

// One chunk per catalog file, loaded for the language in use and the screens shown only (the
// login window carries neither the other language's texts nor other screens': BENCHMARKS.md,
// initial JavaScript). Every `locales/<lang>/<ns>.json` found here becomes a namespace, so another
// screen adds a catalog by adding a file, not by editing this one.
const loaders = import.meta.glob<Catalog>('./locales/*/*.json', { import: 'default' });

/** Every catalog under `locales/`, as i18next resources: `{ en: { login: {...} } }` (tests). */
export async function loadResources(): Promise<Resource> {
  const resources: Resource = {};
  for (const [path, load] of Object.entries(loaders)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang, ns] = match as unknown as [string, string, string];
    resources[lang] ??= {};
    resources[lang][ns] = await load();
  }
  return resources;
}

/** i18next reads a namespace of a language from its catalog file, which is a chunk of its own. */
const catalogBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = loaders[`./locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`no catalog ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (catalog) => callback(null, catalog),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

const LANGUAGE_KEY = 'ccms.language';

/** The language this window last showed (not a secret: a hint to fetch texts early), or null. */
export function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Starts fetching a language's sign-in catalogs before i18next asks for them (module loads are
 * shared, so i18next's read later gets the same ones): the texts come down while the window
 * still waits for the user's settings.
 */
export function prefetchLanguage(language: string): void {
  for (const ns of SIGN_IN_NAMESPACES) {
    loaders[`./locales/${language}/${ns}.json`]?.().catch(() => undefined);
  }
}

/** Every namespace the catalogs have. */
export function allNamespaces(): string[] {
  return [...new Set(Object.keys(loaders).map((p) => p.replace(/^.*\/|\.json$/g, '')))].sort();
}

/**
 * Starts i18next in `language` with the login window's namespaces loaded; the others load when a
 * screen asks for them, and a language switch loads the new language's. `<html lang>` follows.
 */
export async function initI18n(language: Language): Promise<I18n> {
  await i18next
    .use(catalogBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      // The catalogs test keeps every language's keys the same: nothing falls back.
      fallbackLng: false,
      ns: [...SIGN_IN_NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false, defaultVariables: { os } }, // React escapes already
      returnNull: false,
    });
  showLanguage(language);
  return i18next;
}

/** Loads every namespace of the language in use (tests that render a screen on its own). */
export async function loadAllNamespaces(): Promise<void> {
  await i18next.loadNamespaces(allNamespaces());
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
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // no storage (a locked-down profile): the next start only fetches its texts a little later
  }
  document.title = i18next.t('common:appName');
}

/** Switches the interface language at once (the settings screen calls this after saving). */
export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  showLanguage(language);
}

export { i18next };
