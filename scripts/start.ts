// `npm start`: the Electron app on the embedded simulator; where Electron's binary is missing
// (as on locked-down build machines), browser mode instead.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { main as startWeb } from './web.js';

/** The Electron binary's path, or null when the npm package came without it. */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
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
