// Every advice key and every fact the connectivity check can report has its words in both
// languages: the renderer never shows a raw key (renderer/screens/diagnostics/StepRow.tsx falls
// back to generic advice, which would hide a missing sentence).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVICE } from '../../../electron/core/diagnostics/report.js';
import { DiagnosticDetailKey } from '../../../shared/bridge.js';

type Catalog = { advice: Record<string, string>; detail: Record<string, string> };
const catalog = (lang: string): Catalog =>
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, `../../../renderer/i18n/locales/${lang}/diagnostics.json`),
      'utf8',
    ),
  ) as Catalog;

describe.each(['en', 'zh-HK'])('diagnostics catalog %s', (lang) => {
  const c = catalog(lang);
  it('has a sentence for every advice key the core emits, and none for keys it does not', () => {
    const emitted = Object.values(ADVICE);
    expect(emitted.filter((k) => !c.advice[k])).toEqual([]);
    expect(
      Object.keys(c.advice).filter((k) => k !== 'generic' && !emitted.includes(k as never)),
    ).toEqual([]);
  });

  it('has a label for every fact a step reports', () => {
    expect(DiagnosticDetailKey.options.filter((k) => !c.detail[k])).toEqual([]);
  });

  it('names the proxy wherever the advice is about a given proxy', () => {
    for (const key of [
      'proxyUnreachable',
      'proxyCouldNotReach',
      'proxyAuthFailed',
      'proxyAuthRequired',
    ])
      expect(c.advice[key], key).toContain('{{proxy}}');
  });
});
