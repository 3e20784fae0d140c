// The app's own origin, `app://ccms/`, and the pure rules about it (no Electron import, so they
// are unit-tested in Node): which URLs are ours, which file a URL maps to, which IPC sender speaks
// for the app, and the window's Content-Security-Policy.
import path from 'node:path';

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
  'script-src app://ccms/assets/',
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

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/**
 * Whether an IPC message may speak for the app: it comes from a web contents we admitted, from
 * that contents' main frame (never a subframe), showing our app:// origin.
 */
export function isTrustedSender(
  frame: FrameLike | null,
  mainFrame: FrameLike,
  admitted: boolean,
): boolean {
  if (!admitted || !frame) return false;
  if (frame.parent !== null) return false;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId)
    return false;
  return isAppUrl(frame.url);
}
