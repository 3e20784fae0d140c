import { create } from 'zustand';
import type { AppError, AuthState } from '../../shared/index.js';
import { callBridge } from '../bridge/bridge.js';
import { feedResult, receiveAuthStates, type PublicAuthState } from './auth-feed.js';
import { useSessionStore } from './session-store.js';

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
}

/** The error for the OTP prompt; when the core ended the sign-in, the login form has it instead. */
const forPrompt = (error: AppError | null) => useSessionStore.getState().placeError(error, 'otp');

export const useOtpStore = create<OtpStore>()((set) => ({
  pending: false,
  resendPending: false,
  error: null,
  resent: false,

  async submit(code) {
    set({ pending: true, error: null, resent: false });
    const error = await feedResult(await callBridge('submitOtp', { code }));
    set({ pending: false, error: forPrompt(error) });
    return error === null;
  },

  async resend() {
    set({ resendPending: true, error: null, resent: false });
    const error = await feedResult(await callBridge('resendOtp', {}));
    set({ resendPending: false, error: forPrompt(error), resent: error === null });
  },

  async cancel() {
    set({ error: null, resent: false });
    const error = await feedResult(await callBridge('cancelLogin', {}));
    if (error) set({ error });
  },
}));

/** A new challenge starts clean, and a finished one leaves no error or notice behind. */
function receive(state: AuthState, before: PublicAuthState | null): void {
  if ((state.step === 'otp') === (before?.step === 'otp')) return;
  useOtpStore.setState(useOtpStore.getInitialState());
}
receiveAuthStates(receive);
