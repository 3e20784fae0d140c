// `saveDiagnostics` and browser mode's WebSocket frame limit (maxPayload 2 MiB in
// scripts/web-server.ts): the longest text the bridge accepts, in the characters that cost JSON
// the most bytes, still fits in one frame, so a report is refused with a clear error rather than
// the socket closing on it. Real browser-mode server, real socket, real files.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DIAGNOSTICS_TEXT_MAX } from '../../../shared/bridge.js';
import { startBrowserMode, type BrowserMode } from '../../../scripts/web-server.js';

const FRAME_LIMIT = 2 * 1024 * 1024;

let app: BrowserMode;
let base: string;
let ws: WebSocket;
let nextId = 1;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ccms-frame-'));
  app = await startBrowserMode({
    port: 0,
    rendererDir: resolve(import.meta.dirname, '../../../renderer'),
    userDataDir: join(base, 'user'),
    simulator: null,
    machinePolicyPath: join(base, 'no-policy.json'),
    appVersion: '0.0.0-frame',
  });
  const token = new URL(app.url).hash.replace('#token=', '');
  ws = new WebSocket(`${app.origin.replace('http', 'ws')}/bridge?token=${token}`, {
    headers: { Origin: app.origin },
  });
  await new Promise((ok, fail) => {
    ws.once('open', ok);
    ws.once('error', fail);
  });
});

afterAll(async () => {
  ws.close();
  await app.close();
  await rm(base, { recursive: true, force: true });
});

const frameOf = (text: string) =>
  JSON.stringify({ id: nextId++, call: 'saveDiagnostics', input: { text } });

/** Sends one frame and waits for its answer (or the socket closing on it). */
function send(frame: string): Promise<{ ok: boolean; value?: { path: string }; error?: unknown }> {
  const id = (JSON.parse(frame) as { id: number }).id;
  return new Promise((ok, fail) => {
    if (ws.readyState !== WebSocket.OPEN) return fail(new Error('the socket is closed'));
    const onMessage = (raw: WebSocket.RawData) => {
      const msg = JSON.parse(String(raw)) as { id?: number; result?: never };
      if (msg.id !== id) return;
      ws.off('message', onMessage);
      ok(msg.result as never);
    };
    ws.on('message', onMessage);
    ws.once('close', (code) => fail(new Error(`the socket closed (${code})`)));
    ws.send(frame);
  });
}

describe('saveDiagnostics within the browser-mode frame limit', () => {
  it('the longest accepted text fits one frame even in the costliest characters', () => {
    // JSON writes a control character as \u0001 (6 bytes), a CJK character in 3 UTF-8 bytes.
    for (const ch of ['\u0001', '連', '\ud800']) {
      const bytes = Buffer.byteLength(frameOf(ch.repeat(DIAGNOSTICS_TEXT_MAX)), 'utf8');
      expect(bytes, JSON.stringify(ch)).toBeLessThan(FRAME_LIMIT);
    }
    // The old bound (1,000,000 characters) did not: a zh-HK report could close the socket.
    expect(Buffer.byteLength(frameOf('連'.repeat(1_000_000)), 'utf8')).toBeGreaterThan(FRAME_LIMIT);
  });

  it('saves a zh-HK report of the longest accepted length over the real socket', async () => {
    const line = '連接檢查報告：代理伺服器通過，主機服務正常。\n';
    const text = line.repeat(Math.floor(DIAGNOSTICS_TEXT_MAX / line.length));
    const result = await send(frameOf(text));
    expect(result.ok).toBe(true);
    expect(await readFile(result.value?.path ?? '', 'utf8')).toBe(text);
  });

  it('saves the costliest text of the longest length (1.8 MB of JSON) without closing the socket', async () => {
    const result = await send(frameOf('\u0001'.repeat(DIAGNOSTICS_TEXT_MAX)));
    expect(result.ok).toBe(true);
  });

  it('refuses one character more with an error naming the field', async () => {
    const result = await send(frameOf('報'.repeat(DIAGNOSTICS_TEXT_MAX + 1)));
    expect(result).toMatchObject({ ok: false, error: { code: 'BRIDGE_INVALID', field: 'text' } });
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });
});
