// Getting the operator's attention when the idle lock is about to come. Only types come from
// `electron`, so the decision is unit-tested in plain Node (idle-attention.test.ts).
import type { BrowserWindow } from 'electron';

/** What the attention hook needs of the core. */
export interface AttentionCore {
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

/** The part of a window the hook uses. */
export type AttentionWindow = Pick<
  BrowserWindow,
  'isDestroyed' | 'isFocused' | 'flashFrame' | 'once'
>;

/**
 * The idle warning is shown inside the window; an operator working in another application would
 * not see it, so the taskbar button flashes until the window is focused again.
 */
export function setupIdleAttention(
  core: AttentionCore,
  window: () => AttentionWindow | undefined,
): () => void {
  let flashing: AttentionWindow | undefined;
  return core.onEvent((name) => {
    if (name !== 'idleWarning') return;
    const win = window();
    if (!win || win.isDestroyed() || win.isFocused() || flashing === win) return;
    flashing = win;
    win.flashFrame(true);
    win.once('focus', () => {
      flashing = undefined;
      win.flashFrame(false);
    });
  });
}
