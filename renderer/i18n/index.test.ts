import { afterEach, describe, expect, it } from 'vitest';
import {
  applyLanguage,
  credentialStoreOs,
  i18next,
  initI18n,
  languageFromOs,
  setPlatform,
} from './index.js';

afterEach(() => setPlatform(undefined));

describe('i18n start', () => {
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
