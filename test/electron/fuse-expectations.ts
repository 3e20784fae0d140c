// The fuses a packaged binary must carry: electron-builder.yml's `electronFuses` block, read from
// the file itself so the packaged-binary test can never drift from what the build asks for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fuses from '@electron/fuses';
import { REPO_ROOT } from './electron-target.js';

/** A fuse and whether electron-builder.yml enables it. */
export interface FuseExpectation {
  /** The key as electron-builder.yml spells it (`runAsNode`). */
  key: string;
  option: number;
  enabled: boolean;
}

/** The `electronFuses:` block of an electron-builder config, as key → boolean. */
export function parseElectronFuses(yaml: string): Map<string, boolean> {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => /^electronFuses:\s*(#.*)?$/.test(line));
  if (start < 0) throw new Error('electron-builder.yml has no electronFuses block');
  const found = new Map<string, boolean>();
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break; // the next top-level key ends the block
    const match = /^\s+([A-Za-z]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (match?.[1] && match[2]) found.set(match[1], match[2] === 'true');
  }
  return found;
}

/** electron-builder's key (`runAsNode`) is @electron/fuses' option name, first letter lowered. */
function optionOf(key: string): number {
  const name = key.charAt(0).toUpperCase() + key.slice(1);
  const option: unknown = Reflect.get(fuses.FuseV1Options, name);
  if (typeof option !== 'number') throw new Error(`electronFuses.${key} names no Electron fuse`);
  return option;
}

/** What electron-builder.yml asks of the packaged binary's fuses. */
export function expectedFuses(file = join(REPO_ROOT, 'electron-builder.yml')): FuseExpectation[] {
  return [...parseElectronFuses(readFileSync(file, 'utf8'))].map(([key, enabled]) => ({
    key,
    option: optionOf(key),
    enabled,
  }));
}
