// The facts scripts/dist.ts decides on (dist-preconditions.ts), read from a checkout: the files of
// a few directories, not recursively, and the package.json fields that matter.
import fs from 'node:fs';
import path from 'node:path';
import { FACT_DIRECTORIES, KEYRING_BINDING, type DistFacts } from './dist-preconditions.js';

type Json = Record<string, unknown>;
function readJson(file: string): Json | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  } catch {
    return undefined;
  }
}
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Reads what decideDist needs from the project at `root`; anything missing is left out. */
export function readDistFacts(root: string): DistFacts {
  const files = FACT_DIRECTORIES.flatMap((dir) => {
    try {
      return fs
        .readdirSync(path.join(root, dir), { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => `${dir}/${e.name}`);
    } catch {
      return [];
    }
  });
  const pkg = readJson(path.join(root, 'package.json')) ?? {};
  const keyring = readJson(path.join(root, 'node_modules', '@napi-rs', 'keyring', 'package.json'));
  const binding = readJson(path.join(root, 'node_modules', KEYRING_BINDING, 'package.json'));
  const optional = keyring?.['optionalDependencies'] as Json | undefined;
  return {
    files,
    productVersion: str(pkg['version']) ?? '0.0.0',
    authorName: str((pkg['author'] as Json | undefined)?.['name']),
    keyringVersion: str(keyring?.['version']),
    keyringBindingExpected: str(optional?.[KEYRING_BINDING]),
    keyringBindingVersion: str(binding?.['version']),
  };
}
