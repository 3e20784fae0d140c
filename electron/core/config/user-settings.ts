import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserSettings } from '../../../shared/bridge.js';
import { parseFieldwise } from './fieldwise.js';

/** The user settings file's name inside the user data folder. */
export const SETTINGS_FILE = 'settings.json';

/** The settings file's path for a user data folder. */
export function settingsPath(userDataDir: string): string {
  return join(userDataDir, SETTINGS_FILE);
}

/** Reads the user's settings: good fields kept, bad ones reported and replaced by `defaults`. */
export async function loadUserSettings(
  path: string,
  defaults: UserSettings,
): Promise<{ settings: UserSettings; problems: string[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { settings: defaults, problems: [] };
    return {
      settings: defaults,
      problems: [`${path}: cannot be read (${code ?? 'error'}); default settings are used.`],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return {
      settings: defaults,
      problems: [
        `${path}: is not valid JSON (${(err as Error).message}); default settings are used.`,
      ],
    };
  }
  const { value, problems } = parseFieldwise(UserSettings, raw, path);
  return { settings: { ...defaults, ...value }, problems };
}

/**
 * Writes the settings atomically: a temporary file in the same folder, flushed, then renamed over
 * the old one, so a crash or power cut leaves either the old or the new file, never half of one.
 */
export async function saveUserSettings(path: string, settings: UserSettings): Promise<void> {
  const valid = UserSettings.parse(settings);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(`${JSON.stringify(valid, null, 2)}\n`, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
