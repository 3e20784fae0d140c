// "Two modules that import each other are one module or need a third": no import cycle anywhere in
// the repository. The graph is the TypeScript sources' relative imports that exist at run time:
// static imports, re-exports, side-effect imports and literal `import()` (a lazy chunk still
// depends on its importer's module). `import type` / `export type` are erased by the compiler and
// left out, as eslint-plugin-import-x's no-cycle does. Specifiers resolve the way the repo writes
// them ('./x.js' is x.ts or x.tsx); package imports cannot close a cycle of ours.
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', 'release', 'test-results', 'coverage', '.git']);
const SOURCE = /\.(ts|tsx|mts|cts)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names: './x.js' → x.ts, x.tsx, or x/index.ts(x). */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier).replace(/\.(c|m)?jsx?$/, '');
  const candidates = ['.ts', '.tsx', '.mts', '.cts', '/index.ts', '/index.tsx'].map(
    (e) => base + e,
  );
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** The specifiers `file` imports at run time (type-only imports and exports are erased). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every import cycle under `dir`, each as the files around it (relative to `dir`). */
function importCycles(dir: string): string[][] {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    graph.set(
      file,
      runtimeImports(file).flatMap((spec) => resolveImport(file, spec) ?? []),
    );
  }
  // Tarjan's strongly connected components: a component of two or more files, or a file that
  // imports itself, is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(relative(dir, member));
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

describe('import cycles', () => {
  const fixtures: string[] = [];
  const fixture = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'ccms-cycles-'));
    fixtures.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };
  afterAll(() => {
    for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
  });

  it('finds none in the repository', () => {
    expect(importCycles(root)).toEqual([]);
  });

  it('finds two stores that import each other (the shape session-store and init-store had)', () => {
    const dir = fixture({
      'state/session-store.ts':
        "import { useInit } from './init-store.js';\nexport const s = useInit;\n",
      'state/init-store.ts':
        "import { s } from './session-store.js';\nexport const useInit = () => s;\n",
      'state/auth-feed.ts': 'export const feed = 1;\n',
    });
    expect(importCycles(dir)).toEqual([['state/init-store.ts', 'state/session-store.ts']]);
  });

  it('finds a longer cycle through a .tsx file, a re-export and a lazy import()', () => {
    const dir = fixture({
      'a.ts': "export { b } from './b.js';\n",
      'b.tsx': "export const b = () => import('./c.js');\n",
      'c.ts': "import { b } from './a.js';\nexport const c = b;\n",
      'd.ts': "import { b } from './a.js';\nexport const d = b;\n",
    });
    expect(importCycles(dir)).toEqual([['a.ts', 'b.tsx', 'c.ts']]);
  });

  it('leaves out type-only imports, which the compiler erases', () => {
    const dir = fixture({
      'texts.ts':
        "import { EN } from './texts-en.js';\nexport type Texts = { a: string };\nexport const all = [EN];\n",
      'texts-en.ts':
        "import type { Texts } from './texts.js';\nexport const EN: Texts = { a: 'a' };\n",
    });
    expect(importCycles(dir)).toEqual([]);
  });

  it('accepts a third module that both import (how a cycle is broken)', () => {
    const dir = fixture({
      'feed.ts': 'export const receivers: unknown[] = [];\n',
      'one.ts': "import { receivers } from './feed.js';\nexport const one = receivers;\n",
      'two.ts':
        "import { receivers } from './feed.js';\nimport { one } from './one.js';\nexport const two = [receivers, one];\n",
    });
    expect(importCycles(dir)).toEqual([]);
  });
});
