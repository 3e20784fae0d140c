// How the terminal saves a file for the user to hand on (a connectivity report, the support
// bundle, the workstation history's CSV): in one folder (the user data folder's diagnostics/), in
// Electron and browser mode alike, under a new timestamped name, never over a file already there.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Writes `data` as `<prefix>-<time>-<random>.<ext>` in `dir`; returns the path. */
export async function saveNewFile(
  dir: string,
  name: { prefix: string; ext: string },
  data: string | Uint8Array,
  now: number,
): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const file = path.join(
    dir,
    `${name.prefix}-${stamp}-${randomBytes(3).toString('hex')}.${name.ext}`,
  );
  // `wx`: never overwrite a file already there; readable by this user only.
  await fs.writeFile(file, data, { flag: 'wx', mode: 0o600 });
  return file;
}
