import { afterEach, describe, expect, it } from 'vitest';
import {
  applyLanguage,
  credentialStoreOs,
  i18next,
  initI18n,
  languageFromOs,
  setPlatform,
  SIGN_IN_NAMESPACES,
} from './index.js';

afterEach(() => setPlatform(undefined));

describe('i18n start', () => {
  it("loads only the login window's namespaces of the language in use; the rest on demand", async () => {
    await initI18n('en');
    expect(SIGN_IN_NAMESPACES.every((ns) => i18next.hasResourceBundle('en', ns))).toBe(true);
    expect(i18next.hasResourceBundle('en', 'dms')).toBe(false);
    expect(i18next.hasResourceBundle('zh-HK', 'common')).toBe(false);
    await i18next.loadNamespaces('dms');
    expect(i18next.hasResourceBundle('en', 'dms')).toBe(true);
    await applyLanguage('zh-HK');
    // The switch loads the new language's namespaces in use, the screen's included.
    expect(i18next.hasResourceBundle('zh-HK', 'common')).toBe(true);
    expect(i18next.hasResourceBundle('zh-HK', 'dms')).toBe(true);
    expect(i18next.t('common:appName')).toBe('CCMS 終端機');
  });

  it('titles the window with the product name of the language: CCMS 終端機 in zh-HK', async () => {
    await initI18n('zh-HK');
    expect(document.title).toBe('CCMS 終端機');
    expect(document.documentElement.lang).toBe('zh-HK');
    await applyLanguage('en');
    expect(document.title).toBe('CCMS Terminal');
  });

  it("names the OS's credential store after AppInfo.platform, generically where it is not known", async () => {
    await initI18n('en');
    expect(credentialStoreOs('win32')).toBe('windows');
    expect(credentialStoreOs('darwin')).toBe('macos');
    expect(credentialStoreOs('linux')).toBe('generic');
    expect(i18next.t('errors:KEYCHAIN_UNAVAILABLE')).toMatch(
      /^CCMS Terminal cannot use the system's credential store\./,
    );
    setPlatform('win32');
    await i18next.loadNamespaces('settings');
    expect(i18next.t('errors:KEYCHAIN_UNAVAILABLE')).toMatch(
      /^CCMS Terminal cannot use Windows Credential Manager\./,
    );
    expect(i18next.t('settings:forget.description')).toContain(
      'keeps in Windows Credential Manager.',
    );
    setPlatform('darwin');
    await applyLanguage('zh-HK');
    expect(i18next.t('common:notices.keychainUnavailable')).toMatch(
      /^CCMS 終端機無法使用 macOS 鑰匙圈，/,
    );
  });

  it("starts a first run in the OS's language: Traditional Chinese of Hong Kong, Macau, Taiwan → zh-HK, else English", () => {
    for (const tag of ['zh-HK', 'zh-hk', 'zh-Hant', 'zh-Hant-HK', 'zh-TW', 'zh-MO']) {
      expect(languageFromOs([tag, 'en-US'])).toBe('zh-HK');
    }
    expect(languageFromOs(['en-GB', 'zh-HK'])).toBe('en');
    // A language we have no catalog for is passed over for the next one.
    expect(languageFromOs(['fr-FR', 'zh-HK'])).toBe('zh-HK');
    for (const langs of [['zh-CN'], ['zh'], ['ja-JP'], [], ['zh-Hans-HK']]) {
      expect(languageFromOs(langs)).toBe('en');
    }
  });
});
