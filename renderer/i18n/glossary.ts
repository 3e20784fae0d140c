// vite/client declares `?raw` imports; the root Node project type-checks this file too (test/security).
/// <reference types="vite/client" />
/**
 * The English ↔ zh-HK glossary, read from `docs/glossary.md` (its "Terms" and "Not in zh-HK"
 * tables), and the checks `catalogs.test.ts` and the Group Policy template test run with it.
 * Acronyms stay as they are in every language; Hong Kong Traditional Chinese uses Hong Kong
 * wording, not Taiwan or Mainland wording.
 */
import glossarySource from '../../docs/glossary.md?raw';

/** One row of the Terms table, as the check uses it. */
export interface TermRule {
  /** The English term as written in the table (notes removed). */
  english: string;
  /** Lower-case phrase to look for in English text (hyphens read as spaces). */
  phrase: string;
  /** Acronyms given with the term, such as OTP in "one-time password (OTP)": matched exactly. */
  acronyms: string[];
  /** The zh-HK renderings; the zh-HK text must hold one of them. */
  zh: string[];
}

/** One row of the Not in zh-HK table. */
export interface ForbiddenRule {
  variant: string;
  instead: string;
  /** Longer terms the variant may appear inside (鑰匙圈 in "macOS 鑰匙圈"). */
  allowedWithin: string[];
}

/** Acronyms every zh-HK text keeps as they are wherever the English has them. */
export const PINNED_TERMS = ['OTP', 'CCMS', 'DMS', 'DCASS'] as const;

/**
 * Terms of the table the phrase-by-phrase check skips, with why. Each is still held by another
 * check (the pinned acronyms) or by review.
 */
export const NOT_CHECKED: Readonly<Record<string, string>> = {
  // The catalogs say "CCMS host" and keep the acronym (PINNED_TERMS); the full Chinese name is
  // for prose about the system, which the terminal does not have.
  ccms: 'the acronym is kept (PINNED_TERMS)',
  // English "request" is also the technical request (INVALID_REQUEST, "requested by"); zh-HK
  // writes 要求 for both, and 提出要求 only where someone makes one.
  request: 'zh-HK 要求 covers both senses; 提出要求 only for the act',
  // "Market maker" (an account type, 莊家) holds the word; the DMS screens say "Requested by".
  maker: 'the word is also in "market maker" (莊家)',
};

/** The rows of the Markdown table under `## heading`, header and rule lines left out. */
export function tableRows(markdown: string, heading: string): string[][] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`docs/glossary.md has no "## ${heading}" section`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (!line.trim().startsWith('|')) continue;
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    if (cells.every((c) => /^-*$/.test(c))) continue;
    rows.push(cells);
  }
  return rows.slice(1); // the header row
}

const ACRONYM = /^[A-Z0-9]+$/;

/** An English cell part: the term, and the acronyms given in brackets; other brackets are notes. */
function englishPart(part: string): { english: string; acronyms: string[] } {
  const acronyms: string[] = [];
  const english = part
    .replace(/\(([^)]*)\)/g, (_, inner: string) => {
      if (ACRONYM.test(inner.trim())) acronyms.push(inner.trim());
      return '';
    })
    .trim();
  return { english, acronyms };
}

/** A zh-HK cell part: the term, plus an acronym in full-width brackets; ASCII brackets are notes. */
function chinesePart(part: string): string[] {
  const forms: string[] = [];
  const main = part
    .replace(/\([^)]*\)/g, '')
    .replace(/（([^）]*)）/g, (_, inner: string) => {
      if (ACRONYM.test(inner.trim())) forms.push(inner.trim());
      return '';
    })
    .trim();
  return [main, ...forms].filter(Boolean);
}

/** Pairs `A / B` with `A / B`; when the counts differ, every part takes every rendering. */
function pair<T>(en: string[], zh: T[]): [string, T[]][] {
  if (en.length === zh.length) return en.map((e, i) => [e, [zh[i] as T]]);
  return en.map((e) => [e, zh]);
}

const normalize = (english: string) => english.toLowerCase().replace(/-/g, ' ').trim();

