// `npm start`: the Electron app on the embedded simulator; where Electron's binary is missing
// (as on locked-down build machines), browser mode instead.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { main as startWeb } from './web.js';

/**
 * The Electron binary's path, or null when the npm package came without it. Read from the
 * package's path.txt: requiring `electron` would try (and here fail) to download it.
 */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
      const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name);
      return existsSync(path) ? path : null;
    }
    if (!existsSync(pathFile)) return null;
    const path = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (binary && process.env.CCMS_FORCE_BROWSER !== '1') {
  const { startElectron } = await import('./start-electron.js');
  await startElectron(binary);
} else {
  console.log('Electron binary not available on this machine: starting browser mode instead.');
  await startWeb();
}
