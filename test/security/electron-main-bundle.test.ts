// The bundled main process (dist/electron/main.cjs as scripts/build-electron.ts makes it), run in
// Node over a stand-in for Electron's API (electron-stub/electron.cjs) because Electron's binary
// cannot be downloaded here. The real core answers; every security decision observed is the app's:
// the IPC sender check, permissions, request filtering, the app:// protocol, navigation, window
// preferences.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const STUB = path.join(import.meta.dirname, 'electron-stub');

let tmp: string;
let r: Record<string, unknown>;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-main-bundle-'));
  const out = path.join(tmp, 'out');
  await buildElectron(out);
  fs.mkdirSync(path.join(out, 'node_modules', 'electron'), { recursive: true });
  fs.writeFileSync(
    path.join(out, 'node_modules', 'electron', 'index.js'),
    `module.exports = require(${JSON.stringify(path.join(STUB, 'electron.cjs'))});\n`,
  );
  const appPath = path.join(tmp, 'app');
  fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(
    path.join(appPath, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>CCMS Terminal</title>',
  );
  fs.writeFileSync(path.join(appPath, 'package.json'), '{"name":"outside-the-renderer"}');
  const { stdout } = await run(process.execPath, [path.join(STUB, 'drive-main.cjs'), out], {
    env: {
      ...process.env,
      // The bundle's only runtime dependency besides Electron: the native keychain binding.
      NODE_PATH: path.join(ROOT, 'node_modules'),
      STUB_APP_PATH: appPath,
      STUB_USER_DATA: path.join(tmp, 'user-data'),
      CCMS_POLICY_FILE: path.join(tmp, 'no-policy.json'),
    },
    timeout: 60_000,
  });
  r = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
}, 120_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const code = (key: string) => (r[key] as { error?: { code?: string } }).error?.code;

describe('bundled main process (over an Electron stand-in)', () => {
  it('starts the real core and serves the bridge to its own window', () => {
    expect(r['errors']).toEqual([]);
    expect(r['trusted']).toMatchObject({
      ok: true,
      value: { mode: 'electron', version: '0.1.0-stub' },
    });
    expect(r['cancel']).toMatchObject({ ok: true, value: { step: 'signedOut' } });
  });

  it('refuses IPC from another origin, a subframe, a missing frame or a window it did not admit', () => {
    for (const key of ['otherOrigin', 'subframe', 'noFrame', 'notAdmitted'])
      expect(code(key), key).toBe('FORBIDDEN');
    expect(r['strangerSent']).toBe(0);
    // Events still reach the admitted window (the core emitted authState on cancelLogin).
    expect(r['sentChannels']).toEqual(['ccms:event']);
  });

  it('answers malformed calls with typed errors', () => {
    expect(code('badName')).toBe('BRIDGE_INVALID');
    expect(code('unknownCall')).toBe('BRIDGE_INVALID');
    expect(code('badInput')).toBe('BRIDGE_INVALID');
  });

  it('denies every permission but writing to the clipboard from its own page', () => {
    expect(r['permissions']).toEqual({
      media: false,
      notifications: false,
      geolocation: false,
      clipboardWrite: true,
      clipboardWriteElsewhere: false,
      clipboardRead: false,
    });
    expect(r['permissionCheck']).toEqual({ clipboardRead: false, media: false });
  });

  it('lets no request leave app://ccms and sets the CSP on responses', () => {
    expect(r['requests']).toEqual({
      app: { cancel: false },
      remote: { cancel: true },
      file: { cancel: true },
      otherApp: { cancel: true },
    });
    const csp = (r['sessionCsp'] as string[])[0] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect((r['index'] as { csp: string }).csp).toBe(csp);
  });

  it('serves dist/renderer on app://ccms and nothing outside it', () => {
    expect(r['index']).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>CCMS Terminal</title>',
    });
    expect(r['root']).toBe(200);
    expect(r['traversal']).toBe(404);
    expect(r['otherHost']).toBe(404);
    expect(r['post']).toBe(405);
    expect(r['privileged']).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('opens a hardened window on app://ccms and blocks navigation, webviews and new windows', () => {
    expect(r['startUrl']).toBe('app://ccms/index.html');
    expect(r['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      devTools: false,
    });
    expect(String((r['webPreferences'] as { preload: string }).preload)).toMatch(
      /dist[\\/]electron[\\/]preload\.cjs$/,
    );
    expect(r['prevented']).toBe(3);
    expect(r['windowOpen']).toEqual({ action: 'deny' });
    expect(r['sandboxEnabled']).toBe(true);
    expect(r['partitions']).toEqual(['ccms-window']);
    // Host TLS: Chromium's own verdict stands; a chain no policy CA vouches for is not trusted.
    expect(r['certVerify']).toEqual({ chromiumTrusts: -3, chromiumRefusesNoPolicyCa: -3 });
  });

  it('locks on OS lock and suspend', () => {
    expect(r['powerEvents']).toEqual(['lock-screen', 'suspend']);
  });

  it('offers to reload the window when its renderer dies, and logs every process gone', () => {
    expect(r['dialogsBeforeCrash']).toBe(0);
    expect(r['reloads']).toBe(1);
    const box = r['crashDialog'] as { message: string; buttons: string[]; detail: string };
    expect(box.message).toContain('stopped unexpectedly');
    expect(box.message).toContain('意外停止');
    expect(box.buttons).toEqual(['Reload 重新載入', 'Quit 結束']);
    expect(box.detail).toContain('crashed');
    const logText = fs.readFileSync(path.join(tmp, 'user-data', 'logs', 'main.log'), 'utf8');
    expect(logText).toContain('renderer process gone');
    expect(logText).toContain('child process gone');
  });

  it('keeps crash dumps on the workstation, never uploaded, and groups with the MSI shortcut', () => {
    expect(r['crashReporter']).toMatchObject({ uploadToServer: false });
    expect((r['paths'] as Record<string, string>)['crashDumps']).toBe(
      path.join(tmp, 'user-data', 'Crashpad'),
    );
    expect((r['paths'] as Record<string, string>)['sessionData']).toBe(
      path.join(tmp, 'user-data', 'Session'),
    );
    expect(r['appUserModelId']).toBe('hk.ccms.terminal');
  });

  it("uses Windows' own proxy settings when the policy sets no proxy mode", () => {
    expect(r['proxyConfig']).toEqual({ mode: 'system' });
  });
});
