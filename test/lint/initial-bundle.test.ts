// The login window's JavaScript stays within its budget and carries no zod: the renderer is
// built into a temporary folder and measured the way `npm run bench` measures it
// (test/bench/renderer-bench.ts, bundleSizes). Sizes of a build are deterministic, so this is a
// budget, not a timing. What keeps zod out: the renderer takes values from shared/values.ts and
// shared/app-error.ts, and types only from the schema modules (docs/architecture.md).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSizes } from '../bench/bundle-sizes.js';

const root = resolve(import.meta.dirname, '../..');
let outDir = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'ccms-initial-bundle-'));
  // The build `npm run build` makes, in a child process: vitest's NODE_ENV=test would give
  // React's development build.
  await promisify(execFile)(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      outDir,
      '--emptyOutDir',
    ],
    { cwd: root, env: { ...process.env, NODE_ENV: 'production' } },
  );
}, 120_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe("the login window's JavaScript", () => {
  it('is at most 150 KB gzip, the catalogs it loads before its first paint included', async () => {
    const [initial] = await bundleSizes(outDir, () => undefined);
    expect(initial?.id).toBe('initial-js-gzip');
    expect(initial?.runs[0]).toBeLessThanOrEqual(150);
  });

  it('has no zod in it (schemas load with the screens that check input)', async () => {
    const [initial] = await bundleSizes(outDir, () => undefined);
    const files = Object.keys(initial?.details ?? {}).filter((k) => k.startsWith('assets/'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = await readFile(join(outDir, file), 'utf8');
      expect(text.includes('$ZodType'), `${file} carries zod`).toBe(false);
    }
    // The check bites: the schemas are built, just not in the login window.
    const lazy = Object.keys((await bundleSizes(outDir, () => undefined))[1]?.details ?? {});
    const withZod = await Promise.all(
      lazy.map(async (f) => (await readFile(join(outDir, f), 'utf8')).includes('$ZodType')),
    );
    expect(withZod.some(Boolean)).toBe(true);
  });
});
