import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserSettings } from '../../../shared/bridge.js';
import { writeFileAtomically } from './atomic-file.js';
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

/** Writes the settings atomically (atomic-file.ts): the old file or the new one, never half. */
export async function saveUserSettings(path: string, settings: UserSettings): Promise<void> {
  const valid = UserSettings.parse(settings);
  await writeFileAtomically(path, `${JSON.stringify(valid, null, 2)}\n`);
}
