import { Suspense, lazy, useEffect, useState } from 'react';
import { useProxyAuthStore } from '../state/proxy-auth-store.js';

// The dialog (and Fluent's Dialog with it) is only needed once a proxy asks: it is loaded then,
// not with the login window (BENCHMARKS.md, initial JavaScript).
const ProxySignInDialog = lazy(() =>
  import('./ProxySignInDialog.js').then((m) => ({ default: m.ProxySignInDialog })),
);

/**
 * Follows the core's proxy sign-in prompts from the start and mounts the dialog at the first one;
 * once loaded it stays mounted (it closes through `open`). Mounted once at the root.
 */
export function ProxySignIn() {
  const asked = useProxyAuthStore((s) => s.prompts.length > 0);
  const [needed, setNeeded] = useState(false);
  useEffect(() => useProxyAuthStore.getState().listen(), []);
  useEffect(() => {
    if (asked) setNeeded(true);
  }, [asked]);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <ProxySignInDialog />
    </Suspense>
  );
}
