// The Electron composition root: an ordered list of setup steps (read top to bottom).
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, net, type BrowserWindow } from 'electron';
import { createCore, type CoreOptions } from './core/index.js';
import { registerAppScheme, serveApp } from './app-protocol.js';
import { setupHostNetwork } from './host-network.js';
import { setupIpcTransport } from './ipc-transport.js';
import { setupPowerMonitor, setupQuit, setupSingleInstance } from './lifecycle.js';
import { createMainWindow } from './main-window.js';
import { setupWebContentsGuards, setupWindowSession } from './web-security.js';

let mainWindow: BrowserWindow | undefined;

/** The embedded simulator `npm start` runs beside a development build; never in a packaged app. */
function devSimulatorHost(): CoreOptions['simulatorHost'] {
  const url = process.env['CCMS_SIM_URL'];
  const caPath = process.env['CCMS_SIM_CA'];
  if (app.isPackaged || !url || !caPath) return undefined;
  return { url, caCertPem: fs.readFileSync(caPath, 'utf8') };
}

async function start(): Promise<void> {
  setupWebContentsGuards();
  await app.whenReady();
  const ses = setupWindowSession();
  serveApp(ses, path.join(app.getAppPath(), 'dist', 'renderer'));
  const simulatorHost = devSimulatorHost();
  const core = await createCore({
    mode: 'electron',
    appVersion: app.getVersion(),
    userDataDir: app.getPath('userData'),
    // Chromium's network stack: the Windows proxy settings, PAC, proxy auth and certificate store.
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
    versions: process.versions as Record<string, string>,
    ...(simulatorHost && { simulatorHost }),
  });
  await setupHostNetwork(core.network);
  const transport = setupIpcTransport(core);
  setupPowerMonitor(core);
  setupQuit(async () => {
    transport.dispose();
    await core.dispose();
  });
  mainWindow = createMainWindow(ses);
  transport.attach(mainWindow.webContents);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

registerAppScheme();
app.enableSandbox();
if (!setupSingleInstance(() => mainWindow)) {
  app.quit();
} else {
  start().catch((err: unknown) => {
    dialog.showErrorBox(
      'CCMS Terminal could not start',
      err instanceof Error ? err.message : String(err),
    );
    app.exit(1);
  });
}
