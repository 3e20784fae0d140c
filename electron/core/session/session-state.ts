import type { AuthState, EnvironmentId } from '../../../shared/bridge.js';
import type { HostClient } from '../host/host-client.js';
import type { InitStep, OtpChannel, Session } from '../../../shared/protocol.js';
import type { PasswordPolicy } from '../../../shared/password-policy.js';

/** The host calls the session manager makes: the HostClient, or anything shaped like it. */
export type SessionHost = Pick<
  HostClient,
  | 'login'
  | 'submitOtp'
  | 'resendOtp'
  | 'initPassword'
  | 'initChannel'
  | 'initConfirm'
  | 'getSession'
  | 'reauth'
  | 'logout'
  | 'serverOffsetMs'
>;

/** Which host a sign-in goes to. */
export interface SessionTarget {
  host: SessionHost;
  environment: EnvironmentId;
}

type InitSetup = Extract<AuthState, { step: 'init' }>['channelSetup'];

/** The machine's states with their secrets; only `toAuthState` of it ever leaves the core. */
export type InternalState =
  | {
      step: 'signedOut';
      reason?: Extract<AuthState, { step: 'signedOut' }>['reason'];
      lockedUntil?: string;
    }
  | {
      step: 'otp';
      target: SessionTarget;
      userId: string;
      challengeId: string;
      channel: OtpChannel;
      maskedEmail?: string;
      /** The challenge's end; the email code's own is `codeExpiresAt`. */
      expiresAt: string;
      codeExpiresAt?: string;
      codeExpired?: boolean;
      resendAvailableAt?: string;
      resendsLeft?: number;
      attemptsLeft?: number;
    }
  | {
      step: 'init';
      target: SessionTarget;
      userId: string;
      initToken: string;
      steps: InitStep[];
      passwordPolicy: PasswordPolicy;
      expiresAt: string;
      channelSetup?: InitSetup;
    }
  | {
      step: 'signedIn';
      target: SessionTarget;
      session: Session;
      idleTimeoutSec: number;
      otp?: OtpRoute;
    }
  | {
      step: 'locked';
      target: SessionTarget;
      session: Session;
      otp?: OtpRoute;
      /** Local ISO time from which the host will email another unlock code. */
      resendAvailableAt?: string;
    };

/** The OTP channel a user signed in with (and their masked email): how an unlock code reaches them. */
export interface OtpRoute {
  channel: OtpChannel;
  maskedEmail?: string;
}

/** The renderer's view of a state: no challengeId, no initToken, no session token. */
export function toAuthState(s: InternalState): AuthState {
  switch (s.step) {
    case 'signedOut':
      return {
        step: 'signedOut',
        ...(s.reason && { reason: s.reason }),
        ...(s.lockedUntil && { lockedUntil: s.lockedUntil }),
      };
    case 'otp':
      return {
        step: 'otp',
        userId: s.userId,
        channel: s.channel,
        expiresAt: s.expiresAt,
        ...(s.maskedEmail !== undefined && { maskedEmail: s.maskedEmail }),
        ...(s.codeExpiresAt !== undefined && { codeExpiresAt: s.codeExpiresAt }),
        ...(s.codeExpired === true && { codeExpired: true }),
        ...(s.resendAvailableAt !== undefined && { resendAvailableAt: s.resendAvailableAt }),
        ...(s.resendsLeft !== undefined && { resendsLeft: s.resendsLeft }),
        ...(s.attemptsLeft !== undefined && { attemptsLeft: s.attemptsLeft }),
      };
    case 'init':
      return {
        step: 'init',
        userId: s.userId,
        steps: s.steps,
        passwordPolicy: s.passwordPolicy,
        expiresAt: s.expiresAt,
        ...(s.channelSetup !== undefined && { channelSetup: s.channelSetup }),
      };
    case 'signedIn':
      return {
        step: 'signedIn',
        user: s.session.user,
        environment: s.target.environment,
        expiresAt: s.session.expiresAt,
        idleTimeoutSec: s.idleTimeoutSec,
        ...(s.session.clockSkewSec !== undefined && { clockSkewSec: s.session.clockSkewSec }),
        ...(s.session.passwordExpiresAt != null && {
          passwordExpiresAt: s.session.passwordExpiresAt,
        }),
        ...(s.session.tempEmailOtpUntil !== undefined && {
          tempEmailOtpUntil: s.session.tempEmailOtpUntil,
        }),
      };
    case 'locked':
      return {
        step: 'locked',
        user: s.session.user,
        environment: s.target.environment,
        expiresAt: s.session.expiresAt,
        ...(s.otp !== undefined && { channel: s.otp.channel }),
        ...(s.otp?.maskedEmail !== undefined && { maskedEmail: s.otp.maskedEmail }),
        ...(s.resendAvailableAt !== undefined && { resendAvailableAt: s.resendAvailableAt }),
      };
  }
}
