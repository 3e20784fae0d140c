// The static Electron security check: clean on our electron/ folder, and provably able to fail
// (an insecure sample written to a temp folder must produce findings and exit 1).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/app-origin.js';
import {
  electronVersion,
  reviewCertificateVerifyProc,
  reviewCsp,
  reviewCspPolicy,
  reviewPreload,
  runSecurityCheck,
} from '../../scripts/security-check.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const ELECTRON_DIR = path.join(ROOT, 'electron');
const SLOW = 180_000;

const INSECURE_MAIN = `
const { app, BrowserWindow, shell } = require('electron');
app.whenReady().then(() => {
  const win = new BrowserWindow({
    webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false, allowRunningInsecureContent: true, preload: 'preload.js' },
  });
  win.webContents.on('new-window', (e, url) => shell.openExternal(url));
  win.loadURL('http://example.com/');
});
`;
const LEAKY_PRELOAD = `
import { contextBridge, ipcRenderer } from 'electron';
contextBridge.exposeInMainWorld('ipc', ipcRenderer);
contextBridge.exposeInMainWorld('ccms', { send: (c: string, d: unknown) => ipcRenderer.send(c, d) });
`;

let sample: string;
beforeAll(() => {
  sample = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-insecure-'));
  fs.writeFileSync(path.join(sample, 'main.js'), INSECURE_MAIN);
  fs.writeFileSync(path.join(sample, 'preload.ts'), LEAKY_PRELOAD);
});
afterAll(() => {
  fs.rmSync(sample, { recursive: true, force: true });
});

describe('Electron security check', () => {
  it(
    'finds nothing in electron/ (accepted only: the preload, the policy-CA verify proc and the CSP constant, each after its automated review)',
    async () => {
      const report = await runSecurityCheck(ELECTRON_DIR, electronVersion());
      expect(report.findings).toEqual([]);
      expect(report.accepted.map((a) => a.check).sort()).toEqual([
        'CERTIFICATE_VERIFY_PROC_JS_CHECK',
        'CSP_GLOBAL_CHECK',
        'PRELOAD_JS_CHECK',
      ]);
    },
    SLOW,
  );

  it(
    'fails on a deliberately insecure sample, naming each problem',
    async () => {
      const report = await runSecurityCheck(sample, electronVersion());
      const checks = new Set(report.findings.map((f) => f.check));
      for (const expected of [
        'WEB_SECURITY_JS_CHECK',
        'INSECURE_CONTENT_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'CSP_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'CCMS_PRELOAD_REVIEW',
      ]) {
        expect(checks, expected).toContain(expected);
      }
      expect(report.accepted).toEqual([]);
    },
    SLOW,
  );

  it(
    'exits 1 from the command line on the insecure sample, and 0 on electron/',
    async () => {
      const cli = [
        path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(ROOT, 'scripts', 'security-check.ts'),
      ];
      const bad = await run(process.execPath, [...cli, sample], { cwd: ROOT }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('FINDING CONTEXT_ISOLATION_JS_CHECK');
      const good = await run(process.execPath, [...cli], { cwd: ROOT });
      expect(good.stdout).toContain('no findings');
    },
    SLOW,
  );
});

describe('preload review', () => {
  it('passes our preload', () => {
    expect(reviewPreload(path.join(ELECTRON_DIR, 'preload.ts'))).toEqual([]);
  });

  it('rejects a preload that hands ipcRenderer to the page or sends on any channel', () => {
    const problems = reviewPreload(path.join(sample, 'preload.ts'));
    expect(problems.join('\n')).toMatch(/exposes something other than window\.ccms/);
    expect(problems.join('\n')).toMatch(/ipcRenderer used other than/);
    expect(problems.join('\n')).toMatch(/expected exactly one exposeInMainWorld/);
  });
});

describe('Content-Security-Policy', () => {
  it('is written once: the session sets app-origin.ts CONTENT_SECURITY_POLICY, which passes the review', async () => {
    expect(await reviewCsp(ELECTRON_DIR)).toEqual([]);
    expect(reviewCspPolicy(CONTENT_SECURITY_POLICY)).toEqual([]);
  });

  it('the review bites: weak policies and a session that sets its own copy are refused', async () => {
    expect(
      reviewCspPolicy("default-src 'self'; script-src 'self' 'unsafe-inline'").join('\n'),
    ).toMatch(/default-src is not 'none'[\s\S]*script-src allows 'unsafe-inline'/);
    expect(
      reviewCspPolicy(CONTENT_SECURITY_POLICY.replace("object-src 'none'", 'object-src *')),
    ).not.toEqual([]);
    expect(reviewCspPolicy(`${CONTENT_SECURITY_POLICY}; connect-src 'unsafe-eval'`)).not.toEqual(
      [],
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-csp-'));
    fs.copyFileSync(path.join(ELECTRON_DIR, 'app-origin.ts'), path.join(dir, 'app-origin.ts'));
    fs.writeFileSync(
      path.join(dir, 'web-security.ts'),
      `import { CONTENT_SECURITY_POLICY } from './app-origin.js';\nconst h = { 'Content-Security-Policy': ["default-src *"] };\n`,
    );
    expect((await reviewCsp(dir)).join('\n')).toMatch(/does not set CONTENT_SECURITY_POLICY/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('certificate verify proc review', () => {
  it("passes our host-network.ts, which only adds policy CAs to Chromium's verdict", () => {
    expect(reviewCertificateVerifyProc(path.join(ELECTRON_DIR, 'host-network.ts'))).toEqual([]);
  });

  it('refuses a verify proc that trusts every certificate', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-verify-proc-'));
    const file = path.join(dir, 'host-network.ts');
    const ours = fs.readFileSync(path.join(ELECTRON_DIR, 'host-network.ts'), 'utf8');
    fs.writeFileSync(file, ours.replace('callback(USE_CHROMIUM_RESULT);', 'callback(0);'));
    try {
      expect(reviewCertificateVerifyProc(file).join('\n')).toMatch(/callback\(0\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
