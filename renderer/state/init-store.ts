import { create } from 'zustand';
import type { AppError, AuthState, OtpChannel, PasswordRule } from '../../shared/index.js';
import { PASSWORD_RULES, isOneOf } from '../../shared/values.js';
import { callBridge } from '../bridge/bridge.js';
import { feedResult, receiveAuthStates, type PublicAuthState } from './auth-feed.js';
import { useSessionStore } from './session-store.js';

/** What the app-enrolment step shows; held only while that step is current. */
export interface TotpSetup {
  secret: string;
  otpauthUri: string;
}

/** A wizard request that can be in flight. */
export type InitAction = 'password' | 'channel' | 'resend' | 'confirm';

/** The 2FA initialization wizard's state; passwords and codes are never kept here. */
export interface InitStore {
  /** Present only while the app channel awaits confirmation; dropped when the step is left. */
  totpSetup: TotpSetup | null;
  /** The password step was part of this run (shown as done in the stepper after it). */
  hadPasswordStep: boolean;
  /** Set when the channel was confirmed: the wizard shows its done screen until `finish()`. */
  completedChannel: OtpChannel | null;
  /** The channel being confirmed right now (the session may turn signedIn before the reply). */
  confirmingChannel: OtpChannel | null;
  /** The user asked to pick the channel again after one was set up. */
  choosingAgain: boolean;
  /** The request in flight, so only its own step shows progress (events may switch steps first). */
  pending: InitAction | null;
  error: AppError | null;
  /** Rules the host said the last password broke (history, common, …). */
  hostViolations: PasswordRule[];
  setPassword(newPassword: string): Promise<boolean>;
  chooseChannel(channel: OtpChannel): Promise<boolean>;
  resendEmail(): Promise<void>;
  confirm(code: string): Promise<boolean>;
  cancel(): Promise<void>;
  /** Leaves the done screen for the terminal. */
  finish(): void;
  setChoosingAgain(value: boolean): void;
  clearError(): void;
}

/** An error stays on the wizard only while the wizard is current (else the login says why). */
function forWizard(error: AppError | null): AppError | null {
  return useSessionStore.getState().placeError(error, 'init');
}

// Whether this set-up began with the password step, kept for this tab only so a reloaded window
// numbers the steps as before. A yes/no, nothing secret.
const PASSWORD_STEP_KEY = 'ccms.init.hadPasswordStep';
function rememberPasswordStep(value: boolean): void {
  try {
    if (value) sessionStorage.setItem(PASSWORD_STEP_KEY, '1');
    else sessionStorage.removeItem(PASSWORD_STEP_KEY);
  } catch {
    // Storage refused (privacy settings): the stepper then only shows the steps left.
  }
}
function recalledPasswordStep(): boolean {
  try {
    return sessionStorage.getItem(PASSWORD_STEP_KEY) === '1';
  } catch {
    return false;
  }
}

function violationsOf(error: AppError): PasswordRule[] {
  return (error.violations ?? []).filter((v): v is PasswordRule => isOneOf(PASSWORD_RULES, v));
}

export const useInitStore = create<InitStore>()((set, get) => ({
  totpSetup: null,
  hadPasswordStep: false,
  completedChannel: null,
  confirmingChannel: null,
  choosingAgain: false,
  pending: null,
  error: null,
  hostViolations: [],

  async setPassword(newPassword) {
    set({ pending: 'password', error: null, hostViolations: [] });
    const result = await callBridge('initSetPassword', { newPassword });
    const error = await feedResult(result);
    set({
      pending: null,
      error: forWizard(error),
      hostViolations: error?.code === 'PASSWORD_POLICY' ? violationsOf(error) : [],
    });
    return error === null;
  },

  async chooseChannel(channel) {
    set({ pending: 'channel', error: null });
    const result = await callBridge('initChooseChannel', { channel });
    const error = await feedResult(result);
    set({
      pending: null,
      error: forWizard(error),
      choosingAgain: error ? get().choosingAgain : false,
    });
    return error === null;
  },

  async resendEmail() {
    set({ pending: 'resend', error: null });
    const result = await callBridge('initResendEmail', {});
    const error = await feedResult(result);
    set({ pending: null, error: forWizard(error) });
  },

  async confirm(code) {
    const setup = useSessionStore.getState().authState;
    const channel =
      setup?.step === 'init' && setup.channelSetup ? setup.channelSetup.channel : null;
    // Marked before the call: the core's authState event (signedIn) may arrive before the reply,
    // and the app must show the done screen, not flash the terminal.
    set({ pending: 'confirm', error: null, confirmingChannel: channel ?? 'totp' });
    const result = await callBridge('initConfirm', { code });
    const done = result.ok && (result.value.step === 'signedIn' || result.value.step === 'locked');
    const error = await feedResult(result);
    set({
      pending: null,
      error: forWizard(error),
      confirmingChannel: null,
      completedChannel: done ? (channel ?? 'totp') : get().completedChannel,
    });
    return error === null;
  },

  async cancel() {
    set({ error: null });
    const result = await callBridge('cancelLogin', {});
    const error = await feedResult(result);
    if (error) set({ error });
  },

  finish() {
    rememberPasswordStep(false);
    set({ completedChannel: null, confirmingChannel: null, hadPasswordStep: false });
  },

  setChoosingAgain(value) {
    if (value) {
      // Leaving the app step: the secret goes; choosing again brings a fresh one.
      set({ choosingAgain: true, error: null, totpSetup: null });
      return;
    }
    set({ choosingAgain: false, error: null });
    // Back to the set-up that is still current: the core hands its details out again.
    void useSessionStore.getState().refresh();
  },

  clearError() {
    set({ error: null });
  },
}));

/** Keeps the TOTP secret while the set-up shows it; leaving the wizard drops it. */
function receive(state: AuthState): void {
  const set = useInitStore.setState;
  if (state.step === 'init') {
    if (state.steps.includes('password')) rememberPasswordStep(true);
    const setup = state.channelSetup;
    set((s) => ({
      totpSetup:
        setup?.channel === 'totp' ? { secret: setup.secret, otpauthUri: setup.otpauthUri } : null,
      hadPasswordStep:
        s.hadPasswordStep || state.steps.includes('password') || recalledPasswordStep(),
    }));
    return;
  }
  // Leaving the wizard in any way drops the secret; signing out forgets the whole run.
  set({ totpSetup: null, choosingAgain: false });
  if (state.step === 'signedOut') {
    rememberPasswordStep(false);
    set({
      hadPasswordStep: false,
      completedChannel: null,
      confirmingChannel: null,
      error: null,
      hostViolations: [],
    });
  }
}
receiveAuthStates(receive);

/** A step of the wizard as the stepper shows it. */
export type WizardStep = 'password' | 'channel' | 'confirm' | 'done';

/** The wizard's current step, from the core's state and what this run has done. */
export function selectWizardStep(auth: PublicAuthState | null, s: InitStore): WizardStep {
  if (auth?.step !== 'init') return 'done';
  if (auth.steps.includes('password')) return 'password';
  if (!auth.channelSetup || s.choosingAgain) return 'channel';
  return 'confirm';
}

/** True while the wizard must stay on screen although the session is already signed in. */
export const selectShowsDone = (s: InitStore): boolean =>
  s.completedChannel !== null || s.confirmingChannel !== null;
