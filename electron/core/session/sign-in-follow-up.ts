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

/** Resolves once the work already queued (the reply to the call that signed in) has run. */
const afterReply = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Subscribes; `settled` resolves when the work started so far is done (getAppInfo, dispose). */
export function followSignIns(d: FollowUpDeps): { settled(): Promise<void> } {
  let background: Promise<void> = Promise.resolve();
  let previousStep = d.session.state().step;

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
      // After the reply: the sign-in's answer reaches the window first, and the keychain and
      // disk work of remembering it stays off the path from the code to the terminal home.
      const { environment } = state;
      const { userId } = state.user;
      background = background.then(afterReply).then(() => remember(environment, userId));
    } else if (state.step !== before) {
      d.log.info('auth step changed', {
        step: state.step,
        ...(state.step === 'signedOut' && state.reason && { reason: state.reason }),
      });
    }
  });
  d.session.onIdleWarning((secondsLeft) => d.emitIdleWarning(secondsLeft));
  return { settled: () => background };
}
