// `npm run web`: browser mode on the embedded simulator (unless CCMS_EMBEDDED_SIM=0, when the
// machine policy names the hosts). Prints the URL to open.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startBrowserMode } from './web-server.js';

const root = resolve(import.meta.dirname, '..');

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number from 0 to 65535, not "${raw}".`);
    process.exit(2);
  }
  return port;
}

/** Starts browser mode and keeps it running until Ctrl+C. */
export async function main(): Promise<void> {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const embedded = process.env.CCMS_EMBEDDED_SIM !== '0';
  const app = await startBrowserMode({
    port: portFrom('CCMS_WEB_PORT', 5174),
    rendererDir: resolve(root, 'dist/renderer'),
    userDataDir: resolve(root, process.env.CCMS_USER_DATA ?? '.ccms-data'),
    simulator: embedded
      ? {
          dataDir: resolve(root, process.env.CCMS_SIM_DATA ?? '.sim-data'),
          port: portFrom('CCMS_SIM_PORT', 7443),
        }
      : null,
    appVersion: pkg.version,
  });
  if (app.sim)
    console.log(`Simulator (CCMS host) at ${app.sim.url} — CA certificate: ${app.sim.caCertPath}`);
  console.log(`CCMS Terminal (browser mode) — open this URL in your browser:\n\n  ${app.url}\n`);
  console.log('Demo users: see README.md ("Seeded demo users"). Press Ctrl+C to stop.');
  const stop = async (): Promise<void> => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      console.error(
        `A port is in use (${(error as Error).message}). Stop the other CCMS Terminal or simulator, or set CCMS_WEB_PORT / CCMS_SIM_PORT.`,
      );
    } else {
      console.error(`CCMS Terminal could not start: ${(error as Error).message}`);
    }
    process.exit(1);
  });
}
