// Real HTTP proxies on 127.0.0.1 for the connectivity check's tests: the `proxy` package (a
// working CONNECT proxy, as Squid would be), optionally asking for a Basic sign-in through its
// `authenticate` hook. It records which tunnels were asked for and whether a sign-in came along,
// never the sign-in itself.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createProxy } from 'proxy';

/** A running proxy. */
export interface TestProxy {
  port: number;
  /** `http://[user:password@]127.0.0.1:port`. */
  url(credentials?: { user: string; password: string }): string;
  /** `host:port auth=yes|no` of each CONNECT, in order. */
  seen: string[];
  close(): Promise<void>;
}

/** Starts a CONNECT proxy; with `login`, it answers 407 to any request without that Basic sign-in. */
export async function startProxy(login?: { user: string; password: string }): Promise<TestProxy> {
  const server = createProxy(http.createServer());
  const sockets = new Set<Socket>();
  const seen: string[] = [];
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('connect', (req: http.IncomingMessage) => {
    seen.push(`${req.url ?? ''} auth=${req.headers['proxy-authorization'] ? 'yes' : 'no'}`);
  });
  if (login) {
    const expected = `Basic ${Buffer.from(`${login.user}:${login.password}`).toString('base64')}`;
    server.authenticate = (req) => req.headers['proxy-authorization'] === expected;
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    seen,
    url: (c) =>
      c
        ? `http://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${port}`
        : `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        // Tunnelled sockets left the HTTP server's bookkeeping at CONNECT: end them by hand.
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A proxy that refuses every tunnel with 403, as a corporate proxy does for a host not allowed. */
export async function startRefusingProxy(): Promise<TestProxy> {
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  const seen: string[] = [];
  server.on('connect', (req: http.IncomingMessage, client: Socket) => {
    seen.push(`${req.url ?? ''} auth=no`);
    client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    seen,
    url: () => `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
