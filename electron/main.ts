// The Electron composition root: an ordered list of setup steps (read top to bottom).
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { createCore, type CoreOptions } from './core/index.js';
import { APP_USER_MODEL_ID, dataLayout, type DataLayout } from './app-identity.js';
import { registerAppScheme, serveApp } from './app-protocol.js';
import { createChromiumFetch } from './chromium-fetch.js';
import { setupCrashReporter, setupProcessGoneHandling } from './crash-handling.js';
import { setupHostNetwork } from './host-network.js';
import { setupIpcTransport } from './ipc-transport.js';
import { setupIdleAttention } from './idle-attention.js';
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

/** Puts logs, Chromium's session data and crash dumps in local app data; before `ready`. */
function setupDataLayout(): DataLayout {
  const layout = dataLayout({
    platform: process.platform,
    userData: app.getPath('userData'),
    localAppData: process.env['LOCALAPPDATA'],
    userDataOverridden: app.commandLine.hasSwitch('user-data-dir'),
  });
  app.setPath('sessionData', layout.sessionData);
  return layout;
}

async function start(layout: DataLayout): Promise<void> {
  setupWebContentsGuards();
  await app.whenReady();
  const ses = setupWindowSession();
  serveApp(ses, path.join(app.getAppPath(), 'dist', 'renderer'));
  const simulatorHost = devSimulatorHost();
  const core = await createCore({
    mode: 'electron',
    appVersion: app.getVersion(),
    userDataDir: layout.userData,
    logDir: layout.logs,
    historyDir: layout.workstation,
    // Chromium's network stack (the default session, where setupHostNetwork applies the policy's
    // proxy and CAs): the Windows proxy settings, PAC, Negotiate/NTLM and certificate store; a
    // Basic/Digest proxy sign-in is asked of the user through the core's broker.
    makeFetch: (proxyAuth) => createChromiumFetch(session.defaultSession, proxyAuth),
    // The connectivity check shows and follows the route Chromium takes to the host.
    resolveProxy: (url) => session.defaultSession.resolveProxy(url),
    crashDumpsDir: layout.crashDumps,
    versions: process.versions as Record<string, string>,
    ...(simulatorHost && { simulatorHost }),
  });
  setupProcessGoneHandling(core.log, () => mainWindow);
  await setupHostNetwork(core.network);
  const transport = setupIpcTransport(core);
  setupPowerMonitor(core);
  setupIdleAttention(core, () => mainWindow);
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
// Windows groups the taskbar button with the Start-menu shortcut the MSI made only by this ID.
app.setAppUserModelId(APP_USER_MODEL_ID);
const layout = setupDataLayout();
setupCrashReporter(layout.crashDumps);
if (!setupSingleInstance(() => mainWindow)) {
  app.quit();
} else {
  start(layout).catch((err: unknown) => {
    dialog.showErrorBox(
      'CCMS Terminal could not start',
      err instanceof Error ? err.message : String(err),
    );
    app.exit(1);
  });
}
