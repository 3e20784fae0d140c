// What goes into this workstation's history, decided in one place from two sources: the sign-in
// machine's transitions (sign-ins, locks, unlocks, sign-outs) and the outcomes of the bridge calls
// that the host refused or the DMS calls it accepted (router.ts `onCallDone`). It reads IDs and
// error codes only: a password, a code, a token, an email address or a DA's reason is never read
// out of an input, so it cannot reach the file.
import type {
  AuthState,
  BridgeResult,
  EnvironmentId,
  HistoryEntry,
  HistorySignOutReason,
} from '../../../shared/bridge.js';
import { DmsRequest, UserId } from '../../../shared/protocol.js';
import type { ErrorCode } from '../../../shared/errors.js';
import * as z from 'zod';

/** What the recorder needs of the core's parts. */
export interface RecorderDeps {
  session: { state(): AuthState; onChange(listener: (s: AuthState) => void): () => void };
  /** The environment a sign-in goes to (the user's setting). */
  environment(): EnvironmentId;
  now(): number;
  history: { append(entry: HistoryEntry): void };
}

/** The hooks the composition root calls besides the machine's transitions. */
export interface HistoryRecorder {
  /** Every bridge call's outcome, after it was served (router.ts). */
  callDone(name: string, input: unknown, result: BridgeResult<unknown>): void;
  /** The OS locked or went to sleep: `lock` (the machine's) runs as the workstation's lock. */
  workstationLock(lock: () => void): void;
  /** The app is quitting: the sign-out that follows is the app's. */
  closing(): void;
}

/** The host refusals that end or hold up a sign-in, as the history names them. */
const SIGN_IN_REFUSALS: ReadonlySet<ErrorCode> = new Set([
  'INVALID_CREDENTIALS',
  'PASSWORD_EXPIRED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_SUSPENDED',
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_REUSED',
]);

const STEP_OF_CALL = {
  login: 'password',
  submitOtp: 'otp',
  initSetPassword: 'initialization',
  initChooseChannel: 'initialization',
  initConfirm: 'initialization',
} as const;

const DMS_KIND_OF_CALL = {
  dmsCreateRequest: 'dmsRequested',
  dmsApprove: 'dmsApproved',
  dmsReject: 'dmsRejected',
} as const;

const TypedUserId = z.object({ userId: z.string() });
const RequestReply = z.object({ request: DmsRequest });

/**
 * The user ID typed with a refused password, if it is safe to keep. A password typed into the
 * user-ID field by mistake must not be kept: every password the host accepts holds a symbol
 * (shared/password-policy.ts), so an ID of letters and digits alone cannot be one; any other is
 * left out of the entry.
 */
export function keepableTypedUserId(typed: string): string | undefined {
  const id = UserId.safeParse(typed);
  return id.success && /^[A-Za-z0-9]+$/.test(id.data) ? id.data : undefined;
}

function signOutReason(
  reason: Extract<AuthState, { step: 'signedOut' }>['reason'],
  closing: boolean,
): HistorySignOutReason {
  switch (reason) {
    case 'sessionExpired':
    case 'hostSignedOut':
    case 'accountLocked':
    case 'accountSuspended':
      return reason;
    default:
      return closing ? 'appClosed' : 'user';
  }
}

/** Subscribes to the machine and returns the other hooks. */
export function recordHistory(d: RecorderDeps): HistoryRecorder {
  let previous = d.session.state();
  let pendingLock: 'idle' | 'workstation' = 'idle';
  let closing = false;
  // Who is signing in: the OTP and init states name the user but not the environment.
  let signingIn: string | undefined;
  let session: { userId: string; environment: EnvironmentId } | undefined;
  const at = () => new Date(d.now()).toISOString();

  d.session.onChange((state) => {
    const before = previous;
    previous = state;
    if (state.step === 'otp' || state.step === 'init') signingIn = state.userId;
    if (state.step === before.step) return;
    const now = at();
    if (state.step === 'signedIn') {
      session = { userId: state.user.userId, environment: state.environment };
      if (before.step === 'locked') {
        d.history.append({ kind: 'unlocked', at: now, ...session });
        return;
      }
      const channel =
        before.step === 'otp'
          ? before.channel
          : before.step === 'init'
            ? before.channelSetup?.channel
            : undefined;
      d.history.append({
        kind: 'signedIn',
        at: now,
        ...session,
        ...(channel && { channel }),
        ...(before.step === 'init' && { initialization: true }),
      });
    } else if (state.step === 'locked' && before.step === 'signedIn') {
      session = { userId: state.user.userId, environment: state.environment };
      d.history.append({ kind: 'locked', at: now, ...session, cause: pendingLock });
    } else if (
      state.step === 'signedOut' &&
      (before.step === 'signedIn' || before.step === 'locked')
    ) {
      const reason = signOutReason(state.reason, closing);
      d.history.append({
        kind: 'signedOut',
        at: now,
        userId: before.user.userId,
        environment: before.environment,
        reason,
      });
    }
  });

  function refused(name: string, input: unknown, code: ErrorCode): void {
    if (name === 'unlock') {
      if (session && SIGN_IN_REFUSALS.has(code))
        d.history.append({ kind: 'unlockFailed', at: at(), ...session, code });
      return;
    }
    if (!Object.hasOwn(STEP_OF_CALL, name) || !SIGN_IN_REFUSALS.has(code)) return;
    const step = STEP_OF_CALL[name as keyof typeof STEP_OF_CALL];
    // After the password step the host has named the user; before it, only the typed ID is known.
    const typed = TypedUserId.safeParse(input);
    const userId =
      step === 'password'
        ? typed.success
          ? keepableTypedUserId(typed.data.userId)
          : undefined
        : signingIn;
    d.history.append({
      kind: 'signInFailed',
      at: at(),
      ...(userId !== undefined && { userId }),
      environment: d.environment(),
      step,
      code,
    });
  }

  function dmsDone(name: keyof typeof DMS_KIND_OF_CALL, value: unknown): void {
    const reply = RequestReply.safeParse(value);
    const state = d.session.state();
    if (!reply.success || state.step !== 'signedIn') return;
    const { id, action, userId: targetUserId } = reply.data.request;
    d.history.append({
      kind: DMS_KIND_OF_CALL[name],
      at: at(),
      userId: state.user.userId,
      environment: state.environment,
      requestId: id,
      action,
      targetUserId,
    });
  }

  return {
    callDone(name, input, result) {
      if (!result.ok) refused(name, input, result.error.code);
      else if (Object.hasOwn(DMS_KIND_OF_CALL, name))
        dmsDone(name as keyof typeof DMS_KIND_OF_CALL, result.value);
    },
    workstationLock(lock) {
      pendingLock = 'workstation';
      try {
        lock();
      } finally {
        pendingLock = 'idle';
      }
    },
    closing() {
      closing = true;
    },
  };
}
