import { useEffect, type RefObject } from 'react';

/** True when focus is nowhere a keyboard user can continue from (on <body>, or on a removed node). */
export function focusIsLost(doc: Document = document): boolean {
  const active = doc.activeElement;
  return active === null || active === doc.body || !active.isConnected;
}

/**
 * Puts focus on `ref` (the screen's heading, with tabIndex={-1}) when the screen appears and focus
 * has nowhere else to be: the control the user acted on (Sign in, Unlock, a one-time password
 * typed in full) went away with the previous screen and left focus on <body>, where a screen
 * reader says nothing and Tab starts again at the top. Focus placed on purpose is kept: a closed
 * tool gives it back to its opener, and that runs first (a microtask; this waits for a task).
 */
export function useFocusWhenLost(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const id = setTimeout(() => {
      if (focusIsLost()) ref.current?.focus();
    }, 0);
    return () => clearTimeout(id);
  }, [ref]);
}

/** How long a closing dialog may take to leave (Fluent fades it out) before focus moves anyway. */
const DIALOG_EXIT_MS = 1000;

/**
 * Focuses what `target` returns once no modal dialog is left in the page. For a dialog whose
 * opener is gone (a request that was decided leaves its list): Fluent's restorer would find
 * nothing, or an older control, and a focus moved while the dialog still traps it is taken back.
 */
export function focusAfterDialogs(target: () => HTMLElement | null): () => void {
  const until = Date.now() + DIALOG_EXIT_MS;
  let frame = 0;
  const step = () => {
    if (document.querySelector('[role="dialog"], [role="alertdialog"]') && Date.now() < until) {
      frame = requestAnimationFrame(step);
      return;
    }
    target()?.focus();
  };
  frame = requestAnimationFrame(step);
  return () => cancelAnimationFrame(frame);
}
