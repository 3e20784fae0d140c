// A stand-in for Electron's main-process API, for running the BUNDLED main process in plain Node
// (Electron's binary cannot be downloaded on these machines). It records what the app registers
// and lets the harness drive it: IPC calls from chosen senders, permission requests, requests,
// navigation. It implements no security itself: every decision tested is the app's.
/* global require, module, process, fetch, Buffer */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS fixture: the bundle require()s 'electron' */
'use strict';
const { EventEmitter } = require('node:events');
const { Readable } = require('node:stream');

const state = {
  privileged: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  permissionRequest: null,
  permissionCheck: null,
  beforeRequest: null,
  headersReceived: null,
  powerListeners: new Map(),
  sandboxEnabled: false,
  appListeners: new Map(),
  partitions: [],
  errors: [],
  appUserModelId: null,
  paths: {},
  crashReporter: null,
  messageBoxes: [],
  messageBoxResponse: 0,
  reloads: 0,
  quits: 0,
  netRequests: [],
};

// `net.request` (for electron/chromium-fetch.ts): a ClientRequest the harness answers by hand.
// Like Electron's, a `login` nobody listens to is cancelled at once (callback with no arguments).
class StubClientRequest extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.chunks = [];
    this.ended = false;
    this.aborted = false;
    state.netRequests.push(this);
  }
  write(chunk) {
    this.chunks.push(Buffer.from(chunk));
    return true;
  }
  end(chunk) {
    if (chunk) this.write(chunk);
    this.ended = true;
  }
  abort() {
    this.aborted = true;
  }
  /** Chromium meets an auth challenge: resolves with what the app called back with. */
  challenge(authInfo) {
    return new Promise((resolve) => {
      const callback = (...args) => resolve(args);
      if (!this.emit('login', authInfo, callback)) callback();
    });
  }
  /** Chromium has the reply: status, headers (lower-case names) and a body. */
  respond(statusCode, headers, body = '') {
    const res = Readable.from(body === '' ? [] : [Buffer.from(body)]);
    Object.assign(res, { statusCode, statusMessage: '', headers });
    this.emit('response', res);
  }
  /** Chromium failed the request, e.g. `net::ERR_CONNECTION_REFUSED`. */
  fail(message) {
    this.emit('error', new Error(message));
  }
}

function frame(url, id) {
  return { url, parent: null, processId: 1, routingId: id };
}

class StubWebContents extends EventEmitter {
  constructor() {
    super();
    this.url = '';
    this.mainFrame = frame('', 1);
    this.sent = [];
    this.windowOpenHandler = null;
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return false;
  }
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
  reload() {
    state.reloads++;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new StubWebContents();
    state.windows.push(this);
    for (const l of state.appListeners.get('web-contents-created') ?? []) l({}, this.webContents);
  }
  removeMenu() {}
  show() {}
  isDestroyed() {
    return false;
  }
  isFocused() {
    return false;
  }
  flashFrame() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  async loadURL(url) {
    this.webContents.url = url;
    this.webContents.mainFrame = frame(url, 1);
  }
}

const app = {
  isPackaged: true,
  on(event, fn) {
    if (!state.appListeners.has(event)) state.appListeners.set(event, []);
    state.appListeners.get(event).push(fn);
  },
  whenReady: () => Promise.resolve(),
  getAppPath: () => process.env.STUB_APP_PATH,
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return process.env.STUB_USER_DATA;
  },
  setPath: (name, value) => {
    state.paths[name] = value;
  },
  setAppUserModelId: (id) => {
    state.appUserModelId = id;
  },
  commandLine: { hasSwitch: () => false },
  getVersion: () => '0.1.0-stub',
  enableSandbox() {
    state.sandboxEnabled = true;
  },
  requestSingleInstanceLock: () => true,
  quit() {
    state.quits++;
  },
  exit(code) {
    state.errors.push(`exit ${code}`);
  },
};

const sessionObject = {
  protocol: { handle: (scheme, fn) => state.protocolHandlers.set(scheme, fn) },
  setPermissionRequestHandler: (fn) => {
    state.permissionRequest = fn;
  },
  setPermissionCheckHandler: (fn) => {
    state.permissionCheck = fn;
  },
  setDevicePermissionHandler() {},
  webRequest: {
    onBeforeRequest: (fn) => {
      state.beforeRequest = fn;
    },
    onHeadersReceived: (fn) => {
      state.headersReceived = fn;
    },
  },
};

module.exports = {
  app,
  BrowserWindow,
  dialog: {
    showErrorBox: (title, message) => state.errors.push(`${title}: ${message}`),
    showMessageBox: async (...args) => {
      state.messageBoxes.push(args[args.length - 1]);
      return { response: state.messageBoxResponse, checkboxChecked: false };
    },
  },
  crashReporter: {
    start: (options) => {
      state.crashReporter = options;
    },
  },
  net: {
    fetch: (...args) => fetch(...args),
    request: (options) => new StubClientRequest(options),
  },
  ipcMain: {
    handle: (channel, fn) => state.ipcHandlers.set(channel, fn),
    removeHandler: (channel) => state.ipcHandlers.delete(channel),
  },
  powerMonitor: {
    on(event, fn) {
      if (!state.powerListeners.has(event)) state.powerListeners.set(event, []);
      state.powerListeners.get(event).push(fn);
    },
  },
  protocol: { registerSchemesAsPrivileged: (list) => state.privileged.push(...list) },
  session: {
    fromPartition: (name) => {
      state.partitions.push(name);
      return sessionObject;
    },
    defaultSession: {
      setProxy: async (config) => {
        state.proxyConfig = config;
      },
      setCertificateVerifyProc: (fn) => {
        state.certificateVerifyProc = fn;
      },
    },
  },
  __stub: state,
};
