// Browser mode's loopback socket under hostile or broken frames: each one costs at most its own
// connection; the server, the core and every other connection stay up. Also the Host check that
// keeps a DNS-rebinding page (a foreign name resolving to 127.0.0.1) out.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { browserModeForFile } from './socket-harness.js';

const browser = browserModeForFile('0.0.0-test');
const { open } = browser;

const closed = (ws: WebSocket) =>
  new Promise<number>((done) => ws.once('close', (code) => done(code)));

/** One bridge call over a fresh connection: the server still serves. */
async function callWorks(): Promise<void> {
  const ws = await open();
  const reply = new Promise<unknown>((done) =>
    ws.once('message', (d) => done(JSON.parse(String(d)))),
  );
  ws.send(JSON.stringify({ id: 1, call: 'getAppInfo', input: {} }));
  expect(await reply).toMatchObject({ id: 1, result: { ok: true } });
  ws.close();
}

describe('browser-mode socket', () => {
  it('closes a connection that sends invalid UTF-8 in a text frame, and keeps serving', async () => {
    const ws = await open();
    const code = closed(ws);
    // A raw text frame (FIN + opcode 1, masked) whose payload is not UTF-8.
    const payload = Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81, 0xc0, 0xc1, 0xf5, 0xf6, 0xf7]);
    const mask = Buffer.from([1, 2, 3, 4]);
    const masked = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] as number)));
    const socket = (ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]));
    expect(await code).toBe(1007);
    await callWorks();
  });

  it('closes a connection that sends a frame over the size limit, and keeps serving', async () => {
    const ws = await open();
    const code = closed(ws);
    ws.send('x'.repeat(3 * 1024 * 1024));
    expect(await code).toBe(1009);
    await callWorks();
  });

  it('answers frames that are not bridge calls without dropping the connection', async () => {
    const ws = await open();
    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d))));
    ws.send('not json');
    ws.send(Buffer.from([0, 1, 2, 3]));
    ws.send(JSON.stringify({ id: 7, call: 42 }));
    ws.send(JSON.stringify({ id: 8, call: 'getAppInfo', input: {} }));
    await expect.poll(() => replies.length).toBe(2);
    expect(replies[0]).toMatchObject({
      id: 7,
      result: { ok: false, error: { code: 'BRIDGE_INVALID' } },
    });
    expect(replies[1]).toMatchObject({ id: 8, result: { ok: true } });
    ws.close();
  });

  it('refuses a socket without the per-run token, with a wrong one, or from another Origin', async () => {
    const { token, app } = browser;
    const base = `${app.origin.replace('http', 'ws')}/bridge`;
    const tryOpen = (url: string, origin: string) =>
      new Promise<number>((done, fail) => {
        const ws = new WebSocket(url, { headers: { Origin: origin } });
        ws.once('open', () => {
          ws.close();
          done(101);
        });
        ws.once('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
        ws.once('error', fail);
      });
    expect(await tryOpen(base, app.origin)).toBe(403);
    expect(await tryOpen(`${base}?token=${'x'.repeat(token.length)}`, app.origin)).toBe(403);
    expect(await tryOpen(`${base}?token=${token}x`, app.origin)).toBe(403);
    expect(await tryOpen(`${base}?token=${token}`, 'http://evil.example')).toBe(403);
    expect(await tryOpen(`${base}?token=${token}`, app.origin)).toBe(101);
  });

  it('refuses a request whose Host is not the loopback address it listens on (DNS rebinding)', async () => {
    const port = new URL(browser.app.origin).port;
    const status = await new Promise<number>((done, fail) => {
      http
        .get(
          { host: '127.0.0.1', port, path: '/', headers: { Host: `evil.example:${port}` } },
          (res) => {
            res.resume();
            done(res.statusCode ?? 0);
          },
        )
        .on('error', fail);
    });
    expect(status).toBe(403);
    await expect(open({ Host: `evil.example:${port}` })).rejects.toThrow(/403/);
  });
});
