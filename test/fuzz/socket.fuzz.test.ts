// Fuzz: browser mode's loopback socket given random frames — text, binary, JSON of any shape,
// oversized — stays up: after each case a bridge call on a fresh connection still answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { browserModeForFile } from '../security/socket-harness.js';
import { FUZZ_RUNS, fuzzParams, nastyValue } from './fuzz-config.js';

const { open } = browserModeForFile('0.0.0-fuzz', 'ccms-fuzz-ws-');

const frame = fc.oneof(
  fc.string({ maxLength: 2_000 }).map((s) => ({ data: s, binary: false })),
  fc.uint8Array({ maxLength: 2_000 }).map((b) => ({ data: Buffer.from(b), binary: true })),
  nastyValue.map((v) => ({ data: JSON.stringify(v) ?? 'null', binary: false })),
  fc
    .record({ id: fc.oneof(fc.nat(), nastyValue), call: nastyValue, input: nastyValue })
    .map((v) => ({ data: JSON.stringify(v) ?? 'null', binary: false })),
  fc.constant({ data: 'x'.repeat(2 * 1024 * 1024 + 1), binary: false }),
);

describe(`browser-mode socket fuzz (${FUZZ_RUNS} cases)`, () => {
  it('stays up whatever frames a connection sends', async () => {
    const ws = await open();
    let conn = ws;
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 4 }), async (frames) => {
        if (conn.readyState !== WebSocket.OPEN) conn = await open();
        for (const f of frames)
          if (conn.readyState === WebSocket.OPEN) conn.send(f.data, { binary: f.binary });
        // A fresh connection still gets its call answered.
        const probe = await open();
        // Events (authState …) may arrive too: wait for the reply to this call.
        const reply = new Promise<unknown>((done) =>
          probe.on('message', (d) => {
            const msg = JSON.parse(String(d)) as { id?: number };
            if (msg.id === 1) done(msg);
          }),
        );
        probe.send(JSON.stringify({ id: 1, call: 'getAuthState', input: {} }));
        expect(await reply).toMatchObject({ id: 1, result: { ok: true } });
        probe.close();
      }),
      fuzzParams(),
    );
    conn.close();
  }, 600_000);
});
