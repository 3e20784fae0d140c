// App lifecycle pieces of main.ts: the single-instance lock, OS lock/suspend, orderly quit.
import { app, powerMonitor, type BrowserWindow } from 'electron';

/** Takes the single-instance lock; false means another instance runs and this one must quit. */
export function setupSingleInstance(focus: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const win = focus();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  return true;
}

/** Locking the workstation or suspending it locks a signed-in session at once. */
export function setupPowerMonitor(core: { lock(): void }): void {
  powerMonitor.on('lock-screen', () => core.lock());
  powerMonitor.on('suspend', () => core.lock());
}

/** Quits when the window closes (one window, every platform) after disposing the core. */
export function setupQuit(dispose: () => Promise<void>): void {
  let disposed = false;
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    void dispose().finally(() => app.quit());
  });
}
