import { create } from 'zustand';
import type { AppError, AuthState, TerminalSummary } from '../../shared/index.js';
import { callBridge } from '../bridge/bridge.js';

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
  dismissIdleWarning(): void;
  /** Unlocks the locked terminal with an OTP; the code is passed through, never stored. */
  unlock(code: string): Promise<AuthState | null>;
  /** Asks the core to have the host email a new unlock code. */
  sendUnlockCode(): Promise<AuthState | null>;
  signOut(): Promise<AuthState | null>;
  /** Back to a clean shell, e.g. after sign-out or when another user signs in. */
  reset(): void;
}

const initial = {
  view: 'home' as ShellView,
  summaryStatus: 'idle' as SummaryStatus,
  summary: null,
  summaryError: null,
  idleLockAt: null,
  unlocking: false,
  unlockError: null,
  signingOut: false,
  signOutError: null,
  sendingCode: false,
  codeResent: false,
};

/** One store for the terminal shell. */
export const useShellStore = create<ShellState>()((set, get) => ({
  ...initial,
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
  dismissIdleWarning() {
    set({ idleLockAt: null });
  },
  async unlock(code) {
    if (get().unlocking) return null;
    set({ unlocking: true, unlockError: null });
    const result = await callBridge('unlock', { code });
    if (!result.ok) {
      set({ unlocking: false, unlockError: result.error });
      return null;
    }
    set({
      unlocking: false,
      unlockError: null,
      idleLockAt: null,
      codeResent: false,
    });
    return result.value;
  },
  async sendUnlockCode() {
    if (get().sendingCode) return null;
    set({ sendingCode: true, unlockError: null, codeResent: false });
    const result = await callBridge('sendUnlockCode', {});
    if (!result.ok) {
      set({ sendingCode: false, unlockError: result.error });
      return null;
    }
    set({ sendingCode: false, codeResent: true });
    return result.value;
  },
  async signOut() {
    if (get().signingOut) return null;
    set({ signingOut: true, signOutError: null });
    const result = await callBridge('logout', {});
    if (!result.ok) {
      set({ signingOut: false, signOutError: result.error });
      return null;
    }
    set({ ...initial });
    return result.value;
  },
  reset() {
    set({ ...initial });
  },
}));

/** Whole seconds until `at`, never negative. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** A duration as H:MM:SS, the way a desk clock shows it. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** True when the signed-in user may open the DMS console. */
export function isDa(state: AuthState): boolean {
  return (state.step === 'signedIn' || state.step === 'locked') && state.user.roles.includes('da');
}
