import { create } from 'zustand';
import type { AppError, AuthState, TerminalSummary } from '../../shared/index.js';
import { callBridge } from '../bridge/bridge.js';
import { feedResult, receiveAuthStates, type PublicAuthState } from './auth-feed.js';
import { useSessionStore } from './session-store.js';

/** Loading state of the terminal home. */
export type SummaryStatus = 'idle' | 'loading' | 'ready' | 'error';
/** What the shell's main area shows. */
export type ShellView = 'home' | 'dms' | 'settings' | 'diagnostics';

/** The signed-in shell's state: terminal home, idle warning, lock screen, current view. */
export interface ShellState {
  view: ShellView;
  summaryStatus: SummaryStatus;
  summary: TerminalSummary | null;
  summaryError: AppError | null;
  /** When the idle lock will come (epoch ms), while the warning is shown; null otherwise. */
  idleLockAt: number | null;
  unlocking: boolean;
  unlockError: AppError | null;
  signingOut: boolean;
  signOutError: AppError | null;
  /** Email channel: a "send a new code" request is on its way to the core. */
  sendingCode: boolean;
  /** Email channel: the last request the user made did send a new code. */
  codeResent: boolean;
  setView(view: ShellView): void;
  loadSummary(): Promise<void>;
  /** The core warned that the idle lock comes in `secondsLeft`. */
  idleWarning(secondsLeft: number, now?: number): void;
  /** The user chose to stay: tells the core, which postpones the lock. */
  staySignedIn(): Promise<void>;
  /** Unlocks the locked terminal with an OTP; the code is passed through, never stored. */
  unlock(code: string): Promise<void>;
  /** Asks the core to have the host email a new unlock code. */
  sendUnlockCode(): Promise<void>;
  signOut(): Promise<void>;
}

/** One store for the terminal shell. */
export const useShellStore = create<ShellState>()((set, get) => ({
  view: 'home',
  summaryStatus: 'idle',
  summary: null,
  summaryError: null,
  idleLockAt: null,
  unlocking: false,
  unlockError: null,
  signingOut: false,
  signOutError: null,
  sendingCode: false,
  codeResent: false,
  setView(view) {
    set({ view });
  },
  async loadSummary() {
    set({ summaryStatus: 'loading', summaryError: null });
    const result = await callBridge('getTerminalSummary', {});
    if (result.ok) set({ summaryStatus: 'ready', summary: result.value });
    else set({ summaryStatus: 'error', summaryError: result.error });
  },
  idleWarning(secondsLeft, now = Date.now()) {
    set({ idleLockAt: now + secondsLeft * 1000 });
  },
  async staySignedIn() {
    set({ idleLockAt: null });
    await callBridge('reportActivity', {});
  },
  async unlock(code) {
    if (get().unlocking) return;
    set({ unlocking: true, unlockError: null });
    const error = await feedResult(await callBridge('unlock', { code }));
    if (error) {
      set({ unlocking: false, unlockError: whileSignedIn(error) });
      return;
    }
    set({ unlocking: false, unlockError: null, idleLockAt: null, codeResent: false });
  },
  async sendUnlockCode() {
    if (get().sendingCode) return;
    set({ sendingCode: true, unlockError: null, codeResent: false });
    const error = await feedResult(await callBridge('sendUnlockCode', {}));
    set({ sendingCode: false, unlockError: whileSignedIn(error), codeResent: error === null });
  },
  async signOut() {
    if (get().signingOut) return;
    set({ signingOut: true, signOutError: null });
    // On success the signedOut state comes back through the feed, which resets this store.
    const error = await feedResult(await callBridge('logout', {}));
    if (error) set({ signingOut: false, signOutError: whileSignedIn(error) });
  },
}));

/** An error for the shell, kept only while there is a session to show it in. */
function whileSignedIn(error: AppError | null): AppError | null {
  const step = useSessionStore.getState().authState?.step;
  return step === 'signedIn' || step === 'locked' ? error : null;
}

const userOf = (state: PublicAuthState | null) =>
  state && (state.step === 'signedIn' || state.step === 'locked') ? state.user.userId : null;

/** The lock or sign-out ends the idle warning; sign-out or another user gets a clean shell. */
function receive(state: AuthState, before: PublicAuthState | null): void {
  if (state.step !== 'signedIn') useShellStore.setState({ idleLockAt: null });
  const user = userOf(state);
  if (state.step === 'signedOut' || (user !== null && userOf(before) !== user)) {
    useShellStore.setState(useShellStore.getInitialState());
  }
}
receiveAuthStates(receive);

/** True when the signed-in user may open the DMS console. */
export function isDa(state: AuthState): boolean {
  return (state.step === 'signedIn' || state.step === 'locked') && state.user.roles.includes('da');
}
