// Every package the code imports is declared in package.json — none works only because another
// package happened to bring it — and what the packaged app and the simulator load at run time is
// in `dependencies`, the rest (build, test and benchmark tools) in `devDependencies`.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const BUILTINS = new Set(builtinModules);
/** Code that runs in the packaged app or the simulator (tests beside it excepted). */
const RUNTIME = /^(shared|electron|renderer|simulator)\//;
/** Electron is a development dependency by electron-builder's rule: it ships as the binary. */
const PROVIDED = new Set(['electron']);

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'dist', 'release', 'test-results', '.git'].includes(entry.name))
        sources(rel, out);
    } else if (/\.(ts|tsx|mts|cts|mjs|cjs)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** The bare package names a file imports (type-only imports included: they must resolve too). */
export function importedPackages(text: string): { name: string; typeOnly: boolean }[] {
  const found: { name: string; typeOnly: boolean }[] = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[4] ?? m[5] ?? m[6] ?? '';
    if (!spec || spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
    if (BUILTINS.has(name)) continue;
    found.push({ name, typeOnly: Boolean(m[2]) });
  }
  return found;
}

const files = ['shared', 'electron', 'renderer', 'simulator', 'scripts', 'test']
  .flatMap((d) => sources(d))
  .concat(fs.readdirSync(ROOT).filter((f) => /\.config\.(ts|js|mjs)$/.test(f)))
  // This file's own fixture text names packages that do not exist.
  .filter((f) => f !== 'test/lint/dependencies.test.ts');

describe('declared dependencies', () => {
  it('finds imports the way the code writes them (the scanner bites)', () => {
    const text = [
      "import { a } from 'left-pad';",
      "import type { B } from '@scope/pkg/deep/path.js';",
      "const c = require('cjs-thing');",
      "const d = await import('lazy-thing');",
      "import 'side-effect';",
      "import fs from 'node:fs';",
      "import x from './local.js';",
    ].join('\n');
    expect(importedPackages(text).map((p) => p.name)).toEqual([
      'left-pad',
      '@scope/pkg',
      'cjs-thing',
      'lazy-thing',
      'side-effect',
    ]);
  });

  it('declares every package the code imports', () => {
    const declared = new Set([
      ...Object.keys(pkg.dependencies),
      ...Object.keys(pkg.devDependencies),
    ]);
    const missing = files.flatMap((f) =>
      importedPackages(fs.readFileSync(path.join(ROOT, f), 'utf8'))
        .filter((p) => !declared.has(p.name))
        .map((p) => `${f}: ${p.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('keeps what the app and the simulator load at run time in dependencies', () => {
    const runtime = new Set(Object.keys(pkg.dependencies));
    const misplaced = files
      .filter(
        (f) => RUNTIME.test(f) && !/\.test\.tsx?$|\/testing\/|test-support\.|test-setup\./.test(f),
      )
      .flatMap((f) =>
        importedPackages(fs.readFileSync(path.join(ROOT, f), 'utf8'))
          .filter((p) => !p.typeOnly && !runtime.has(p.name) && !PROVIDED.has(p.name))
          .map((p) => `${f}: ${p.name}`),
      );
    expect(misplaced).toEqual([]);
  });
});
