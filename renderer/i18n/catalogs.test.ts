import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/index.js';
import { HK_TERMS, PINNED_TERMS, ZH_HK_FORBIDDEN } from './glossary.js';
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

const resources = loadResources();
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

describe('glossary', () => {
  it.each(namespaces)('zh-HK/%s keeps OTP, CCMS, 2FA and DMS as they are', (ns) => {
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

  it.each(namespaces)('zh-HK/%s uses Hong Kong wording', (ns) => {
    const zh = catalog('zh-HK', ns);
    const problems: string[] = [];
    for (const [key, text] of zh) {
      for (const bad of ZH_HK_FORBIDDEN) {
        if (text.includes(bad)) problems.push(`${ns}.${key}: "${bad}" in "${text}"`);
      }
    }
    for (const [key, text] of catalog('en', ns)) {
      const zhText = zh.get(key) ?? zh.get(`${base(key)}_other`);
      if (zhText === undefined) continue;
      for (const [phrase, term] of Object.entries(HK_TERMS)) {
        // Placeholders like {{maskedEmail}} are names, not wording.
        const words = text.replace(/{{[^}]*}}/g, '').toLowerCase();
        if (words.includes(phrase) && !zhText.includes(term)) {
          problems.push(`${ns}.${key}: "${phrase}" should be "${term}" in "${zhText}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
