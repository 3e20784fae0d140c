// The one window: sandboxed, context-isolated, no Node, web security on, loading app://ccms/.
import path from 'node:path';
import { BrowserWindow, app, type Session } from 'electron';
import { APP_START_URL } from './app-origin.js';

/** Creates the main window in the hardened session and loads the app. */
export function createMainWindow(ses: Session): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'CCMS Terminal',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      session: ses,
      preload: path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would otherwise open a link in a new window, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  win.removeMenu();
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}
