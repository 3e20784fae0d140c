// The renderer's JavaScript by chunk, gzip -9: what the login window loads before its first paint
// and what loads later. Used by the renderer benchmark and by test/lint/initial-bundle.test.ts.
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SIGN_IN_NAMESPACES } from '../../renderer/i18n/namespaces.js';
import { figure, type Figure } from './figures.js';

const DIST = join(resolve(import.meta.dirname, '../..'), 'dist', 'renderer');
const INITIAL_BUDGET_KB = 150;

/** The JS files index.html loads at once: its module script and the modules it preloads. */
async function initialFiles(dist: string): Promise<Set<string>> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="\.?\/?([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  return new Set(refs.map((r) => r.replace(/^\.\//, '')));
}

/**
 * The catalog chunks the login window loads before its first paint: the sign-in namespaces of
 * one language (`renderer/i18n/index.ts`), of the language whose chunks weigh more, since either
 * may be the one in use. A zh-HK chunk is told from the English one by its Chinese text.
 */
function startCatalogs(rows: { file: string; gzip: number; text: string }[]): Set<string> {
  const byLanguage = new Map<string, { files: string[]; gzip: number }>();
  for (const r of rows) {
    const ns = /^assets\/([a-z]+)-[^/]+\.js$/.exec(r.file)?.[1];
    if (!ns || !(SIGN_IN_NAMESPACES as readonly string[]).includes(ns)) continue;
    const language = /[\u4e00-\u9fff]/.test(r.text) ? 'zh-HK' : 'en';
    const entry = byLanguage.get(language) ?? { files: [], gzip: 0 };
    entry.files.push(r.file);
    entry.gzip += r.gzip;
    byLanguage.set(language, entry);
  }
  const heaviest = [...byLanguage.values()].sort((a, b) => b.gzip - a.gzip)[0];
  return new Set(heaviest?.files ?? []);
}

/** Initial and lazy JavaScript, gzip level 9, in KB (1024 bytes). */
export async function bundleSizes(
  dist = DIST,
  log: (line: string) => void = console.log,
): Promise<Figure[]> {
  const initial = await initialFiles(dist);
  const files = (await readdir(join(dist, 'assets'))).filter((f) => f.endsWith('.js'));
  const rows = await Promise.all(
    files.map(async (f) => {
      const body = await readFile(join(dist, 'assets', f));
      return {
        file: `assets/${f}`,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        text: body.toString('utf8'),
      };
    }),
  );
  for (const file of startCatalogs(rows)) initial.add(file);
  rows.sort((a, b) => b.gzip - a.gzip);
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  let initialGzip = 0;
  let initialRaw = 0;
  let lazyGzip = 0;
  const initialChunks: Record<string, number> = {};
  const lazyChunks: Record<string, number> = {};
  log('JavaScript in dist/renderer (KB raw, KB gzip):');
  for (const r of rows) {
    const isInitial = initial.has(r.file);
    if (isInitial) {
      initialGzip += r.gzip;
      initialRaw += r.raw;
      initialChunks[r.file] = Number((r.gzip / 1024).toFixed(1));
    } else {
      lazyGzip += r.gzip;
      lazyChunks[r.file] = Number((r.gzip / 1024).toFixed(1));
    }
    log(`  ${isInitial ? 'initial' : 'lazy   '} ${kb(r.raw)} ${kb(r.gzip)}  ${r.file}`);
  }
  log(
    `Initial JS: ${kb(initialGzip).trim()} KB gzip (budget ${INITIAL_BUDGET_KB} KB${initialGzip / 1024 > INITIAL_BUDGET_KB ? ', OVER' : ''})`,
  );
  log(`Lazy JS:    ${kb(lazyGzip).trim()} KB gzip`);
  return [
    figure({
      id: 'initial-js-gzip',
      name: 'initial JavaScript of the login window, gzip',
      goalText: `≤ ${INITIAL_BUDGET_KB} KB`,
      goal: { op: '<=', value: INITIAL_BUDGET_KB },
      unit: 'KB',
      runs: [initialGzip / 1024],
      valueIs:
        'the files index.html loads or preloads, and the catalogs of the sign-in namespaces of the heavier language, which load before the first paint; gzip -9 (deterministic: one run)',
      details: { rawKB: initialRaw / 1024, ...initialChunks },
    }),
    figure({
      id: 'lazy-js-gzip',
      name: 'lazy JavaScript chunks (loaded after the login window), gzip',
      goalText: 'reported apart',
      unit: 'KB',
      runs: [lazyGzip / 1024],
      valueIs: 'every other .js of dist/renderer/assets, gzip -9',
      details: lazyChunks,
    }),
  ];
}
