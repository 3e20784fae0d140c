// What each host error does to the sign-in machine, one table per state: the codes not listed
// leave the state alone (the error still reaches the caller). README.md draws the same arrows.
import type { CcmsError, ErrorCode } from '../../../shared/errors.js';
import type { InternalState } from './session-state.js';

type State<K extends InternalState['step']> = Extract<InternalState, { step: K }>;

/** A transition (timers re-armed) or new data in the same state (timers kept). */
export type ErrorOutcome = { enter: InternalState } | { update: InternalState };

/** For one state: the host error codes that move the machine, and where to. */
export type ErrorTable<S extends InternalState> = Partial<
  Record<ErrorCode, (s: S, err: CcmsError) => ErrorOutcome>
>;

const signedOut = (reason?: State<'signedOut'>['reason']): ErrorOutcome => ({
  enter: reason ? { step: 'signedOut', reason } : { step: 'signedOut' },
});

/** The account itself ended the sign-in: the core says so, with the lock's end when given. */
const accountLocked = (_s: InternalState, err: CcmsError): ErrorOutcome => ({
  enter: {
    step: 'signedOut',
    reason: 'accountLocked',
    ...(err.details.lockedUntil && { lockedUntil: err.details.lockedUntil }),
  },
});

/**
 * `submitOtp`: a wrong code updates the attempts left; an expired email code leaves the challenge
 * usable (a new code can be sent); only an ended challenge or account signs out.
 */
export const OTP_ERRORS: ErrorTable<State<'otp'>> = {
  OTP_INVALID: (s, err) => ({ update: { ...s, attemptsLeft: err.details.attemptsLeft ?? 0 } }),
  OTP_EXPIRED: (s) => ({ update: { ...s, codeExpired: true } }),
  CHALLENGE_EXPIRED: () => signedOut('challengeExpired'),
  ACCOUNT_LOCKED: accountLocked,
  ACCOUNT_SUSPENDED: () => signedOut('accountSuspended'),
};

/** `resendOtp`: the host's send limit is remembered; an ended challenge signs out. */
export const RESEND_ERRORS: ErrorTable<State<'otp'>> = {
  RESEND_LIMIT: (s) => ({ update: { ...s, resendsLeft: 0 } }),
  CHALLENGE_EXPIRED: () => signedOut('challengeExpired'),
};

/** Every step of 2FA initialization. */
export const INIT_ERRORS: ErrorTable<State<'init'>> = {
  INIT_TOKEN_INVALID: () => signedOut('initExpired'),
  ACCOUNT_LOCKED: accountLocked,
  ACCOUNT_SUSPENDED: () => signedOut('accountSuspended'),
};

/** `unlock` (step-up reauth). */
export const UNLOCK_ERRORS: ErrorTable<State<'locked'>> = {
  SESSION_EXPIRED: () => signedOut('sessionExpired'),
  ACCOUNT_LOCKED: () => signedOut('hostSignedOut'),
  ACCOUNT_SUSPENDED: () => signedOut('hostSignedOut'),
};
