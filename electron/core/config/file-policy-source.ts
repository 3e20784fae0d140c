import { readFile } from 'node:fs/promises';
import type { PolicySource } from './policy-read.js';

/** The default policy file where there is no registry. */
export function defaultPolicyFile(platform: NodeJS.Platform): string {
  return platform === 'darwin'
    ? '/Library/Application Support/CCMS Terminal/policy.json'
    : '/etc/ccms-terminal/policy.json';
}

/**
 * A JSON policy file. Only a missing file means no policy: a file that cannot be read, is not
 * JSON or is not an object is unreadable, and the most restrictive policy applies.
 */
export function createFilePolicySource(path: string): PolicySource {
  return {
    location: path,
    naming: 'json',
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return { kind: 'absent' };
        return { kind: 'unreadable', message: `${path}: cannot be read (${code ?? 'error'}).` };
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (err) {
        return {
          kind: 'unreadable',
          message: `${path}: is not valid JSON (${(err as Error).message}).`,
        };
      }
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        return { kind: 'unreadable', message: `${path}: is not a JSON object of settings.` };
      }
      return { kind: 'ok', raw };
    },
  };
}
