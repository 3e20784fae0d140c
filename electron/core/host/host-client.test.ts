import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CcmsError } from '../../../shared/errors.js';
import { HostClient } from './host-client.js';
import {
  closedPortUrl,
  makeCa,
  makeServerCert,
  startHangingServer,
  startConnectProxy,
  startHttpsServer,
  type CertPair,
  type TestServer,
} from './testing/tls-fixtures.js';

const ca = makeCa('Host client test CA');
const pair: CertPair = makeServerCert(ca);
const noSleep = async () => undefined;

type Route = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let routes: Record<string, Route> = {};
const seen: { method: string; url: string; auth?: string; ua?: string; body: string }[] = [];
let server: TestServer;

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = await startHttpsServer(pair, (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const auth = req.headers.authorization;
      const ua = req.headers['user-agent'];
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body,
        ...(auth ? { auth } : {}),
        ...(ua ? { ua } : {}),
      });
      const route = routes[`${req.method} ${req.url}`];
      if (route) route(req, body, res);
      else json(res, 404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
    });
  });
});
afterAll(() => server.close());

const session = {
  token: 'tok_abcdefghijklmnopqrstuvwxyz',
  expiresAt: '2026-01-01T19:00:00.000Z',
  idleTimeoutSec: 900,
  user: { userId: 'C00101', participantId: 'CP001', name: 'Chan Tai Man', roles: ['user'] },
};

function client(extra: Partial<ConstructorParameters<typeof HostClient>[0]> = {}) {
  return new HostClient({
    baseUrl: server.url,
    extraCaPems: [ca.certPem],
    sleep: noSleep,
    ...extra,
  });
}

