import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_EXTERNALS, NODE_BUILTINS, buildElectron, bundleOptions } from './build-electron.js';

let out: string;
let main: string;
let preload: string;
beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-electron-build-'));
  await buildElectron(out);
  main = fs.readFileSync(path.join(out, 'main.cjs'), 'utf8');
  preload = fs.readFileSync(path.join(out, 'preload.cjs'), 'utf8');
}, 120_000);
afterAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
});

const requires = (code: string) =>
  new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''));
/** esbuild marks each bundled source file with a `// path` comment. */
const sources = (code: string) =>
  [...code.matchAll(/^\/\/ (\S+\.(?:ts|js|cjs|mjs))$/gm)].map((m) => m[1] ?? '');

describe('build-electron', () => {
  it('bundles main: it requires only Node built-ins, electron and the two native bindings', () => {
    for (const r of requires(main))
      expect(NODE_BUILTINS.has(r) || MAIN_EXTERNALS.includes(r), r).toBe(true);
    expect(sources(main)).toContain('electron/main.ts');
    expect(sources(main)).toContain('electron/core/create-core.ts');
  });

  it('never bundles the simulator, browser mode or tests', () => {
    const files = sources(main);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(f, f).not.toMatch(/^(simulator|scripts|test|renderer)\//);
    for (const f of files)
      expect(f, f).not.toMatch(
        /node_modules\/(fastify|better-sqlite3|nodemailer|smtp-server|ws)\//,
      );
  });

  it('leaves the registry reader and the keychain to require() at run time, with the main options', async () => {
    // A probe entry loading both the way the core does, bundled with main's own options: bundled,
    // native-reg would look for its binary beside main.cjs.
    const entry = path.join(out, 'probe.ts');
    fs.writeFileSync(
      entry,
      "export const load = () => Promise.all([import('native-reg'), import('@napi-rs/keyring')]);\n",
    );
    const [main] = bundleOptions(out);
    const result = await build({
      ...main,
      entryPoints: [entry],
      outfile: undefined,
      write: false,
    });
    const code = result.outputFiles[0]?.text ?? '';
    // esbuild keeps an external's dynamic import() as it is (Node 22 has it) in a CJS bundle.
    const loaded = [...code.matchAll(/\b(?:require|import)\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(loaded.sort()).toEqual(['@napi-rs/keyring', 'native-reg']);
    for (const f of sources(code)) expect(f, f).not.toMatch(/node_modules/);
    expect(code).not.toContain('node-gyp-build');
  });

  it('bundles a tiny sandbox-safe preload that requires only electron', () => {
    expect([...requires(preload)]).toEqual(['electron']);
    expect(preload.length).toBeLessThan(4_000);
    expect(preload).toContain('exposeInMainWorld("ccms"');
  });
});
