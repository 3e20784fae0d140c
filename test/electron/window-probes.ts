// Probes of the running app for window-security.test.ts: each does one thing a hostile page or a
// mistaken change would do, in the renderer or (through Playwright's Electron driver) in the main
// process, and reports what the app let happen.
import { setTimeout as delay } from 'node:timers/promises';
import type { ElectronApplication, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LaunchedApp } from './electron-harness.js';

function mainProcess(app: LaunchedApp): ElectronApplication {
  if (!app.electronApp) throw new Error('the main process is out of reach with this driver');
  return app.electronApp;
}

/** Adds an inline <script>: the CSP directive it violated ('none' if none), whether it ran. */
export function injectInlineScript(page: Page): Promise<{ violated: string; ran: boolean }> {
  return page.evaluate(
    () =>
      new Promise<{ violated: string; ran: boolean }>((resolve) => {
        document.addEventListener(
          'securitypolicyviolation',
          (event) =>
            resolve({
              violated: event.effectiveDirective,
              ran: Reflect.get(window, '__ccmsInlineRan') === true,
            }),
          { once: true },
        );
        setTimeout(
          () => resolve({ violated: 'none', ran: Reflect.get(window, '__ccmsInlineRan') === true }),
          5_000,
        );
        const script = document.createElement('script');
        script.textContent = 'window.__ccmsInlineRan = true;';
        document.head.append(script);
      }),
  );
}

/**
 * Has the page try to leave for `url`; reports where the window is afterwards and whether it is
 * still the same document (a marker set before survives only if no navigation happened).
 */
export async function attemptNavigation(
  app: LaunchedApp,
  url: string,
): Promise<{ url: string; samePage: boolean }> {
  const { page, electronApp } = app;
  await page.evaluate(() => Reflect.set(window, '__ccmsPageMarker', 'unchanged'));
  await electronApp?.evaluate(({ webContents }) => {
    const seen: string[] = [];
    Reflect.set(globalThis, '__ccmsNavigationsSeen', seen);
    for (const contents of webContents.getAllWebContents()) {
      contents.on('will-navigate', (details) => seen.push(details.url));
    }
  });
  await page.evaluate((target) => {
    window.location.href = target;
  }, url);
  if (electronApp) {
    // The main process saw the attempt (and the app's guard refused it) before we look.
    await expect
      .poll(() =>
        electronApp.evaluate(() => Reflect.get(globalThis, '__ccmsNavigationsSeen') as string[]),
      )
      .toContain(url);
  } else {
    // Over CDP no event reports a refused navigation: give an allowed one time to happen.
    await delay(2_000);
  }
  const samePage = await page.evaluate(
    () => Reflect.get(window, '__ccmsPageMarker') === 'unchanged',
  );
  return { url: page.url(), samePage };
}

/** What the page gets when it asks for permissions the terminal never needs. */
export function permissionOutcomes(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const geolocationError = await new Promise<number>((resolve) =>
      navigator.geolocation.getCurrentPosition(
        () => resolve(0),
        (error) => resolve(error.code),
        { timeout: 10_000 },
      ),
    );
    return {
      notification: await Notification.requestPermission(),
      geolocationState: (await navigator.permissions.query({ name: 'geolocation' })).state,
      geolocationError,
      cameraState: (await navigator.permissions.query({ name: 'camera' as PermissionName })).state,
      clipboardRead: await navigator.clipboard.readText().then(
        () => 'read',
        (error: unknown) => (error instanceof DOMException ? error.name : String(error)),
      ),
    };
  });
}

/** The preferences the window's renderer was actually started with (Electron's own record). */
export function windowPreferences(app: LaunchedApp): Promise<Record<string, unknown>> {
  return mainProcess(app).evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) throw new Error('the app has no window');
    // Undocumented but present in every Electron since 5; what test/security cannot see.
    const read: unknown = Reflect.get(win.webContents, 'getLastWebPreferences');
    if (typeof read !== 'function') throw new Error('this Electron has no getLastWebPreferences');
    return Reflect.apply(read, win.webContents, []) as Record<string, unknown>;
  });
}

/** Whether the OS sandbox holds the window's renderer (Electron says so on Windows and macOS). */
export function rendererSandboxed(app: LaunchedApp): Promise<boolean | null> {
  return mainProcess(app).evaluate(({ app: electronApp, BrowserWindow }) => {
    const pid = BrowserWindow.getAllWindows()[0]?.webContents.getOSProcessId();
    return electronApp.getAppMetrics().find((m) => m.pid === pid)?.sandboxed ?? null;
  });
}

/**
 * Opens, from the main process, a second window the app did not create: same session, same
 * preload, on app://ccms/. Its page calls the bridge; the reply is what the IPC transport said.
 */
export function foreignWindowBridgeReply(
  app: LaunchedApp,
): Promise<{ url: string; reply: unknown }> {
  return mainProcess(app).evaluate(async ({ app: electronApp, BrowserWindow }) => {
    const own = BrowserWindow.getAllWindows()[0];
    if (!own) throw new Error('the app has no window');
    // The preload electron/main-window.ts gives the app's window.
    const sep = process.platform === 'win32' ? '\\' : '/';
    const preload = [electronApp.getAppPath(), 'dist', 'electron', 'preload.cjs'].join(sep);
    const stranger = new BrowserWindow({
      show: false,
      webPreferences: {
        session: own.webContents.session,
        preload,
        sandbox: true,
        contextIsolation: true,
      },
    });
    try {
      await stranger.loadURL('app://ccms/index.html');
      const reply: unknown = await stranger.webContents.executeJavaScript(
        "window.ccms.call('getAppInfo', {})",
      );
      return { url: stranger.webContents.getURL(), reply };
    } finally {
      stranger.destroy();
    }
  });
}
