// `npm start` with Electron's binary present: the embedded simulator in this process, the main
// process bundled to dist/electron, then Electron pointed at the simulator (development only; a
// packaged app never reads CCMS_SIM_*).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startSimulator } from '../simulator/index.js';
import { buildElectron } from './build-electron.js';

const root = resolve(import.meta.dirname, '..');

/** Runs the Electron app until its window closes. */
export async function startElectron(binary: string): Promise<void> {
  try {
    await buildElectron(resolve(root, 'dist', 'electron'), false);
  } catch (error) {
    console.error(`The Electron main process did not build: ${(error as Error).message}`);
    process.exit(1);
  }
  const port = Number(process.env.CCMS_SIM_PORT ?? 7443);
  const sim = await startSimulator({
    dataDir: resolve(root, process.env.CCMS_SIM_DATA ?? '.sim-data'),
    port,
  });
  console.log(`Simulator (CCMS host) at ${sim.url} — CA certificate: ${sim.caCertPath}`);
  const child = spawn(binary, [root], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CCMS_SIM_URL: sim.url, CCMS_SIM_CA: sim.caCertPath },
  });
  const code = await new Promise<number>((done) => child.on('exit', (c) => done(c ?? 0)));
  await sim.close();
  process.exit(code);
}
