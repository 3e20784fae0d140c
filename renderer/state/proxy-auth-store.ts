import { create } from 'zustand';
import type { AppError, ProxyAuthPrompt } from '../../shared/index.js';
import { callBridge, onBridgeEvent } from '../bridge/bridge.js';

/**
 * Proxy sign-in prompts from the core (`proxyAuthRequired`), the first shown, the rest queued.
 * The user name and password are never kept here: they go from the dialog's fields straight to
 * the bridge.
 */
export interface ProxyAuthStore {
  /** Open prompts in the order they came; the dialog shows the first. */
  prompts: ProxyAuthPrompt[];
  sending: boolean;
  /** Why the last answer did not reach the core (a bad user name, the prompt gone). */
  error: AppError | null;
  /** Starts following the core's prompts; returns the function that stops. */
  listen(): () => void;
  /** Answers the first prompt; true when the core took the answer. */
  submit(username: string, password: string): Promise<boolean>;
  /** Cancels the first prompt (the host call waiting on it fails with PROXY_AUTH_CANCELLED). */
  cancel(): Promise<void>;
}

export const useProxyAuthStore = create<ProxyAuthStore>()((set, get) => {
  let listeners = 0;
  let stopListening = (): void => undefined;
  const drop = (id: string) =>
    set((s) => ({ prompts: s.prompts.filter((p) => p.id !== id), error: null }));

  /** Sends an answer for the first prompt; the prompt leaves the list unless the input was bad. */
  async function answer(
    input: { username: string; password: string } | { cancel: true },
  ): Promise<boolean> {
    const prompt = get().prompts[0];
    if (!prompt || get().sending) return false;
    set({ sending: true, error: null });
    const result = await callBridge('answerProxyAuth', { id: prompt.id, ...input });
    set({ sending: false });
    if (result.ok) {
      drop(prompt.id);
      return true;
    }
    // A prompt the core no longer has (timed out) is closed; a refused input stays to be fixed.
    if (result.error.code === 'WRONG_STATE') drop(prompt.id);
    else set({ error: result.error });
    return false;
  }

  return {
    prompts: [],
    sending: false,
    error: null,
    listen() {
      // One subscription however many callers listen (the root, which loads the dialog on the
      // first prompt, and the dialog itself): a prompt is never added twice or missed.
      listeners += 1;
      if (listeners === 1) {
        const offRequired = onBridgeEvent('proxyAuthRequired', (prompt) =>
          set((s) =>
            s.prompts.some((p) => p.id === prompt.id) ? s : { prompts: [...s.prompts, prompt] },
          ),
        );
        const offEnded = onBridgeEvent('proxyAuthEnded', ({ id }) => drop(id));
        stopListening = () => {
          offRequired();
          offEnded();
        };
      }
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        listeners -= 1;
        if (listeners === 0) {
          stopListening();
          stopListening = () => undefined;
        }
      };
    },
    submit: (username, password) => answer({ username, password }),
    async cancel() {
      await answer({ cancel: true });
    },
  };
});

/** The prompt the dialog shows, or null. */
export const selectProxyPrompt = (s: ProxyAuthStore): ProxyAuthPrompt | null =>
  s.prompts[0] ?? null;