describe('HostClient', () => {
  it('parses a good reply with the shared schema', async () => {
    routes = {
      'GET /api/v1/health': (_q, _b, res) =>
        json(res, 200, {
          status: 'ok',
          version: '1.0.0',
          environment: 'test',
          serverTime: '2026-01-01T09:00:00.000Z',
        }),
    };
    await expect(client().health()).resolves.toMatchObject({ status: 'ok', version: '1.0.0' });
  });

  it('sends the token per call as a bearer header and nothing else keeps it', async () => {
    routes = { 'GET /api/v1/session': (_q, _b, res) => json(res, 200, { session }) };
    seen.length = 0;
    const c = client();
    await c.getSession('tok_perCallToken_123456');
    expect(seen[0]?.auth).toBe('Bearer tok_perCallToken_123456');
    expect(seen[0]?.ua).toBe('CCMS-Terminal');
    expect(JSON.stringify(c)).not.toContain('tok_perCallToken');
  });

  it('maps a host error body to a CcmsError with the host code and details', async () => {
    routes = {
      'POST /api/v1/auth/otp': (_q, _b, res) =>
        json(res, 401, {
          error: { code: 'OTP_INVALID', message: 'The code is wrong.', attemptsLeft: 3 },
        }),
    };
    const err = await client()
      .submitOtp('ch_1', '123456')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CcmsError);
    expect((err as CcmsError).code).toBe('OTP_INVALID');
    expect((err as CcmsError).details.attemptsLeft).toBe(3);
  });

  it('rejects a malformed reply as BAD_HOST_REPLY naming the field', async () => {
    routes = {
      'GET /api/v1/session': (_q, _b, res) =>
        json(res, 200, { session: { ...session, idleTimeoutSec: 'soon' } }),
    };
    const err = (await client()
      .getSession('tok_abcdefghijklmnop')
      .catch((e: unknown) => e)) as CcmsError;
    expect(err.code).toBe('BAD_HOST_REPLY');
    expect(err.details.field).toBe('session.idleTimeoutSec');
  });

  it('rejects a reply that is not JSON as BAD_HOST_REPLY', async () => {
    routes = {
      'GET /api/v1/health': (_q, _b, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>proxy login</html>');
      },
    };
    await expect(client().health()).rejects.toMatchObject({ code: 'BAD_HOST_REPLY' });
  });

  it('maps an unknown host error code to UNKNOWN keeping the message', async () => {
    routes = {
      'POST /api/v1/auth/login': (_q, _b, res) =>
        json(res, 418, { error: { code: 'TEAPOT', message: 'short and stout' } }),
    };
    const err = (await client()
      .login('C00101', 'x')
      .catch((e: unknown) => e)) as CcmsError;
    expect(err.code).toBe('UNKNOWN');
    expect(err.message).toContain('short and stout');
  });

  it('accepts 204 for logout', async () => {
    routes = {
      'POST /api/v1/session/logout': (_q, _b, res) => {
        res.writeHead(204);
        res.end();
      },
    };
    await expect(client().logout('tok_abcdefghijklmnop')).resolves.toBeUndefined();
  });

  it('retries a GET on 503 and then succeeds', async () => {
    let n = 0;
    routes = {
      'GET /api/v1/terminal/summary': (_q, _b, res) => {
        n++;
        if (n < 3) json(res, 503, {});
        else
          json(res, 200, {
            participant: { participantId: 'CP001', name: 'Demo' },
            accounts: [],
            collateral: [],
            notices: [],
            asOf: '2026-01-01T09:00:00.000Z',
          });
      },
    };
    await expect(client().terminalSummary('tok_abcdefghijklmnop')).resolves.toMatchObject({
      accounts: [],
    });
    expect(n).toBe(3);
  });

  it('never retries a POST on 503', async () => {
    let n = 0;
    routes = {
      'POST /api/v1/auth/login': (_q, _b, res) => {
        n++;
        json(res, 503, {});
      },
    };
    await expect(client().login('C00101', 'pw')).rejects.toMatchObject({
      code: 'HOST_UNREACHABLE',
    });
    expect(n).toBe(1);
  });

  it('encodes path parameters and query strings', async () => {
    routes = {
      'GET /api/v1/dms/requests?status=pending': (_q, _b, res) => json(res, 200, { requests: [] }),
      'POST /api/v1/dms/requests/a%2Fb/reject': (_q, _b, res) =>
        json(res, 409, { error: { code: 'REQUEST_NOT_PENDING', message: 'no' } }),
    };
    await expect(client().dmsListRequests('tok_abcdefghijklmnop', 'pending')).resolves.toEqual({
      requests: [],
    });
    await expect(client().dmsReject('tok_abcdefghijklmnop', 'a/b', 'why')).rejects.toMatchObject({
      code: 'REQUEST_NOT_PENDING',
    });
  });

  it('FAULT workstation clock skewed: the host clock offset is read from the Date header', async () => {
    routes = {
      'GET /api/v1/health': (_q, _b, res) => {
        res.setHeader('Date', new Date(Date.now() + 10 * 60_000).toUTCString());
        json(res, 200, {
          status: 'ok',
          version: '1',
          environment: 'test',
          serverTime: new Date().toISOString(),
        });
      },
    };
    const c = client();
    expect(c.serverOffsetMs()).toBe(0);
    await c.health();
    expect(Math.abs(c.serverOffsetMs() - 10 * 60_000)).toBeLessThan(5_000);
  });

  it('goes through the policy proxy with a CONNECT tunnel, TLS still verified end to end', async () => {
    const proxy = await startConnectProxy('ops:s3cret');
    routes = {
      'GET /api/v1/health': (_q, _b, res) =>
        json(res, 200, {
          status: 'ok',
          version: '2',
          environment: 'test',
          serverTime: '2026-01-01T09:00:00.000Z',
        }),
    };
    try {
      const port = new URL(server.url).port;
      await expect(
        client({ proxy: proxy.url.replace('//', '//ops:s3cret@') }).health(),
      ).resolves.toMatchObject({ version: '2' });
      expect(proxy.connects).toEqual([
        {
          target: `127.0.0.1:${port}`,
          auth: `Basic ${Buffer.from('ops:s3cret').toString('base64')}`,
        },
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('FAULT proxy refuses (407): HOST_UNREACHABLE naming the proxy', async () => {
    const proxy = await startConnectProxy('ops:s3cret');
    try {
      const err = (await client({ proxy: proxy.url })
        .health()
        .catch((e: unknown) => e)) as CcmsError;
      expect(err.code).toBe('HOST_UNREACHABLE');
      expect(err.message).toContain('407');
    } finally {
      await proxy.close();
    }
  });

  it('refuses a plain http base URL', () => {
    expect(() => new HostClient({ baseUrl: 'http://127.0.0.1:1' })).toThrow(/https/);
  });

  it('uses a provided fetch through the axios fetch adapter', async () => {
    const calls: string[] = [];
    const fakeFetch = (async (input: URL | Request | string) => {
      calls.push(String(input instanceof Request ? input.url : input));
      return new Response(
        JSON.stringify({
          status: 'ok',
          version: '9',
          environment: 'x',
          serverTime: '2026-01-01T09:00:00.000Z',
        }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      );
    }) as typeof fetch;
    const c = new HostClient({
      baseUrl: 'https://ccms.example.invalid',
      fetch: fakeFetch,
      sleep: noSleep,
    });
    await expect(c.health()).resolves.toMatchObject({ version: '9' });
    expect(calls[0]).toBe('https://ccms.example.invalid/api/v1/health');
  });
});

describe('HostClient faults', () => {
  it('FAULT host down: connection refused is HOST_UNREACHABLE after retrying the GET', async () => {
    const c = new HostClient({ baseUrl: await closedPortUrl(), sleep: noSleep });
    await expect(c.health()).rejects.toMatchObject({ code: 'HOST_UNREACHABLE' });
  });

  it('FAULT unknown CA: a certificate from a CA not trusted is TLS_ERROR', async () => {
    const c = new HostClient({ baseUrl: server.url, sleep: noSleep });
    await expect(c.health()).rejects.toMatchObject({ code: 'TLS_ERROR' });
  });

  it('FAULT expired certificate: TLS_ERROR naming CERT_HAS_EXPIRED', async () => {
    const expired = makeServerCert(ca, {
      notBefore: new Date(Date.now() - 40 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    const s = await startHttpsServer(expired, (_q, res) => res.end('{}'));
    try {
      const err = (await client({ baseUrl: s.url })
        .health()
        .catch((e: unknown) => e)) as CcmsError;
      expect(err.code).toBe('TLS_ERROR');
      expect(err.message).toContain('CERT_HAS_EXPIRED');
    } finally {
      await s.close();
    }
  });

  it('FAULT host hangs after TLS: the total timeout gives HOST_TIMEOUT', async () => {
    const s = await startHangingServer(pair);
    try {
      const c = client({ baseUrl: s.url, totalTimeoutMs: 300, connectTimeoutMs: 5_000 });
      await expect(c.login('C00101', 'pw')).rejects.toMatchObject({ code: 'HOST_TIMEOUT' });
    } finally {
      await s.close();
    }
  });

  it('FAULT host hangs during the handshake: the connect timeout gives HOST_TIMEOUT', async () => {
    const s = await startHangingServer();
    try {
      const c = client({ baseUrl: s.url, totalTimeoutMs: 30_000, connectTimeoutMs: 300 });
      const err = (await c.login('C00101', 'pw').catch((e: unknown) => e)) as CcmsError;
      expect(err.code).toBe('HOST_TIMEOUT');
      expect(err.message).toContain('connect timeout');
    } finally {
      await s.close();
    }
  });
});
