// A text file saved for the user (a connectivity report, a DMS audit export) through the one
// writer (saved-file.ts), failing with a sentence naming the file and the folder.
import { CcmsError } from '../../../shared/errors.js';
import { saveNewFile } from './saved-file.js';

/**
 * Writes `text` to `dir` as `<prefix>-<UTC time>-<random>.<extension>` and returns the path.
 * `what` names the file in the error ("the report"); `now` stamps the name.
 */
export async function saveTextFile(
  dir: string,
  file: { prefix: string; extension: string; what: string },
  text: string,
  now: number = Date.now(),
): Promise<string> {
  try {
    return await saveNewFile(dir, { prefix: file.prefix, ext: file.extension }, text, now);
  } catch (err) {
    throw new CcmsError(
      'UNKNOWN',
      `${file.what} could not be saved in ${dir}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
