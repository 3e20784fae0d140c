import { create } from 'zustand';
import type { AppError, AppInfo, AuthState, BridgeResult } from '../../shared/index.js';
import { callBridge, onBridgeEvent } from '../bridge/bridge.js';
import { useInitStore } from './init-store.js';

/**
 * The AuthState as the session store keeps it: the init step's TOTP secret and otpauth URI are
 * taken out and handed to the init store, which drops them when the step is left. Everything
 * else mirrors the core's state machine.
 */
export type PublicAuthState =
  | Exclude<AuthState, { step: 'init' }>
  | (Omit<Extract<AuthState, { step: 'init' }>, 'channelSetup'> & {
      channelSetup?:
        | { channel: 'totp'; digits: number; period: number }
        | Extract<
            NonNullable<Extract<AuthState, { step: 'init' }>['channelSetup']>,
            { channel: 'email' }
          >;
    });

/** Sign-in progress and errors of the login form (the password itself is never stored). */
interface LoginStatus {
  pending: boolean;
  error: AppError | null;
  /** The user ID of the last attempt (not a secret), so a return to the form keeps it. */
  userId?: string;
}

/** The session store: app info, the mirrored AuthState and the login form's status. */
export interface SessionStore {
  appInfo: AppInfo | null;
  authState: PublicAuthState | null;
  /** Set when starting failed (no bridge, bad reply): the app shows it with a retry. */
  startError: AppError | null;
  login: LoginStatus;
  /** Loads app info and the current AuthState and starts listening to `authState` events. */
  start(): Promise<void>;
  /** The single entry for every AuthState from the core (call result or event). */
  applyAuthState(state: AuthState): void;
  /** Asks the core for the current AuthState (e.g. when a countdown ran out). */
  refresh(): Promise<void>;
  /** Replaces app info (the settings screen calls this with `updateSettings`' result). */
  setAppInfo(info: AppInfo): void;
  /** Signs in; the password goes straight to the bridge and is not kept here. */
  signIn(userId: string, password: string): Promise<boolean>;
  clearLoginError(): void;
  /** Shows an error on the login form (the OTP or set-up step ended the sign-in with it). */
  showOnLogin(error: AppError): void;
  /** Applies a call's AuthState or returns its error; for the other stores' actions. */
  applyResult(result: BridgeResult<AuthState>): AppError | null;
}

let stopListening: (() => void) | null = null;

/** Removes the TOTP secret before the state is stored; the init store receives it instead. */
function toPublic(state: AuthState): PublicAuthState {
  if (state.step !== 'init' || state.channelSetup?.channel !== 'totp') return state;
  const { secret: _secret, otpauthUri: _uri, ...rest } = state.channelSetup;
  return { ...state, channelSetup: rest };
}

export const useSessionStore = create<SessionStore>()((set, get) => ({
  appInfo: null,
  authState: null,
  startError: null,
  login: { pending: false, error: null },

  async start() {
    set({ startError: null });
    stopListening?.();
    stopListening = onBridgeEvent('authState', (state) => get().applyAuthState(state));
    // main.tsx may have loaded app info already (it needs the language before the first paint).
    if (!get().appInfo) {
      const info = await callBridge('getAppInfo', {});
      if (!info.ok) {
        set({ startError: info.error });
        return;
      }
      set({ appInfo: info.value });
    }
    const state = await callBridge('getAuthState', {});
    if (!state.ok) {
      set({ startError: state.error });
      return;
    }
    get().applyAuthState(state.value);
  },

  applyAuthState(state) {
    const before = get().authState?.step;
    useInitStore.getState().receiveAuthState(state);
    set({ authState: toPublic(state) });
    // After a session the form forgets who tried last (the next person may be someone else,
    // e.g. on a shared desk); only what the core remembers is offered.
    if (state.step === 'signedOut' && (before === 'signedIn' || before === 'locked')) {
      set((s) => ({ login: { pending: s.login.pending, error: s.login.error } }));
    }
    // Back at the login form: the core may now remember a different user ID.
    if (state.step === 'signedOut' && before !== undefined && before !== 'signedOut') {
      void callBridge('getAppInfo', {}).then((info) => {
        if (info.ok) set({ appInfo: info.value });
      });
    }
  },

  async refresh() {
    const state = await callBridge('getAuthState', {});
    if (state.ok) get().applyAuthState(state.value);
  },

  setAppInfo(info) {
    set({ appInfo: info });
  },

  async signIn(userId, password) {
    const id = userId.trim();
    set({ login: { pending: true, error: null, userId: id } });
    const result = await callBridge('login', { userId: id, password });
    const error = get().applyResult(result);
    set({ login: { pending: false, error, userId: id } });
    return error === null;
  },

  showOnLogin(error) {
    set((s) => ({ login: { ...s.login, pending: false, error } }));
  },

  clearLoginError() {
    set((s) => ({ login: { ...s.login, error: null } }));
  },

  applyResult(result) {
    if (!result.ok) return result.error;
    get().applyAuthState(result.value);
    return null;
  },
}));

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
