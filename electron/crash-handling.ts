// What happens when a part of the app dies: the renderer's process going away must not leave a
// white window, and a crash leaves a minidump on the workstation for the DCASS Hotline. Nothing is
// ever uploaded: a clearing participant's desk does not send memory images to anyone.
import {
  app,
  crashReporter,
  dialog,
  type BrowserWindow,
  type RenderProcessGoneDetails,
  type WebContents,
} from 'electron';

/** What crash handling logs through (the core's redacting logger). */
export interface CrashLog {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** Starts Crashpad with uploads off; dumps stay in `dumpsDir` (local app data). Before ready. */
export function setupCrashReporter(dumpsDir: string): void {
  app.setPath('crashDumps', dumpsDir);
  crashReporter.start({ uploadToServer: false, compress: true, ignoreSystemCrashHandler: false });
}

/** The operator's choice after the window's renderer went away. */
export type RecoveryChoice = 'reload' | 'quit';

/** Asks whether to reload the window; in both languages, since the page that knew the language is gone. */
async function askRecovery(
  win: BrowserWindow | undefined,
  reason: string,
): Promise<RecoveryChoice> {
  const options = {
    type: 'error' as const,
    title: 'CCMS Terminal',
    message: 'The CCMS Terminal window stopped unexpectedly.\nCCMS 終端機視窗意外停止。',
    detail:
      `Reason: ${reason}. Reload the window to continue; you may need to sign in again. ` +
      `If it happens again, contact the DCASS Hotline.\n` +
      `原因：${reason}。請重新載入視窗以繼續；你可能需要重新登入。如再次發生，請聯絡 DCASS 熱線。`,
    buttons: ['Reload 重新載入', 'Quit 結束'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = win
    ? await dialog.showMessageBox(win, options)
    : await dialog.showMessageBox(options);
  return response === 0 ? 'reload' : 'quit';
}

/**
 * Logs every renderer or child process that goes away; when it is the main window's renderer
 * (crashed, killed, out of memory), offers to reload it instead of leaving a blank window.
 */
export function setupProcessGoneHandling(
  log: CrashLog,
  mainWindow: () => BrowserWindow | undefined,
): void {
  app.on(
    'render-process-gone',
    (_event, contents: WebContents, details: RenderProcessGoneDetails) => {
      log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
      const win = mainWindow();
      if (details.reason === 'clean-exit' || !win || win.webContents !== contents) return;
      void askRecovery(win, details.reason).then((choice) => {
        if (choice === 'quit') return app.quit();
        if (!win.isDestroyed()) win.webContents.reload();
      });
    },
  );
  app.on('child-process-gone', (_event, details) => {
    // The GPU or a utility process: Chromium restarts it; the log says it happened.
    const fields = {
      type: details.type,
      reason: details.reason,
      exitCode: details.exitCode,
      ...(details.name && { name: details.name }),
    };
    if (details.reason === 'clean-exit') return;
    log.warn('child process gone', fields);
  });
}
