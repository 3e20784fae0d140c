/**
 * The namespaces the login window draws with, loaded before its first paint; every other
 * screen's namespace loads with the screen (its `useTranslation` suspends inside the screen's
 * Suspense boundary until then). Plain data, so the renderer benchmark counts their chunks as
 * the login window's JavaScript.
 */
export const SIGN_IN_NAMESPACES = ['common', 'errors', 'login'] as const;
