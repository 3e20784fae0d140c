// What test/security reads from the code, asserted in the running app: the window's preferences
// (from the main process), the CSP actually enforced on app://, navigation and window.open
// refused, permissions denied, and the IPC sender check refusing a window the app did not admit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/app-origin.js';
import { electronSuite, launchApp, type LaunchedApp } from './electron-harness.js';
import { suiteTitle } from './electron-target.js';
import { bridgeCall, loginScreen } from './journeys.js';
import {
  attemptNavigation,
  foreignWindowBridgeReply,
  injectInlineScript,
  permissionOutcomes,
  rendererSandboxed,
  windowPreferences,
} from './window-probes.js';

const suite = await electronSuite();
const main = await electronSuite({ mainProcess: true });
const onWindowsOrMac = process.platform === 'win32' || process.platform === 'darwin';

describe.skipIf(!suite.target)(
  suiteTitle('Electron: window security, in the running app', suite.reason),
  () => {
    let app: LaunchedApp;
    beforeAll(async () => {
      if (!suite.target) return;
      app = await launchApp(suite.target);
      await loginScreen(app.page);
    });
    afterAll(async () => {
      await app?.quit();
    });

    it('gives the page the bridge and nothing of Node', async () => {
      const { page } = app;
      expect(await bridgeCall(page, 'getAppInfo')).toMatchObject({
        ok: true,
        value: { mode: 'electron' },
      });
      expect(
        await page.evaluate(() => ({
          bridge: Object.keys(Reflect.get(window, 'ccms') as object).sort(),
          require: typeof Reflect.get(globalThis, 'require'),
          process: typeof Reflect.get(globalThis, 'process'),
          electron: typeof Reflect.get(globalThis, 'electron'),
        })),
      ).toEqual({
        bridge: ['call', 'on'],
        require: 'undefined',
        process: 'undefined',
        electron: 'undefined',
      });
    });

    it('serves app:// with the CSP of electron/app-origin.ts, and the page enforces it on an inline script', async () => {
      const { page } = app;
      const header = await page.evaluate(async () =>
        (await fetch('/index.html')).headers.get('content-security-policy'),
      );
      expect(header).toBe(CONTENT_SECURITY_POLICY);
      expect(await injectInlineScript(page)).toEqual({ violated: 'script-src-elem', ran: false });
    });

    it('refuses navigation away from app://ccms/', async () => {
      const outcome = await attemptNavigation(app, 'https://example.invalid/');
      expect(outcome).toEqual({ url: 'app://ccms/index.html', samePage: true });
    });

    it('refuses window.open, for a remote page and for its own origin', async () => {
      const { page } = app;
      const opened = await page.evaluate(() => [
        window.open('https://example.invalid/', '_blank') === null,
        window.open('app://ccms/index.html', '_blank') === null,
      ]);
      expect(opened).toEqual([true, true]);
      expect(
        page
          .context()
          .pages()
          .filter((p) => !p.isClosed()),
      ).toHaveLength(1);
    });

    it('denies notifications, geolocation, the camera and reading the clipboard', async () => {
      expect(await permissionOutcomes(app.page)).toEqual({
        notification: 'denied',
        geolocationState: 'denied',
        geolocationError: 1, // GeolocationPositionError.PERMISSION_DENIED
        cameraState: 'denied',
        clipboardRead: 'NotAllowedError',
      });
    });

    it.skipIf(!main.target)(
      suiteTitle(
        'runs the window sandboxed and context-isolated, without Node (main process)',
        main.reason,
      ),
      async () => {
        expect(await windowPreferences(app)).toMatchObject({
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInSubFrames: false,
          webviewTag: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
        });
      },
    );

    it.skipIf(!main.target || !onWindowsOrMac)(
      suiteTitle(
        'runs the renderer in an OS sandbox (main process)',
        main.reason ||
          (onWindowsOrMac ? '' : 'Electron reports OS sandboxing on Windows and macOS only'),
      ),
      async () => {
        expect(await rendererSandboxed(app)).toBe(true);
      },
    );

    it.skipIf(!main.target)(
      suiteTitle(
        'answers FORBIDDEN to a window it did not admit, with the same preload on app://ccms/ (main process)',
        main.reason,
      ),
      async () => {
        expect(await foreignWindowBridgeReply(app)).toMatchObject({
          url: 'app://ccms/index.html',
          reply: { ok: false, error: { code: 'FORBIDDEN' } },
        });
        // The admitted window is still served.
        expect(await bridgeCall(app.page, 'getAppInfo')).toMatchObject({ ok: true });
      },
    );
  },
);
