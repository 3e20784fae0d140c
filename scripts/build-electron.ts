// Bundles the Electron main process (electron/main.ts with electron/core) and the preload into
// dist/electron/{main,preload}.cjs with esbuild. Each is one self-contained file: the installer
// ships no node_modules but the two native bindings, which cannot be bundled (electron-builder.yml
// packages them beside the bundle).
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions, type BuildResult } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Modules left to `require` at run time: Electron itself, the native keychain binding, and the
 * Windows registry reader. native-reg finds its binary with node-gyp-build relative to its own
 * files (`lib/../prebuilds/win32-x64`), so bundled into main.cjs it would look in dist/ and fail.
 */
export const MAIN_EXTERNALS = ['electron', '@napi-rs/keyring', 'native-reg'];

/** Electron 45 runs Node 22 in the main process and Chromium 140 in the renderer. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/** The esbuild options of both bundles. */
export function bundleOptions(outDir: string, production = true): BuildOptions[] {
  const common: BuildOptions = {
    bundle: true,
    format: 'cjs',
    sourcemap: production ? false : 'inline',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    absWorkingDir: ROOT,
  };
  return [
    {
      ...common,
      entryPoints: [path.join(ROOT, 'electron', 'main.ts')],
      outfile: path.join(outDir, 'main.cjs'),
      platform: 'node',
      target: NODE_TARGET,
      // The core is ES modules (createRequire(import.meta.url)); in this CommonJS bundle a
      // module's own URL is the bundle file's. Main process only: the sandboxed preload has no
      // node:url.
      define: { ...common.define, 'import.meta.url': '__bundleUrl' },
      banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
      external: MAIN_EXTERNALS,
    },
    {
      ...common,
      // A sandboxed preload: no Node, only the `electron` module's renderer half.
      entryPoints: [path.join(ROOT, 'electron', 'preload.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
      platform: 'browser',
      target: CHROME_TARGET,
      external: ['electron'],
    },
  ];
}

/** Builds both bundles into `outDir` (default dist/electron). */
export async function buildElectron(
  outDir = path.join(ROOT, 'dist', 'electron'),
  production = true,
): Promise<string[]> {
  const outputs: string[] = [];
  for (const options of bundleOptions(outDir, production)) {
    await build(options);
    outputs.push(options.outfile as string);
  }
  return outputs;
}

/**
 * The core alone (electron/core/index.ts) bundled with the main process's options, for the Node
 * that runs here: what the start-up bench and the start-up test load, as users load main.cjs.
 */
export async function bundleCore(outfile: string): Promise<BuildResult<{ metafile: true }>> {
  const [main] = bundleOptions(path.dirname(outfile), true);
  if (!main) throw new Error('no main bundle options');
  return build({
    ...main,
    metafile: true,
    entryPoints: [path.join(ROOT, 'electron', 'core', 'index.ts')],
    outfile,
    target: `node${process.versions.node.split('.')[0]}`,
  });
}

/** Node built-in module names, bare and `node:`-prefixed, for checks of a bundle's requires. */
export const NODE_BUILTINS = new Set([
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
]);

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dev = process.argv.includes('--dev');
  buildElectron(undefined, !dev).then(
    (outs) =>
      console.log(
        `Electron bundles written: ${outs.map((o) => path.relative(ROOT, o)).join(', ')}`,
      ),
    (err: unknown) => {
      console.error(`Electron build failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
