import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/index.js';
import glossarySource from '../../docs/glossary.md?raw';
import {
  FORBIDDEN,
  PINNED_TERMS,
  TERMS,
  forbiddenWording,
  missingTerms,
  parseForbidden,
  parseTerms,
} from './glossary.js';
import { LANGUAGES, loadResources } from './index.js';

type Tree = { [key: string]: string | Tree };

/** Flattens a catalog to `a.b.c → text`. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Plural forms differ by language (English has _one and _other, Chinese only _other), so keys
// are compared by their base name.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');

const resources = await loadResources();
const catalog = (lang: string, ns: string) => flatten((resources[lang]?.[ns] ?? {}) as Tree);
const namespaces = [...new Set(LANGUAGES.flatMap((l) => Object.keys(resources[l] ?? {})))].sort();

describe('translation catalogs', () => {
  it('finds the sign-in namespaces in both languages', () => {
    for (const lang of LANGUAGES) {
      expect(Object.keys(resources[lang] ?? {})).toEqual(
        expect.arrayContaining(['common', 'errors', 'login', 'otp', 'init']),
      );
    }
  });

  it.each(namespaces)('namespace %s has the same keys in every language', (ns) => {
    const keySets = LANGUAGES.map((lang) => new Set([...catalog(lang, ns).keys()].map(base)));
    const all = new Set(keySets.flatMap((s) => [...s]));
    const missing = LANGUAGES.flatMap((lang, i) =>
      [...all].filter((k) => !keySets[i]?.has(k)).map((k) => `${lang}/${ns}.json: ${k}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(namespaces)('namespace %s has no empty text and the same placeholders', (ns) => {
    const en = catalog('en', ns);
    const problems: string[] = [];
    for (const lang of LANGUAGES) {
      for (const [key, text] of catalog(lang, ns)) {
        if (text.trim() === '') problems.push(`${lang}/${ns}.json: ${key} is empty`);
        const other = en.get(key) ?? en.get(`${base(key)}_other`) ?? en.get(base(key));
        if (other === undefined) continue;
        const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
        // A plural's "one" form may spell the number out; otherwise placeholders must agree.
        if (!key.endsWith('_one') && vars(text).join() !== vars(other).join()) {
          problems.push(
            `${lang}/${ns}.json: ${key} uses {{${vars(text).join()}}} but en uses {{${vars(other).join()}}}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a sentence for every error code in every language', () => {
    const missing = LANGUAGES.flatMap((lang) =>
      ErrorCode.options
        .filter((code) => !catalog(lang, 'errors').has(code))
        .map((c) => `${lang}: ${c}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('glossary (docs/glossary.md)', () => {
  it('reads the Terms table of docs/glossary.md, notes and acronyms apart', () => {
    const find = (english: string) => TERMS.find((t) => t.english === english);
    expect(TERMS.length).toBeGreaterThan(40);
    expect(find('authenticator app')?.zh).toEqual(['身份驗證流動應用程式']);
    expect(find('Two-Factor Authentication')).toMatchObject({
      acronyms: ['2FA'],
      zh: ['雙重認證'],
    });
    expect(find('one-time password')).toMatchObject({
      acronyms: ['OTP'],
      zh: ['一次性密碼', 'OTP'],
    });
    expect(find('session')?.zh).toEqual(['登入時段']);
    expect(find('reload')?.zh).toEqual(['重新載入']);
    expect(find('reject')?.zh).toEqual(['拒絕']);
    expect(find('CCMS Terminal')?.zh).toEqual(['CCMS 終端機']);
    expect(find('connectivity test')?.zh).toEqual(['連接測試']);
    expect(find('connectivity check')?.zh).toEqual(['連接檢查']);
    expect(find('SEOCH')?.zh).toEqual(['香港聯合交易所期權結算所有限公司', '聯交所期權結算所']);
  });

  it('reads the Not in zh-HK table, with the longer terms a variant may sit in', () => {
    const find = (variant: string) => FORBIDDEN.find((f) => f.variant === variant);
    for (const v of [
      '連線',
      '工作階段',
      '重新整理',
      '重置',
      '登錄',
      '證書機構',
      '貴機構',
      '密碼庫',
    ])
      expect(find(v)?.allowedWithin, v).toEqual([]);
    expect(find('鑰匙圈')?.allowedWithin).toEqual(['macOS 鑰匙圈']);
  });

  it('finds a term the translation renders otherwise, and passes the glossary rendering', () => {
    expect(missingTerms('Open the authenticator app.', '請開啟驗證流動應用程式。')).toEqual([
      '"authenticator app" should be 身份驗證流動應用程式',
    ]);
    expect(missingTerms('Open the authenticator app.', '請開啟身份驗證流動應用程式。')).toEqual([]);
    expect(missingTerms('2FA is set up', '2FA 已設定')).toEqual([
      '"Two-Factor Authentication" should be 雙重認證',
    ]);
    expect(missingTerms('Your account is locked.', '你的帳戶已被鎖定。')).toEqual([]);
    // Placeholders are names, not wording.
    expect(missingTerms('Sent to {{email}}.', '已發送至 {{email}}。')).toEqual([]);
  });

  it('finds forbidden wording, except inside the longer term it may sit in', () => {
    expect(forbiddenWording('你的工作階段已結束')).toEqual(['工作階段 (use 登入時段)']);
    expect(forbiddenWording('無法使用 macOS 鑰匙圈')).toEqual([]);
    expect(forbiddenWording('系統鑰匙圈無法使用')).toEqual([
      '鑰匙圈 (use 認證管理員 / 系統認證存放區)',
    ]);
    expect(forbiddenWording('请输入')).toEqual(['请 (Simplified)']);
  });

  it('parses a table it is given, not only the file', () => {
    const md =
      '## Terms\n\n| English | zh-HK | source |\n|---|---|---|\n| foo / bar (FB) | 甲 / 乙（FB） | x |\n' +
      '\n## Not in zh-HK\n\n| zh-HK variant | use instead | why | allowed only within |\n|---|---|---|---|\n| 丙 | 丁 | y | 丙丁 |\n';
    expect(parseTerms(md)).toEqual([
      { english: 'foo', phrase: 'foo', acronyms: [], zh: ['甲'] },
      { english: 'bar', phrase: 'bar', acronyms: ['FB'], zh: ['乙', 'FB'] },
    ]);
    expect(parseForbidden(md)).toEqual([{ variant: '丙', instead: '丁', allowedWithin: ['丙丁'] }]);
    expect(glossarySource).toContain('## Terms');
  });

  it.each(namespaces)('zh-HK/%s keeps OTP, CCMS, DMS and DCASS as they are', (ns) => {
    const zh = catalog('zh-HK', ns);
    const problems: string[] = [];
    for (const [key, text] of catalog('en', ns)) {
      const zhText = zh.get(key) ?? zh.get(`${base(key)}_other`);
      if (zhText === undefined) continue;
      for (const term of PINNED_TERMS) {
        if (new RegExp(`\\b${term}\\b`).test(text) && !zhText.includes(term)) {
          problems.push(`${ns}.${key}: "${term}" missing from "${zhText}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(namespaces)('zh-HK/%s renders every glossary term as docs/glossary.md does', (ns) => {
    const zh = catalog('zh-HK', ns);
    const problems: string[] = [];
    for (const [key, text] of catalog('en', ns)) {
      const zhText = zh.get(key) ?? zh.get(`${base(key)}_other`);
      if (zhText === undefined) continue;
      for (const p of missingTerms(text, zhText))
        problems.push(`${ns}.${key}: ${p} in "${zhText}"`);
    }
    expect(problems).toEqual([]);
  });

  it.each(namespaces)('zh-HK/%s uses no wording docs/glossary.md rules out', (ns) => {
    const problems = [...catalog('zh-HK', ns)].flatMap(([key, text]) =>
      forbiddenWording(text).map((p) => `${ns}.${key}: ${p} in "${text}"`),
    );
    expect(problems).toEqual([]);
  });
});
