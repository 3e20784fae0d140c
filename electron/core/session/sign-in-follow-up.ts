// What follows a transition of the sign-in machine: the renderer hears of it, the log says so,
// and a new sign-in is remembered (the device credential, the last user ID). The composition
// root only wires this up (create-core.ts).
import type { AuthState, EnvironmentId } from '../../../shared/bridge.js';
import type { Logger } from '../logging/logger.js';

/** What the follow-up needs of the core's parts. */
export interface FollowUpDeps {
  session: {
    state(): AuthState;
    onChange(listener: (s: AuthState) => void): () => void;
    onIdleWarning(listener: (secondsLeft: number) => void): () => void;
  };
  vault: { rememberSignIn(env: EnvironmentId, userId: string): Promise<void> };
  config: {
    sharedDesk(): boolean;
    settings(): { lastUserId?: string | undefined };
    update(patch: { lastUserId: string }): Promise<unknown>;
  };
  log: Logger;
  emitAuthState(state: AuthState): void;
  emitIdleWarning(secondsLeft: number): void;
}

/**
 * How long remembering a sign-in waits: the terminal home's first calls and drawing come first.
 * `settled()` (getAppInfo, quitting) cuts the wait short, so nothing waits on it in vain.
 */
export const REMEMBER_AFTER_MS = 1_000;

/** Subscribes; `settled` resolves when the work started so far is done (getAppInfo, dispose). */
export function followSignIns(d: FollowUpDeps): { settled(): Promise<void> } {
  let background: Promise<void> = Promise.resolve();
  let previousStep = d.session.state().step;
  // The wait before remembering, while one runs; while `settled()` runs, none begins at all.
  let endWait: (() => void) | undefined;
  let hurrying = 0;
  const pause = (): Promise<void> =>
    new Promise((resolve) => {
      if (hurrying > 0) return resolve();
      const timer = setTimeout(done, REMEMBER_AFTER_MS);
      timer.unref?.();
      function done(): void {
        clearTimeout(timer);
        endWait = undefined;
        resolve();
      }
      endWait = done;
    });

  // Remembering is a convenience: a keychain or disk failure must not spoil a good sign-in.
  async function remember(env: EnvironmentId, userId: string): Promise<void> {
    await d.vault
      .rememberSignIn(env, userId)
      .catch((err: unknown) => d.log.warn('could not remember the sign-in', err));
    // The same operator signing in again changes nothing: no write, no flush to disk.
    if (d.config.sharedDesk() || d.config.settings().lastUserId === userId) return;
    await d.config
      .update({ lastUserId: userId })
      .catch((err: unknown) => d.log.warn('could not save the last user ID', err));
  }

  d.session.onChange((state) => {
    d.emitAuthState(state);
    const before = previousStep;
    previousStep = state.step;
    // Unlocking is not a new sign-in: only a way into signedIn from outside it is remembered.
    if (state.step === 'signedIn' && before !== 'signedIn' && before !== 'locked') {
      d.log.info('signed in', { userId: state.user.userId, environment: state.environment });
      // Later: the sign-in's answer reaches the window first, and the keychain and disk work of
      // remembering it stays off the path from the code to a drawn terminal home.
      const { environment } = state;
      const { userId } = state.user;
      background = background.then(pause).then(() => remember(environment, userId));
    } else if (state.step !== before) {
      d.log.info('auth step changed', {
        step: state.step,
        ...(state.step === 'signedOut' && state.reason && { reason: state.reason }),
      });
    }
  });
  d.session.onIdleWarning((secondsLeft) => d.emitIdleWarning(secondsLeft));
  return {
    async settled() {
      hurrying++;
      try {
        // Until no work is left: a pause may begin only once the work before it has ended.
        for (let seen: Promise<void> | undefined; seen !== background;) {
          seen = background;
          endWait?.();
          await seen;
        }
      } finally {
        hurrying--;
      }
    },
  };
}
