// The window's session and every web contents, locked down (Electron's security checklist):
// no permissions, no navigation, no new windows, no webviews, no request leaving app://.
import { app, session, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, isAppUrl } from './app-origin.js';

/** The in-memory partition the window runs in: nothing the renderer does is kept on disk. */
export const WINDOW_PARTITION = 'ccms-window';

/** The window's session: permissions denied, CSP on every response, only app:// reachable. */
export function setupWindowSession(): Session {
  const ses = session.fromPartition(WINDOW_PARTITION);
  // Every permission is refused except writing text to the clipboard from our own page (the
  // connectivity report's "Copy" button); reading the clipboard stays refused.
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(contents.getURL()));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin);
  });
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    // No remote content: the renderer talks to the host only through the bridge.
    const allowed = isAppUrl(details.url) || details.url.startsWith('devtools:');
    callback({ cancel: !allowed });
  });
  // The app's one CSP (app-origin.ts) on every response of the window's session.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  return ses;
}

/** Applies the navigation guards to one web contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Guards every web contents the app ever creates, not only the main window's. */
export function setupWebContentsGuards(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
