import { useEffect, useRef } from 'react';
import { callBridge, onBridgeEvent } from '../../bridge/bridge.js';
import { useShellStore } from '../../state/shell-store.js';

/** How often at most the renderer tells the core the user is active: enough to keep a 15 min idle timer honest. */
const ACTIVITY_THROTTLE_MS = 15_000;

/** Listens for the core's idle warning while signed in (the shell store ends it at the lock). */
export function useIdleWarnings(active: boolean): void {
  const idleWarning = useShellStore((s) => s.idleWarning);
  useEffect(() => {
    if (!active) return undefined;
    return onBridgeEvent('idleWarning', ({ secondsLeft }) => idleWarning(secondsLeft));
  }, [active, idleWarning]);
}

/**
 * Tells the core when the user types, clicks or scrolls, at most every ACTIVITY_THROTTLE_MS, so
 * the idle lock only comes to a terminal nobody uses. During the warning any input counts at once.
 */
export function useActivityReporter(active: boolean): void {
  const last = useRef(0);
  useEffect(() => {
    if (!active) return undefined;
    const onActivity = () => {
      const shell = useShellStore.getState();
      if (shell.idleLockAt !== null) {
        last.current = Date.now();
        void shell.staySignedIn();
        return;
      }
      if (Date.now() - last.current < ACTIVITY_THROTTLE_MS) return;
      last.current = Date.now();
      void callBridge('reportActivity', {});
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events)
      window.addEventListener(e, onActivity, { capture: true, passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [active]);
}
