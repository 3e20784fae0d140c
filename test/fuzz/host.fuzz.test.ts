// Fuzz: every host endpoint of the real simulator (over real HTTPS) with random bodies, headers,
// content types, methods and sizes answers 4xx for what it cannot take — never 5xx — and the host
// stays healthy. Some cases carry a real session token so that the signed-in handlers are reached.
import { request, Agent } from 'node:https';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../simulator/routes/openapi.js';
import { startHost, signInTotp, type TestHost } from '../integration/simulator/harness.js';
import { FUZZ_RUNS, fuzzParams, nastyString, nastyValue, nearShape } from './fuzz-config.js';

let host: TestHost;
let agent: Agent;
let tokens: string[];
let routes: { method: string; path: string; keys: string[] }[];

beforeAll(async () => {
  // No per-address limit in the way: the fuzz is about input handling, not throttling.
  host = await startHost({ loginRateLimitFailures: 0 });
  agent = new Agent({ ca: host.sim.caCertPem, keepAlive: true });
  tokens = [await signInTotp(host, 'C00101'), await signInTotp(host, 'C00191')];
  const api = buildOpenApi() as {
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } }
      >
    >;
  };
  routes = Object.entries(api.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: path.replace(/^\/api\/v1/, ''),
      keys: Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
    })),
  );
}, 120_000);

afterAll(async () => {
  agent.destroy();
  await host.close();
});

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.sim.url}/api/v1${path}`, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    if (body) req.setHeader('content-length', body.length);
    req.end(body);
  });
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
  'application/json; charset=latin1',
);

describe(`host endpoint fuzz (${FUZZ_RUNS} cases)`, () => {
  it('answers random requests with 4xx or success, never 5xx, and stays healthy', async () => {
    const requestArb = fc
      .nat({ max: 10_000 })
      .map((i) => routes[i % routes.length] as (typeof routes)[number])
      .chain((route) =>
        fc.record({
          method: fc.oneof(
            fc.constant(route.method),
            fc.constant(route.method),
            fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
          ),
          path: fc.oneof(
            fc.constant(route.path),
            nastyString.map((s) =>
              route.path.replace(/\{[A-Za-z]+\}/g, encodeURIComponent(s.slice(0, 200))),
            ),
          ),
          token: fc.oneof(fc.constant(undefined), fc.constantFrom(...tokens), nastyString),
          type: contentType,
          body: fc.oneof(
            fc.constant(undefined),
            nearShape(route.keys).map((o) => Buffer.from(JSON.stringify(o))),
            nastyValue.map((v) => Buffer.from(JSON.stringify(v) ?? '')),
            fc.uint8Array({ maxLength: 4_096 }).map((b) => Buffer.from(b)),
            fc.nat({ max: 3 }).map((n) => Buffer.from('['.repeat(10_000 * (n + 1)))),
            fc.constant(Buffer.alloc(2 * 1024 * 1024, 'a')),
          ),
        }),
      );
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        const headers: Record<string, string> = {};
        if (r.type) headers['content-type'] = r.type;
        if (r.token !== undefined)
          headers['authorization'] = `Bearer ${r.token.replace(/[^\x21-\x7e]/g, '')}`;
        const status = await send(r.method, r.path, headers, r.body);
        expect(status, `${r.method} ${r.path}`).toBeGreaterThanOrEqual(200);
        expect(status, `${r.method} ${r.path}`).toBeLessThan(500);
      }),
      fuzzParams(),
    );
    expect(await send('GET', '/health', {}, undefined)).toBe(200);
  }, 600_000);
});