/** The Terms table as rules. */
export function parseTerms(markdown: string): TermRule[] {
  const rules: TermRule[] = [];
  for (const [enCell = '', zhCell = ''] of tableRows(markdown, 'Terms')) {
    const groups = pair(enCell.split(';'), zhCell.split('；'));
    for (const [enGroup, zhGroups] of groups) {
      const zhParts = zhGroups.flatMap((g) => g.split(' / '));
      for (const [enPart, zhChoices] of pair(enGroup.split(' / '), zhParts)) {
        const { english, acronyms } = englishPart(enPart);
        const zh = zhChoices.flatMap(chinesePart);
        if (english) rules.push({ english, phrase: normalize(english), acronyms, zh });
      }
    }
  }
  return rules;
}

/** The Not in zh-HK table as rules. */
export function parseForbidden(markdown: string): ForbiddenRule[] {
  return tableRows(markdown, 'Not in zh-HK').map(([variant = '', instead = '', , within = '']) => ({
    variant,
    instead,
    allowedWithin: within ? within.split(' / ').map((w) => w.trim()) : [],
  }));
}

/** The glossary of `docs/glossary.md`. */
export const TERMS: readonly TermRule[] = parseTerms(glossarySource);
/** The wording of `docs/glossary.md` that zh-HK never uses. */
export const FORBIDDEN: readonly ForbiddenRule[] = parseForbidden(glossarySource);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English text as the phrase check reads it: placeholders out, lower case, hyphens as spaces. */
function englishWords(text: string): string {
  return normalize(text.replace(/{{[^}]*}}/g, ' ').replace(/\$t\([^)]*\)/g, ' '));
}

/**
 * The glossary terms an English text uses that its zh-HK translation does not render as the
 * glossary says: `"authenticator app" → 身份驗證流動應用程式`. A phrase matches at a word start
 * ("emailed" is "email"); an acronym matches as a word, in capitals. A rendering that starts
 * with 已 (已鎖定) also counts without it, as Chinese grammar moves it (鎖定前, 已被鎖定).
 */
export function missingTerms(en: string, zh: string, terms: readonly TermRule[] = TERMS): string[] {
  const words = englishWords(en);
  const problems: string[] = [];
  for (const term of terms) {
    if (term.phrase in NOT_CHECKED) continue;
    const usesPhrase = new RegExp(`(^|[^a-z0-9])${escape(term.phrase)}`).test(words);
    const usesAcronym = term.acronyms.some((a) => new RegExp(`\\b${escape(a)}\\b`).test(en));
    if (!usesPhrase && !usesAcronym) continue;
    const forms = term.zh.flatMap((f) => (f.startsWith('已') ? [f, f.slice(1)] : [f]));
    if (!forms.some((f) => zh.includes(f)))
      problems.push(`"${term.english}" should be ${term.zh.join(' or ')}`);
  }
  return problems;
}

/** Simplified-only characters a careless translation lets through. */
export const SIMPLIFIED_ONLY = '码户设电邮应权员录网务账维们这时间发从请证连线检';

/** The forbidden wording a zh-HK text holds: `連線 (use 連接)`. */
export function forbiddenWording(
  zh: string,
  rules: readonly ForbiddenRule[] = FORBIDDEN,
): string[] {
  const problems: string[] = [];
  for (const char of SIMPLIFIED_ONLY) if (zh.includes(char)) problems.push(`${char} (Simplified)`);
  for (const rule of rules) {
    let rest = zh;
    for (const within of rule.allowedWithin) rest = rest.split(within).join(' ');
    if (rest.includes(rule.variant)) problems.push(`${rule.variant} (use ${rule.instead})`);
  }
  return problems;
}

/** English phrase (lower case) → the first zh-HK rendering: for checks over other text. */
export const HK_TERMS: Readonly<Record<string, string>> = Object.fromEntries(
  TERMS.flatMap((t) => (t.phrase in NOT_CHECKED || !t.zh[0] ? [] : [[t.phrase, t.zh[0]] as const])),
);

/** The forbidden zh-HK wording that no longer term may hold, and Simplified characters. */
export const ZH_HK_FORBIDDEN: readonly string[] = [
  ...SIMPLIFIED_ONLY,
  ...FORBIDDEN.filter((r) => r.allowedWithin.length === 0).map((r) => r.variant),
];
