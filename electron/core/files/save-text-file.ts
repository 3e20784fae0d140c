// How the terminal saves a file for the user: a connectivity report, a DMS audit export. One way,
// so every saved file gets a new name (never overwriting), is readable only by its user, and fails
// with a sentence naming the folder.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CcmsError } from '../../../shared/errors.js';

/**
 * Writes `text` to `dir` as `<prefix>-<UTC time>-<random>.<extension>` and returns the path.
 * `what` names the file in the error ("the report").
 */
export async function saveTextFile(
  dir: string,
  file: { prefix: string; extension: string; what: string },
  text: string,
): Promise<string> {
  try {
    await fs.mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const name = `${file.prefix}-${stamp}-${randomBytes(3).toString('hex')}.${file.extension}`;
    const target = path.join(dir, name);
    // `wx`: never overwrite a file already there.
    await fs.writeFile(target, text, { flag: 'wx', encoding: 'utf8', mode: 0o600 });
    return target;
  } catch (err) {
    throw new CcmsError(
      'UNKNOWN',
      `${file.what} could not be saved in ${dir}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
