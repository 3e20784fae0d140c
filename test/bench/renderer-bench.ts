// Renderer benchmark (issue 7): gzip sizes of the built JavaScript in dist/renderer, initial
// versus lazy, and the median time from navigation to an interactive login form in headless
// chromium over 20 runs. Prints; asserts nothing. Run with `npm run bench:renderer` (builds first).
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startApp } from '../e2e/harness.js';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist', 'renderer');
const RUNS = 20;
const INITIAL_BUDGET_KB = 200;

/** The JS files index.html loads at once: its module script and the modules it preloads. */
async function initialFiles(): Promise<Set<string>> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="\.?\/?([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  return new Set(refs.map((r) => r.replace(/^\.\//, '')));
}

async function sizes(): Promise<void> {
  const initial = await initialFiles();
  const files = (await readdir(join(dist, 'assets'))).filter((f) => f.endsWith('.js'));
  const rows = await Promise.all(
    files.map(async (f) => {
      const body = await readFile(join(dist, 'assets', f));
      return { file: `assets/${f}`, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    }),
  );
  rows.sort((a, b) => b.gzip - a.gzip);
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  let initialGzip = 0;
  let lazyGzip = 0;
  console.log('JavaScript in dist/renderer (KB raw, KB gzip):');
  for (const r of rows) {
    const isInitial = initial.has(r.file);
    if (isInitial) initialGzip += r.gzip;
    else lazyGzip += r.gzip;
    console.log(`  ${isInitial ? 'initial' : 'lazy   '} ${kb(r.raw)} ${kb(r.gzip)}  ${r.file}`);
  }
  console.log(
    `Initial JS: ${kb(initialGzip).trim()} KB gzip (budget ${INITIAL_BUDGET_KB} KB${initialGzip / 1024 > INITIAL_BUDGET_KB ? ', OVER' : ''})`,
  );
  console.log(`Lazy JS:    ${kb(lazyGzip).trim()} KB gzip`);
}

async function timeToInteractiveLogin(): Promise<void> {
  const app = await startApp();
  try {
    const browser = app.page.context().browser();
    if (!browser) throw new Error('no browser behind the harness page');
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh context each run: empty cache, as at the start of a trading day.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(app.url, { waitUntil: 'commit' });
      // performance.now() counts from the start of navigation; read it when the field takes input.
      const handle = await page.waitForFunction(
        () => {
          const input = [...document.querySelectorAll('input')].find((el) =>
            el.labels?.[0]?.textContent?.includes('User ID'),
          );
          return input && !input.disabled && !input.readOnly ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      times.push(Number(await handle.jsonValue()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;
    console.log(
      `Navigation to interactive login form, ${RUNS} runs: median ${median.toFixed(0)} ms ` +
        `(min ${times[0]?.toFixed(0)} ms, max ${times[RUNS - 1]?.toFixed(0)} ms)`,
    );
  } finally {
    await app.close();
  }
}

await sizes();
await timeToInteractiveLogin();
