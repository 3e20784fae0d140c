// The host client's fetch in Electron: Chromium's network stack (the Windows proxy settings, PAC
// files, the certificate store) through `net.request`, with the proxy sign-in that `net.fetch`
// cannot offer. Electron's net.fetch builds a ClientRequest with no `login` listener, and a
// request nobody answers is cancelled, so a Basic or Digest 407 from a corporate proxy failed.
// Here a proxy's challenge goes to the core's broker (electron/core/network/proxy-auth-broker.ts),
// which asks the user once and remembers the answer; a server's challenge is always refused.
import {
  net,
  type AuthInfo,
  type ClientRequest,
  type IncomingMessage,
  type Session,
} from 'electron';
import type { ProxyAuth } from './core/network/proxy-auth-broker.js';
import { ProxyAuthRound } from './core/network/proxy-auth-round.js';

// Chromium writes these itself; setting them is refused or breaks framing. Proxy authorization
// is Chromium's to send, from the answer given in `login`.
const CHROMIUM_OWNED_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'proxy-authorization',
  'proxy-connection',
]);

// Statuses whose response has no body (the Response constructor refuses one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** What the abort signal says, as fetch rejects with it. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** A network failure as fetch reports one: a TypeError whose cause carries Chromium's net::ERR_*. */
function networkError(err: unknown): TypeError {
  return new TypeError('fetch failed', { cause: err });
}

function headersOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (!CHROMIUM_OWNED_HEADERS.has(name.toLowerCase())) out[name] = value;
  });
  return out;
}

/** Writes the request body into Chromium's request as it is read, then ends it. */
async function writeBody(req: ClientRequest, body: ReadableStream<Uint8Array> | null) {
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Without chunked encoding Electron collects the chunks and sends one Content-Length body:
      // host bodies are small JSON, and some proxies refuse chunked uploads.
      req.write(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  }
  req.end();
}

/** Chromium's response as a WHATWG Response whose body streams as it arrives. */
function toResponse(
  res: IncomingMessage,
  url: string,
  onBody: (controller: ReadableStreamDefaultController<Uint8Array> | undefined) => void,
  cancel: () => void,
): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const body = NULL_BODY_STATUSES.has(res.statusCode)
    ? null
    : new ReadableStream<Uint8Array>({
        start(controller) {
          onBody(controller);
          res.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
          res.on('end', () => {
            onBody(undefined);
            controller.close();
          });
          res.on('error', (err: Error) => controller.error(networkError(err)));
          res.on('aborted', () => controller.error(networkError(new Error('net::ERR_ABORTED'))));
        },
        cancel,
      });
  const response = new Response(body, {
    status: res.statusCode,
    statusText: res.statusMessage,
    headers,
  });
  // A constructed Response has no URL; axios and callers may read it.
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

/** One request through Chromium, answering proxy challenges through the broker. */
function send(ses: Session, proxyAuth: ProxyAuth, request: Request): Promise<Response> {
  const { signal } = request;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    let bodyController: ReadableStreamDefaultController<Uint8Array> | undefined;
    // Why the proxy sign-in was given up (failed three times, cancelled): the request's outcome.
    let authFailure: Error | undefined;
    let round: ProxyAuthRound | undefined;

    const req = net.request({
      session: ses,
      method: request.method,
      url: request.url,
      headers: headersOf(request),
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      useSessionCookies: false,
    });

    const fail = (err: unknown) => {
      signal.removeEventListener('abort', onAbort);
      if (!settled) {
        settled = true;
        reject(err);
        return;
      }
      bodyController?.error(err);
      bodyController = undefined;
    };
    const onAbort = () => {
      req.abort();
      fail(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });

    req.on('login', (authInfo: AuthInfo, callback: (u?: string, p?: string) => void) => {
      // A server asking for credentials is never answered: the host signs in with its own API.
      if (!authInfo.isProxy) return callback();
      round ??= new ProxyAuthRound(proxyAuth, `${authInfo.host}:${authInfo.port}`);
      const challenge = authInfo.realm
        ? { scheme: authInfo.scheme, realm: authInfo.realm }
        : { scheme: authInfo.scheme };
      round.next(challenge).then(
        (answer) => {
          if (!signal.aborted) callback(answer.username, answer.password);
        },
        (err: Error) => {
          authFailure = err;
          callback();
        },
      );
    });
    req.on('response', (res: IncomingMessage) => {
      // Chromium hands over the proxy's 407 once the sign-in is given up: the reason is ours.
      if (authFailure) {
        req.abort();
        return fail(authFailure);
      }
      try {
        const response = toResponse(
          res,
          request.url,
          (c) => {
            bodyController = c;
            if (!c) signal.removeEventListener('abort', onAbort);
          },
          () => req.abort(),
        );
        settled = true;
        resolve(response);
      } catch (err) {
        req.abort();
        fail(networkError(err));
      }
    });
    req.on('error', (err: Error) => fail(authFailure ?? networkError(err)));

    writeBody(req, request.body).catch((err: unknown) => {
      req.abort();
      fail(err);
    });
  });
}

/**
 * A fetch over Chromium's network stack on `ses` whose proxy challenges are answered by
 * `proxyAuth` (what `CoreOptions.makeFetch` wants). Redirects fail (a redirect could carry the
 * session token elsewhere), nothing is cached, no cookie or server credential is sent.
 */
export function createChromiumFetch(ses: Session, proxyAuth: ProxyAuth): typeof fetch {
  return async (input, init) => send(ses, proxyAuth, new Request(input, init));
}
