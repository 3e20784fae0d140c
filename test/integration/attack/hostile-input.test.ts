import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostErrorBody } from '../../../shared/errors.js';
import { answerOf, openTls, startHost, type TestHost } from '../simulator/harness.js';

describe('attack: hostile request bodies and slow clients', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startHost({ requestTimeoutMs: 1000, connectionsCheckingIntervalMs: 200 });
  });
  afterAll(async () => host.close());

  const open = () => openTls(host);

  it('an oversized body is refused before it is parsed', async () => {
    const r = await host.raw(
      'POST',
      '/auth/login',
      JSON.stringify({ userId: 'C00101', password: 'x'.repeat(1_000_000) }),
    );
    expect([r.status, r.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    expect(r.body.error.message).toBe('The request body is too large.');
  });

  it('deeply nested JSON within the size limit is a 400, and the host keeps answering', async () => {
    const depth = 7000;
    const nested = `{"userId":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`;
    const r = await host.raw('POST', '/auth/login', nested);
    expect([r.status, r.body.error.code, r.body.error.field]).toEqual([
      400,
      'INVALID_REQUEST',
      'userId',
    ]);
    const objects = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;
    const o = await host.raw('POST', '/auth/login', objects);
    expect(HostErrorBody.parse(o.body).error.code).toBe('INVALID_REQUEST');
    expect((await host.call('GET', '/health')).status).toBe(200);
  });

  it('prototype keys in a body are refused as unknown fields, not merged', async () => {
    const r = await host.raw(
      'POST',
      '/auth/login',
      '{"userId":"C00101","password":"x","__proto__":{"admin":true}}',
    );
    expect([r.status, r.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
  });

  it('a body that never ends: 408 once the request timeout passes', async () => {
    const socket = await open();
    const answer = answerOf(socket);
    socket.write(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"userId":',
    );
    const drip = setInterval(() => socket.writable && socket.write(' '), 200);
    try {
      expect(await answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
    }
  });

  it('headers that never end: 408 once the headers timeout passes', async () => {
    const socket = await open();
    const answer = answerOf(socket);
    socket.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 200);
    try {
      expect(await answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
    }
  });
});
