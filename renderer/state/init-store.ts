import { create } from 'zustand';
import type {
  AppError,
  AuthState,
  BridgeResult,
  OtpChannel,
  PasswordRule,
} from '../../shared/index.js';
import { PASSWORD_RULES, isOneOf } from '../../shared/values.js';
import { callBridge } from '../bridge/bridge.js';
import { feedResult, receiveAuthStates, type PublicAuthState } from './auth-feed.js';
import { useSessionStore } from './session-store.js';

/** What the app-enrolment step shows; held only while that step is current. */
export interface TotpSetup {
  secret: string;
  otpauthUri: string;
}

/**
 * When the last email code was sent and how long it is valid: the moment the send call returned
 * (the terminal's clock) and the code's life from then (to the host's expiry). Numbers only, in
 * memory only, for the email deliverability check.
 */
export interface EmailCodeTiming {
  sentAt: number;
  validMs: number;
}

/** How long the emailed code took from its send to being typed, against its validity. */
export interface EmailDelay {
  tookMs: number;
  validMs: number;
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
  /** The email code being waited for, while the email set-up is current. */
  emailCode: EmailCodeTiming | null;
  /** Set when an email set-up was confirmed: how long its code took to be typed. */
  emailDelay: EmailDelay | null;
  setPassword(newPassword: string): Promise<boolean>;
  chooseChannel(channel: OtpChannel): Promise<boolean>;
  resendEmail(): Promise<void>;
  confirm(code: string): Promise<boolean>;
  cancel(): Promise<void>;
  /** Leaves the done screen for the terminal. */
  finish(): void;
  setChoosingAgain(value: boolean): void;
  clearError(): void;
  /** The password was edited: the host's verdict was about the one sent, so it goes. */
  clearHostVerdict(): void;
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

// A send just returned: the code the user now waits for was sent about now.
function emailCodeFrom(result: BridgeResult<AuthState>): EmailCodeTiming | null {
  if (!result.ok || result.value.step !== 'init') return null;
  const setup = result.value.channelSetup;
  if (setup?.channel !== 'email') return null;
  const sentAt = Date.now();
  const validMs = Date.parse(setup.expiresAt) - sentAt;
  return validMs > 0 ? { sentAt, validMs } : null;
}

/** True when the code took more than half its validity: email may be too slow to rely on. */
export function isSlowEmail(delay: EmailDelay): boolean {
  return delay.tookMs > delay.validMs / 2;
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
  emailCode: null,
  emailDelay: null,

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
    const emailCode = emailCodeFrom(result);
    const error = await feedResult(result);
    set({
      pending: null,
      error: forWizard(error),
      choosingAgain: error ? get().choosingAgain : false,
      emailCode: error ? get().emailCode : emailCode,
    });
    return error === null;
  },

  async resendEmail() {
    set({ pending: 'resend', error: null });
    const result = await callBridge('initResendEmail', {});
    // A resent code replaces the last one: the wait starts again.
    const emailCode = emailCodeFrom(result) ?? get().emailCode;
    const error = await feedResult(result);
    set({ pending: null, error: forWizard(error), emailCode });
  },

  async confirm(code) {
    const setup = useSessionStore.getState().authState;
    const channel =
      setup?.step === 'init' && setup.channelSetup ? setup.channelSetup.channel : null;
    // Marked before the call: the core's authState event (signedIn) may arrive before the reply,
    // and the app must show the done screen, not flash the terminal.
    set({ pending: 'confirm', error: null, confirmingChannel: channel ?? 'totp' });
    // The code was typed now: that is the end of its trip, whatever the host then takes.
    const timing = channel === 'email' ? get().emailCode : null;
    const typed: EmailDelay | null = timing
      ? { tookMs: Date.now() - timing.sentAt, validMs: timing.validMs }
      : null;
    const result = await callBridge('initConfirm', { code });
    const done = result.ok && (result.value.step === 'signedIn' || result.value.step === 'locked');
    const error = await feedResult(result);
    set({
      pending: null,
      error: forWizard(error),
      confirmingChannel: null,
      completedChannel: done ? (channel ?? 'totp') : get().completedChannel,
      emailDelay: done ? typed : get().emailDelay,
      emailCode: done ? null : get().emailCode,
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
    set({
      completedChannel: null,
      confirmingChannel: null,
      hadPasswordStep: false,
      emailDelay: null,
    });
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

  clearHostVerdict() {
    const { error, hostViolations } = get();
    if (hostViolations.length === 0) return;
    set({ hostViolations: [], error: error?.code === 'PASSWORD_POLICY' ? null : error });
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
      emailCode: null,
      emailDelay: null,
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
