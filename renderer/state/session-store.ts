import { create } from 'zustand';
import type { AppError, AppInfo, AuthState } from '../../shared/index.js';
import { callBridge } from '../bridge/bridge.js';
import {
  feedResult,
  receiveAuthStates,
  refreshAuthState,
  startAuthFeed,
  toPublic,
  type PublicAuthState,
} from './auth-feed.js';

/** Sign-in progress and errors of the login form (the password itself is never stored). */
interface LoginStatus {
  pending: boolean;
  error: AppError | null;
  /** The user ID of the last attempt (not a secret), so a return to the form keeps it. */
  userId?: string;
}

/** The session store: app info, the core's AuthState (fed by auth-feed.ts) and the login form. */
export interface SessionStore {
  appInfo: AppInfo | null;
  authState: PublicAuthState | null;
  /** Set when starting failed (no bridge, bad reply): the app shows it with a retry. */
  startError: AppError | null;
  login: LoginStatus;
  /** Loads app info, then starts the auth feed (the core's current AuthState and its events). */
  start(): Promise<void>;
  /** Asks the core for the current AuthState (e.g. when a countdown ran out). */
  refresh(): Promise<void>;
  /** Replaces app info (the settings screen calls this with `updateSettings`' result). */
  setAppInfo(info: AppInfo): void;
  /** Signs in; the password goes straight to the bridge and is not kept here. */
  signIn(userId: string, password: string): Promise<boolean>;
  clearLoginError(): void;
  /**
   * Where a failed call of the OTP or set-up step shows its error, by the core's state after it
   * (auth-feed.ts has fetched it): still at `step`, on the calling screen (returned). Signed out,
   * the core ended the sign-in: its `reason` says why on the login form, and where it gives none
   * (account locked or suspended) the error is the only explanation, so the login form shows it.
   * Null is returned whenever the calling screen has nothing to show.
   */
  placeError(error: AppError | null, step: 'otp' | 'init'): AppError | null;
}

export const useSessionStore = create<SessionStore>()((set, get) => ({
  appInfo: null,
  authState: null,
  startError: null,
  login: { pending: false, error: null },

  async start() {
    set({ startError: null });
    // The app info (main.tsx may have it already: it needs the language before the first paint)
    // and the core's sign-in state, side by side.
    const [info, error] = await Promise.all([
      get().appInfo ? null : callBridge('getAppInfo', {}),
      startAuthFeed(),
    ]);
    if (info && !info.ok) {
      set({ startError: info.error });
      return;
    }
    if (info) set({ appInfo: info.value });
    if (error) set({ startError: error });
  },

  async refresh() {
    await refreshAuthState();
  },

  setAppInfo(info) {
    set({ appInfo: info });
  },

  async signIn(userId, password) {
    const id = userId.trim();
    set({ login: { pending: true, error: null, userId: id } });
    const error = await feedResult(await callBridge('login', { userId: id, password }));
    set({ login: { pending: false, error, userId: id } });
    return error === null;
  },

  clearLoginError() {
    set((s) => ({ login: { ...s.login, error: null } }));
  },

  placeError(error, step) {
    const now = get().authState;
    if (!error || now?.step === step) return error;
    if (now?.step === 'signedOut' && !now.reason) {
      set((s) => ({ login: { ...s.login, pending: false, error } }));
    }
    return null;
  },
}));

function receive(state: AuthState, before: PublicAuthState | null): void {
  const was = before?.step;
  useSessionStore.setState({ authState: toPublic(state) });
  if (state.step !== 'signedOut') return;
  // After a session the form forgets who tried last (the next person may be someone else, e.g. on
  // a shared desk); only what the core remembers is offered.
  if (was === 'signedIn' || was === 'locked') {
    useSessionStore.setState((s) => ({
      login: { pending: s.login.pending, error: s.login.error },
    }));
  }
  // Back at the login form: the core may now remember a different user ID.
  if (was !== undefined && was !== 'signedOut') {
    void callBridge('getAppInfo', {}).then((info) => {
      if (info.ok) useSessionStore.setState({ appInfo: info.value });
    });
  }
}
receiveAuthStates(receive);

/** The current step, or null before the first state arrived. */
export const selectStep = (s: SessionStore): PublicAuthState['step'] | null =>
  s.authState?.step ?? null;

/** The user ID to pre-fill on the login form: remembered unless the desk is shared. */
export const selectRememberedUserId = (s: SessionStore): string => {
  if (!s.appInfo || s.appInfo.sharedDesk) return '';
  return s.appInfo.settings.lastUserId ?? '';
};

/** The user ID the form starts with: the one just tried in this window, else the remembered one. */
export const selectStartUserId = (s: SessionStore): string =>
  s.login.userId ?? selectRememberedUserId(s);

/** The environment to show on the badge: the session's when signed in, else the chosen one. */
export const selectEnvironment = (s: SessionStore) => {
  const a = s.authState;
  if (a && (a.step === 'signedIn' || a.step === 'locked')) return a.environment;
  return s.appInfo?.settings.environment ?? null;
};

/** The OTP step's state, or null when not at that step. */
export const selectOtpState = (s: SessionStore) =>
  s.authState?.step === 'otp' ? s.authState : null;

/** The init step's state (without the secret), or null when not at that step. */
export const selectInitState = (s: SessionStore) =>
  s.authState?.step === 'init' ? s.authState : null;

/** Why the user was signed out, when it was not their choice. */
export const selectSignedOutReason = (s: SessionStore) =>
  s.authState?.step === 'signedOut' ? (s.authState.reason ?? null) : null;
/** When the host ends the lock that signed the user out (`accountLocked`), if it said. */
export const selectSignedOutLockedUntil = (s: SessionStore) =>
  s.authState?.step === 'signedOut' ? (s.authState.lockedUntil ?? null) : null;
