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
  config: { sharedDesk(): boolean; update(patch: { lastUserId: string }): Promise<unknown> };
  log: Logger;
  emitAuthState(state: AuthState): void;
  emitIdleWarning(secondsLeft: number): void;
}

/** Subscribes; `settled` resolves when the work started so far is done (getAppInfo, dispose). */
export function followSignIns(d: FollowUpDeps): { settled(): Promise<void> } {
  let background: Promise<void> = Promise.resolve();
  let previousStep = d.session.state().step;

  // Remembering is a convenience: a keychain or disk failure must not spoil a good sign-in.
  async function remember(env: EnvironmentId, userId: string): Promise<void> {
    await d.vault
      .rememberSignIn(env, userId)
      .catch((err: unknown) => d.log.warn('could not remember the sign-in', err));
    if (d.config.sharedDesk()) return;
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
      background = background.then(() => remember(state.environment, state.user.userId));
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
