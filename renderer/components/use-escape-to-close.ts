import { useEffect, useRef } from 'react';

/** Popups that close themselves on Escape: the key is theirs, not the screen's behind them. */
const OWN_ESCAPE = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

/**
 * Escape closes a full-screen tool (Settings, the connectivity check) the way its Close button
 * does, from anywhere on the page, so a keyboard user gets back to where they came from. A dialog
 * or menu open over the tool closes first (Fluent stops the key there; the check is a second
 * guard), and an Escape that ends an IME composition is the IME's.
 */
export function useEscapeToClose(onClose: () => void): void {
  const latest = useRef(onClose);
  useEffect(() => {
    latest.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      if (event.target instanceof Element && event.target.closest(OWN_ESCAPE)) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
