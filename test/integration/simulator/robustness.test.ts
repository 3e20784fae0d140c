import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostErrorBody } from '../../../shared/errors.js';
import { sendRaw, startHost, signInTotp, type TestHost } from './harness.js';

// Bodies a confused or hostile client might send; none may ever get a 5xx.
const BODIES: unknown[] = [
  undefined,
  null,
  [],
  'text',
  42,
  {},
  { x: 1 },
  { userId: null, password: null },
  { challengeId: 'x'.repeat(10_000), code: '000000' },
  { initToken: '', newPassword: '', channel: 'fax' },
  { action: 'unlock', userId: '../../etc/passwd' },
  { code: '123456', reason: '' },
  { __proto__: { admin: true }, constructor: { prototype: { admin: true } } },
];

describe('robustness: every call answers bad input with a 4xx error body, never a 5xx', () => {
  let host: TestHost;
  let token = '';
  let daToken = '';
  let paths: Array<[string, string]> = [];
  beforeAll(async () => {
    host = await startHost({ loginRateLimitFailures: 0 });
    token = await signInTotp(host, 'C00101');
    daToken = await signInTotp(host, 'C00191');
    const doc = (await host.call('GET', '/openapi.json')).body as { paths: Record<string, object> };
    paths = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m): [string, string] => [m.toUpperCase(), p.replace('{id}', 'R-nope')]),
    );
  });
  afterAll(async () => host.close());

  it('covers all 18 calls', () => {
    expect(paths.length).toBe(18);
  });

  it('answers every call with every odd body, with and without a session', async () => {
    for (const [method, path] of paths) {
      for (const body of BODIES) {
        for (const t of [undefined, token, daToken, 'forged-token-forged-token']) {
          const r = await host.call(method as 'GET' | 'POST', path, body, t);
          if (r.status === 200 || r.status === 204) continue;
          expect(r.status, `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(500);
          expect(HostErrorBody.safeParse(r.body).success, `${method} ${path}: ${r.raw}`).toBe(true);
        }
      }
    }
  });

  it('answers odd URLs and headers with 4xx', async () => {
    for (const path of [
      '/dms/requests/%E0%A4%A/approve',
      '/session?x=%',
      '/../../etc/passwd',
      '/auth/login/',
    ]) {
      const r = await host.call('POST', path, {});
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
    }
    const weird = await host.call('GET', '/session', undefined, undefined, {
      authorization: 'Bearer ' + 'ä'.repeat(40),
    });
    expect(weird.status).toBe(401);
  });

  it('answers bytes that are not HTTP with 400 and the protocol error shape', async () => {
    const answer = await sendRaw(host, 'HELLO THERE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(HostErrorBody.parse(JSON.parse(answer.split('\r\n\r\n')[1] ?? '')).error.code).toBe(
      'INVALID_REQUEST',
    );
  });
});
