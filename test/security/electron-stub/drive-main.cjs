// Runs in a child process: loads the BUNDLED main process (dist-like folder given as argv[2]) over
// the Electron stand-in, drives what the app registered, and prints one JSON line of outcomes.
/* global require, process, console, Request, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS fixture: the bundle require()s 'electron' */
'use strict';
const path = require('node:path');

const out = process.argv[2];
const electron = require(path.join(out, 'node_modules', 'electron'));
const s = electron.__stub;
require(path.join(out, 'main.cjs'));

async function waitFor(what, pred) {
  for (let i = 0; i < 1000; i++) {
    if (pred()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`main process did not ${what}: ${s.errors.join('; ')}`);
}

async function main() {
  await waitFor(
    'open its window and IPC channel',
    () => s.windows.length > 0 && s.ipcHandlers.has('ccms:call'),
  );
  const win = s.windows[0];
  const wc = win.webContents;
  await waitFor('load its page', () => wc.url !== '');
  const call = s.ipcHandlers.get('ccms:call');
  const r = {};
  r.trusted = await call({ sender: wc, senderFrame: wc.mainFrame }, 'getAppInfo', {});
  r.otherOrigin = await call(
    { sender: wc, senderFrame: { ...wc.mainFrame, url: 'https://evil.example/' } },
    'getAppInfo',
    {},
  );
  r.subframe = await call(
    { sender: wc, senderFrame: { ...wc.mainFrame, parent: wc.mainFrame, routingId: 7 } },
    'getAppInfo',
    {},
  );
  r.noFrame = await call({ sender: wc, senderFrame: null }, 'getAppInfo', {});
  const stranger = new electron.BrowserWindow({});
  await stranger.loadURL('app://ccms/index.html');
  r.notAdmitted = await call(
    { sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame },
    'getAppInfo',
    {},
  );
  r.badName = await call({ sender: wc, senderFrame: wc.mainFrame }, 42, {});
  r.unknownCall = await call({ sender: wc, senderFrame: wc.mainFrame }, 'constructor', {});
  r.badInput = await call({ sender: wc, senderFrame: wc.mainFrame }, 'login', { userId: 'C00101' });
  r.cancel = await call({ sender: wc, senderFrame: wc.mainFrame }, 'cancelLogin', {});

  const ask = (permission, url) =>
    new Promise((done) => s.permissionRequest({ getURL: () => url }, permission, done));
  const app = 'app://ccms/index.html';
  r.permissions = {
    media: await ask('media', app),
    notifications: await ask('notifications', app),
    geolocation: await ask('geolocation', app),
    clipboardWrite: await ask('clipboard-sanitized-write', app),
    clipboardWriteElsewhere: await ask('clipboard-sanitized-write', 'https://evil.example/'),
    clipboardRead: await ask('clipboard-read', app),
  };
  r.permissionCheck = {
    clipboardRead: s.permissionCheck({}, 'clipboard-read', 'app://ccms'),
    media: s.permissionCheck({}, 'media', 'app://ccms'),
  };

  // The host connection's certificate check: Chromium's verdict stands unless a policy CA vouches.
  const verify = (errorCode) =>
    new Promise((done) =>
      s.certificateVerifyProc(
        {
          hostname: 'ccms.example',
          errorCode,
          certificate: { data: 'not a certificate', issuerCert: undefined },
        },
        done,
      ),
    );
  r.certVerify = { chromiumTrusts: await verify(0), chromiumRefusesNoPolicyCa: await verify(-202) };

  const request = (url) => new Promise((done) => s.beforeRequest({ url }, done));
  r.requests = {
    app: await request('app://ccms/assets/index.js'),
    remote: await request('https://cdn.example/x.js'),
    file: await request('file:///etc/passwd'),
    otherApp: await request('app://evil/x.js'),
  };
  const headers = await new Promise((done) =>
    s.headersReceived({ responseHeaders: { 'X-Other': ['1'] } }, done),
  );
  r.sessionCsp = headers.responseHeaders['Content-Security-Policy'];

  const handler = s.protocolHandlers.get('app');
  const index = await handler(new Request('app://ccms/index.html'));
  r.index = {
    status: index.status,
    csp: index.headers.get('content-security-policy'),
    type: index.headers.get('content-type'),
    body: await index.text(),
  };
  r.root = (await handler(new Request('app://ccms/'))).status;
  r.traversal = (
    await handler(new Request('app://ccms/assets/..%2F..%2F..%2Fpackage.json'))
  ).status;
  r.otherHost = (await handler(new Request('app://evil/index.html'))).status;
  r.post = (
    await handler(new Request('app://ccms/index.html', { method: 'POST', body: 'x' }))
  ).status;

  let prevented = 0;
  const event = { preventDefault: () => prevented++ };
  wc.emit('will-navigate', event, 'https://evil.example/');
  wc.emit('will-redirect', event, 'https://evil.example/');
  wc.emit('will-attach-webview', event, {}, {});
  r.prevented = prevented;
  r.windowOpen = wc.windowOpenHandler({ url: 'https://evil.example/' });
  const { session: _session, ...prefs } = win.options.webPreferences;
  r.webPreferences = prefs;
  r.startUrl = wc.url;
  r.privileged = s.privileged;
  r.partitions = s.partitions;
  r.sandboxEnabled = s.sandboxEnabled;
  r.powerEvents = [...s.powerListeners.keys()].sort();
  r.sentChannels = [...new Set(wc.sent.map((m) => m[0]))];
  r.strangerSent = stranger.webContents.sent.length;
  // A renderer that dies: the main window's offers a reload (or quit); a clean exit or another
  // window's does not ask anything.
  const gone = (contents, reason) => {
    for (const l of s.appListeners.get('render-process-gone') ?? [])
      l({}, contents, { reason, exitCode: 1 });
  };
  gone(wc, 'clean-exit');
  gone(stranger.webContents, 'crashed');
  await new Promise((done) => setTimeout(done, 50));
  r.dialogsBeforeCrash = s.messageBoxes.length;
  gone(wc, 'crashed');
  await waitFor('ask about the crashed window', () => s.reloads === 1);
  s.messageBoxResponse = 1;
  gone(wc, 'oom');
  await waitFor('quit when asked to', () => s.quits > 0);
  r.crashDialog = s.messageBoxes[0];
  r.reloads = s.reloads;
  for (const l of s.appListeners.get('child-process-gone') ?? [])
    l({}, { type: 'GPU', reason: 'crashed', exitCode: 3 });
  r.appUserModelId = s.appUserModelId;
  r.proxyConfig = s.proxyConfig;
  r.paths = s.paths;
  r.crashReporter = s.crashReporter;
  r.errors = s.errors;
  console.log(JSON.stringify(r));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
