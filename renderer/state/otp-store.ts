import { create } from 'zustand';
import type { AppError } from '../../shared/index.js';
import { callBridge } from '../bridge/bridge.js';
import { useSessionStore } from './session-store.js';

/** Errors after which the core has ended the sign-in: the login screen shows them. */
const ENDS_SIGN_IN: ReadonlySet<AppError['code']> = new Set([
  'ACCOUNT_LOCKED',
  'ACCOUNT_SUSPENDED',
  'CHALLENGE_EXPIRED',
]);

/** The OTP prompt's request status; the code itself stays in the input only until submit. */
export interface OtpStore {
  pending: boolean;
  resendPending: boolean;
  error: AppError | null;
  /** A new email code was sent (shown as a confirmation). */
  resent: boolean;
  /** Submits the code; returns true when the host accepted it. */
  submit(code: string): Promise<boolean>;
  resend(): Promise<void>;
  cancel(): Promise<void>;
  /** Forgets the last error and notice (a new challenge starts clean). */
  reset(): void;
}

export const useOtpStore = create<OtpStore>()((set) => ({
  pending: false,
  resendPending: false,
  error: null,
  resent: false,

  async submit(code) {
    set({ pending: true, error: null, resent: false });
    const result = await callBridge('submitOtp', { code });
    const error = useSessionStore.getState().applyResult(result);
    if (error && ENDS_SIGN_IN.has(error.code)) {
      // The core has gone back to signedOut: hand the reason to the login form.
      useSessionStore.getState().showOnLogin(error);
    }
    set({ pending: false, error });
    return error === null;
  },

  async resend() {
    set({ resendPending: true, error: null, resent: false });
    const result = await callBridge('resendOtp', {});
    const error = useSessionStore.getState().applyResult(result);
    set({ resendPending: false, error, resent: error === null });
  },

  async cancel() {
    set({ error: null, resent: false });
    const result = await callBridge('cancelLogin', {});
    const error = useSessionStore.getState().applyResult(result);
    if (error) set({ error });
  },

  reset() {
    set({ pending: false, resendPending: false, error: null, resent: false });
  },
}));
