// The app is served from a custom `app://ccms/` origin, never from a dev server or file://: the
// origin is ours alone (the IPC transport checks it), and the CSP can say 'self' and mean it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol, type Session } from 'electron';

/** The scheme of the app's own origin. */
export const APP_SCHEME = 'app';
/** The host of the app's own origin. */
export const APP_HOST = 'ccms';
/** The page the window opens. */
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The window's Content-Security-Policy (the same as browser mode's, without its WebSocket). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // Scripts only from the bundle's folder (stricter than 'self', which would also admit any
  // script-like file elsewhere on the origin); none inline, no eval.
  "script-src app://ccms/assets/",
  // Fluent UI (griffel) inserts style rules at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Must run before `app` is ready: makes `app://` a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Whether a URL is of the app's own origin. */
export function isAppUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Maps an app:// URL to a file inside `root`, or null for anything that would leave it. */
export function resolveAppFile(root: string, raw: string): string | null {
  if (!isAppUrl(raw)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(new URL(raw).pathname);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, `.${rel}`);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/** Serves `rendererDir` (dist/renderer) on app://ccms/ in the window's session. */
export function serveApp(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return notFound();
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    } catch {
      return notFound();
    }
  });
}
