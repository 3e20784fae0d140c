// `npm run dist [-- --release]`: builds the Windows x64 MSI with electron-builder's API from
// electron-builder.yml, after dist/ is built (package.json's dist script runs vite and
// scripts/build-electron.ts first). It checks the preconditions (scripts/packaging/
// dist-preconditions.ts) before electron-builder starts, so a missing native binding or a release
// without a certificate fails in one clear message instead of a broken or unsigned installer.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Arch, Platform, build } from 'electron-builder';
import { decideDist, parseDistArgs } from './packaging/dist-preconditions.js';
import { readDistFacts } from './packaging/read-dist-facts.js';
import type { Env } from './packaging/signing-plan.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the whole command; resolves to the exit code. */
export async function dist(argv: readonly string[], env: Env, root = ROOT): Promise<number> {
  let args;
  try {
    args = parseDistArgs(argv, env);
  } catch (err) {
    console.error(
      `npm run dist: ${err instanceof Error ? err.message : String(err)}. Usage: npm run dist [-- --release]`,
    );
    return 1;
  }
  const decision = decideDist(args, env, readDistFacts(root));
  if (!decision.ok) {
    console.error('npm run dist: cannot build the MSI:');
    for (const problem of decision.problems) console.error(`  - ${problem}`);
    return 1;
  }
  console.log(decision.summary);
  try {
    const artifacts = await build({
      projectDir: root,
      targets: Platform.WINDOWS.createTarget('msi', Arch.x64),
      config: decision.config,
      publish: 'never',
    });
    for (const artifact of artifacts) console.log(`Built ${path.relative(root, artifact)}`);
    return 0;
  } catch (err) {
    console.error(
      `npm run dist: electron-builder failed: ${err instanceof Error ? err.message : String(err)}`,
    );
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  dist(process.argv.slice(2), process.env).then((code) => process.exit(code));
}
