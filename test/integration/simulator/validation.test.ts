import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendRaw, startHost, SEED_PASSWORDS, latestCode, type TestHost } from './harness.js';

describe('bad input is INVALID_REQUEST 400 naming the field; nothing secret is logged', () => {
  let host: TestHost;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    host = await startHost(
      { requestTimeoutMs: 1000, connectionsCheckingIntervalMs: 200 },
      undefined,
      (l) => lines.push(l),
    );
  });
  afterAll(async () => host.close());

  it.each([
    ['an unknown field', { userId: 'C00101', password: 'x', admin: true }, 'admin'],
    ['a wrong type', { userId: 42, password: 'x' }, 'userId'],
    ['a missing field', { userId: 'C00101' }, 'password'],
    ['a malformed user ID', { userId: 'C001 01;--', password: 'x' }, 'userId'],
    ['an oversized password', { userId: 'C00101', password: 'x'.repeat(257) }, 'password'],
  ])('refuses %s', async (_what, body, field) => {
    const r = await host.call('POST', '/auth/login', body);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'INVALID_REQUEST', field });
  });

  it('refuses broken JSON, a non-JSON content type, an oversized body and a code that is not six digits', async () => {
    const broken = await host.raw('POST', '/auth/login', '{"userId": "C00101", ');
    expect([broken.status, broken.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    expect(broken.body.error.message).toContain('not valid JSON');
    const form = await host.raw(
      'POST',
      '/auth/login',
      'userId=C00101',
      'application/x-www-form-urlencoded',
    );
    expect([form.status, form.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    const huge = await host.raw(
      'POST',
      '/auth/login',
      JSON.stringify({ userId: 'C00101', password: 'x'.repeat(20_000) }),
    );
    expect([huge.status, huge.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    const code = await host.call('POST', '/auth/otp', { challengeId: 'abc', code: '12345a' });
    expect(code.body.error).toMatchObject({ code: 'INVALID_REQUEST', field: 'code' });
    const query = await host.call('GET', '/dms/requests?status=bogus');
    expect(query.body.error).toMatchObject({ code: 'INVALID_REQUEST', field: 'status' });
    const nowhere = await host.call('GET', '/no/such/call');
    expect([nowhere.status, nowhere.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('never echoes a malformed body (it may hold a password) in the error', async () => {
    for (const body of [
      '{"userId":"C00101","password":Secret-Pw-1!}',
      'Secret-Pw-1!',
      '{"userId":"C00101","password":"Secret-Pw-1!"}}',
    ]) {
      const r = await host.raw('POST', '/auth/login', body);
      expect([r.status, r.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
      expect(r.raw, body).not.toContain('Secret');
    }
  });

  it('closes a request whose body never finishes (Node requestTimeout, set at server creation)', async () => {
    const answer = await sendRaw(
      host,
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"userId":',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('logs one structured line per request without passwords, codes, tokens or secrets', async () => {
    lines.length = 0;
    const login = await host.call('POST', '/auth/login', {
      userId: 'C00102',
      password: SEED_PASSWORDS.C00102,
    });
    const code = await latestCode(host, 'C00102');
    const otp = await host.call('POST', '/auth/otp', { challengeId: login.body.challengeId, code });
    const token = otp.body.session.token as string;
    await host.call('GET', '/terminal/summary', undefined, token);
    await host.call('POST', '/auth/login', { userId: 'C00101', password: 'Wrong-Pass-000!' });
    // A request is logged once its reply has gone out, which may be after the client read it.
    await vi.waitFor(() => expect(lines).toHaveLength(4), { timeout: 2_000 });
    const text = JSON.stringify(lines);
    for (const secret of [
      SEED_PASSWORDS.C00102,
      code,
      token,
      login.body.challengeId,
      'Wrong-Pass-000!',
    ])
      expect(text).not.toContain(secret);
    expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
      ['POST', '/api/v1/auth/login', 200],
      ['POST', '/api/v1/auth/otp', 200],
      ['GET', '/api/v1/terminal/summary', 200],
      ['POST', '/api/v1/auth/login', 401],
    ]);
    expect(lines[3]?.errorCode).toBe('INVALID_CREDENTIALS');
  });
});
