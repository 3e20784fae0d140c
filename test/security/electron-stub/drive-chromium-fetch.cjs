// Runs in a child process: loads the BUNDLED electron/chromium-fetch.ts with the real core's
// broker and host client (folder given as argv[2]) over the Electron stand-in, plays Chromium's
// part on each `net.request` (a proxy's 407, a server's 401, replies, failures) and prints one
// JSON line of what the app did.
/* global require, process, console, setTimeout, setInterval, Buffer */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS fixture: the bundle require()s 'electron' */
'use strict';
const path = require('node:path');

const out = process.argv[2];
const electron = require(path.join(out, 'node_modules', 'electron'));
const s = electron.__stub;
const { createChromiumFetch, ProxyAuthBroker, HostClient, systemClock } = require(
  path.join(out, 'chromium-fetch.cjs'),
);

const events = [];
const logLines = [];
const record = (msg, data) => logLines.push(`${msg} ${JSON.stringify(data ?? {})}`);
const log = { debug: record, info: record, warn: record, error: record };
const broker = new ProxyAuthBroker({
  clock: systemClock,
  log,
  emit: (name, payload) => events.push({ name, payload }),
});
const ses = electron.session.defaultSession;
const hostFetch = createChromiumFetch(ses, broker);
const host = (extra = {}) =>
  new HostClient({
    baseUrl: 'https://ccms.example',
    fetch: hostFetch,
    proxyAuth: broker,
    retry: { retries: 0, baseDelayMs: 1 },
    log,
    ...extra,
  });

const PROXY = { isProxy: true, scheme: 'basic', host: 'proxy.bank', port: 8080, realm: 'Bank' };
const HEALTH = JSON.stringify({
  status: 'ok',
  version: '7',
  environment: 'test',
  serverTime: '2026-01-01T09:00:00.000Z',
});
const JSON_HEADERS = { 'content-type': ['application/json'] };

async function waitFor(what, pred) {
  for (let i = 0; i < 500; i++) {
    const v = pred();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
/** The next net.request the app makes. */
const nextRequest = (n) => waitFor(`net.request #${n}`, () => s.netRequests[n - 1]);
const prompts = () => events.filter((e) => e.name === 'proxyAuthRequired');
const nextPrompt = (n) => waitFor(`prompt #${n}`, () => prompts()[n - 1]);
const settle = (p) =>
  p.then(
    (value) => ({ ok: true, value }),
    (err) => ({ ok: false, code: err.code, message: err.message }),
  );

async function main() {
  // The app's timers are unref'd (they never hold a process open); this one keeps the driver alive.
  setInterval(() => undefined, 1_000);
  const r = {};

  // 1. A proxy's 407: the broker asks the renderer, the answer goes back to Chromium.
  const first = settle(host().health());
  const req1 = await nextRequest(1);
  r.options = { ...req1.options, session: req1.options.session === ses };
  const login1 = req1.challenge(PROXY);
  const prompt1 = await nextPrompt(1);
  r.prompt = prompt1.payload;
  broker.answer({ id: prompt1.payload.id, username: 'corp\\ops', password: 'Proxy-Pass-1' });
  r.callback = await login1;
  req1.respond(200, JSON_HEADERS, HEALTH);
  r.health = await first;

  // 2. A later request Chromium asks about again: answered from memory, nobody is asked.
  const second = settle(host().health());
  const req2 = await nextRequest(2);
  r.reusedCallback = await req2.challenge(PROXY);
  req2.respond(200, JSON_HEADERS, HEALTH);
  r.second = await second;
  r.promptsAfterReuse = prompts().length;

  // 3. A server's own challenge (401 with WWW-Authenticate) is cancelled, never sent to the user.
  const third = settle(host().login('C00101', 'Demo-Pass-101!'));
  const req3 = await nextRequest(3);
  r.serverCallback = await req3.challenge({ ...PROXY, isProxy: false, host: 'ccms.example' });
  await waitFor('the request body', () => req3.ended);
  r.body = Buffer.concat(req3.chunks).toString('utf8');
  r.method = req3.options.method;
  r.headerNames = Object.keys(req3.options.headers)
    .map((h) => h.toLowerCase())
    .sort();
  req3.respond(
    401,
    JSON_HEADERS,
    JSON.stringify({ error: { code: 'INVALID_CREDENTIALS', message: 'no' } }),
  );
  r.serverChallenge = await third;
  r.promptsAfterServerChallenge = prompts().length;

  // 4. Three wrong answers, then PROXY_AUTH_FAILED; Chromium's last challenge is cancelled.
  const proxy2 = { ...PROXY, host: 'other.proxy', port: 3128 };
  const fourth = settle(host().health());
  const req4 = await nextRequest(4);
  r.wrong = [];
  for (let n = 1; n <= 3; n++) {
    const callback = req4.challenge(proxy2);
    const p = await nextPrompt(1 + n);
    r.wrong.push(p.payload.failedBefore);
    broker.answer({ id: p.payload.id, username: 'ops', password: `Wrong-${n}` });
    await callback;
  }
  r.givenUpCallback = await req4.challenge(proxy2);
  req4.respond(407, { 'proxy-authenticate': ['Basic realm="Bank"'] });
  r.failed = await fourth;

  // 5. The user cancels: PROXY_AUTH_CANCELLED.
  const proxy3 = { ...PROXY, host: 'third.proxy', port: 80 };
  const fifth = settle(host().health());
  const req5 = await nextRequest(5);
  const cancelled = req5.challenge(proxy3);
  broker.answer({ id: (await nextPrompt(5)).payload.id, cancel: true });
  r.cancelCallback = await cancelled;
  req5.fail('net::ERR_PROXY_AUTH_REQUESTED');
  r.cancelled = await fifth;

  // 6. Chromium's errors keep the host client's classification.
  const refused = settle(host().health());
  (await nextRequest(6)).fail('net::ERR_CONNECTION_REFUSED');
  r.refused = await refused;
  const badCert = settle(host().health());
  (await nextRequest(7)).fail('net::ERR_CERT_AUTHORITY_INVALID');
  r.badCert = await badCert;

  // 7. The host client's time limit aborts the request in Chromium.
  const slow = settle(host({ totalTimeoutMs: 100 }).health());
  const req8 = await nextRequest(8);
  r.slow = await slow;
  r.slowAborted = req8.aborted;

  r.logHasPassword = logLines.some((l) => l.includes('Proxy-Pass-1') || l.includes('Wrong-'));
  r.ended = events.filter((e) => e.name === 'proxyAuthEnded').map((e) => e.payload.reason);
  console.log(JSON.stringify(r));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
