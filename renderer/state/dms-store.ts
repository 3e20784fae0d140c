import { create } from 'zustand';
import type {
  AppError,
  DmsAction,
  DmsApprovalCodeReply,
  DmsRequest,
  DmsUser,
} from '../../shared/index.js';
import { callBridge } from '../bridge/bridge.js';

/** Loading state of the DMS console's lists. */
export type DmsLoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The last decision or request made in the console, to announce its outcome. */
export type DmsOutcome =
  | { kind: 'created'; request: DmsRequest }
  | { kind: 'approved'; request: DmsRequest }
  | { kind: 'rejected'; request: DmsRequest };

/** The DA console's state: users, pending requests, and the outcome of the last action. */
export interface DmsState {
  status: DmsLoadStatus;
  users: DmsUser[];
  pending: DmsRequest[];
  loadError: AppError | null;
  /** Which request (or 'new') an action is running for. */
  busy: string | null;
  /** The error of the last action, with the request it concerned ('new' for a new request). */
  actionError: { target: string; error: AppError } | null;
  outcome: DmsOutcome | null;
  /** The last approval code emailed to this checker: where it went and its times (never the code). */
  approvalCode: (DmsApprovalCodeReply & { requestId: string; sends: number }) | null;
  load(): Promise<void>;
  create(action: DmsAction, userId: string, email?: string, durationSec?: number): Promise<boolean>;
  /** A checker whose channel is email: asks the host to email the code that approves `id`. */
  sendApprovalCode(id: string): Promise<boolean>;
  /** Approves with the checker's own fresh OTP; the code is passed through, never stored. */
  approve(id: string, code: string): Promise<boolean>;
  reject(id: string, reason: string): Promise<boolean>;
  clearOutcome(): void;
}

const initial = {
  status: 'idle' as DmsLoadStatus,
  users: [] as DmsUser[],
  pending: [] as DmsRequest[],
  loadError: null,
  busy: null,
  actionError: null,
  outcome: null,
  approvalCode: null,
};

/** One store for the DMS console. */
export const useDmsStore = create<DmsState>()((set, get) => {
  /** Refreshes both lists after a change, keeping the outcome message. */
  async function refresh(): Promise<void> {
    const [users, requests] = await Promise.all([
      callBridge('dmsListUsers', {}),
      callBridge('dmsListRequests', { status: 'pending' }),
    ]);
    if (!users.ok) return set({ status: 'error', loadError: users.error });
    if (!requests.ok) return set({ status: 'error', loadError: requests.error });
    set({
      status: 'ready',
      loadError: null,
      users: users.value.users,
      pending: requests.value.requests,
    });
  }

  return {
    ...initial,
    async load() {
      set({ status: 'loading', loadError: null });
      await refresh();
    },
    async create(action, userId, email, durationSec) {
      if (get().busy) return false;
      set({ busy: 'new', actionError: null, outcome: null });
      const input = {
        action,
        userId,
        ...(email !== undefined && { email }),
        ...(durationSec !== undefined && { durationSec }),
      };
      const result = await callBridge('dmsCreateRequest', input);
      if (!result.ok) {
        set({ busy: null, actionError: { target: 'new', error: result.error } });
        return false;
      }
      set({ busy: null, outcome: { kind: 'created', request: result.value.request } });
      await refresh();
      return true;
    },
    async sendApprovalCode(id) {
      if (get().busy) return false;
      set({ busy: id, actionError: null, outcome: null });
      const result = await callBridge('dmsApprovalCode', { id });
      if (!result.ok) {
        set({ busy: null, actionError: { target: id, error: result.error } });
        if (result.error.code === 'REQUEST_NOT_PENDING') await refresh();
        return false;
      }
      const before = get().approvalCode;
      const sends = before?.requestId === id ? before.sends + 1 : 1;
      set({ busy: null, approvalCode: { ...result.value, requestId: id, sends } });
      return true;
    },
    async approve(id, code) {
      if (get().busy) return false;
      set({ busy: id, actionError: null, outcome: null });
      const result = await callBridge('dmsApprove', { id, code });
      if (!result.ok) {
        set({ busy: null, actionError: { target: id, error: result.error } });
        // Someone else may have decided it meanwhile: show the list as it now is.
        if (result.error.code === 'REQUEST_NOT_PENDING') await refresh();
        return false;
      }
      set({
        busy: null,
        outcome: { kind: 'approved', request: result.value.request },
        approvalCode: null,
      });
      await refresh();
      return true;
    },
    async reject(id, reason) {
      if (get().busy) return false;
      set({ busy: id, actionError: null, outcome: null });
      const result = await callBridge('dmsReject', { id, reason });
      if (!result.ok) {
        set({ busy: null, actionError: { target: id, error: result.error } });
        if (result.error.code === 'REQUEST_NOT_PENDING') await refresh();
        return false;
      }
      set({ busy: null, outcome: { kind: 'rejected', request: result.value.request } });
      await refresh();
      return true;
    },
    clearOutcome() {
      set({ outcome: null, actionError: null });
    },
  };
});

/** The actions that make sense for a user in a given state (the host still decides). */
export function actionsFor(user: DmsUser): DmsAction[] {
  const always: DmsAction[] = ['set_email', 'reset_password', 'reset_2fa', 'temp_email_otp'];
  switch (user.state) {
    case 'locked':
      return ['unlock', ...always, 'suspend'];
    case 'suspended':
      return ['reactivate', ...always];
    default:
      return [...always, 'suspend'];
  }
}

/** Why a temporary email OTP exception cannot be asked for a user; null when it can. */
export type TempEmailOtpBlocker = 'notTotp' | 'noEmail' | null;

/** The host's rule for `temp_email_otp` (docs/protocol.md), so the menu offers only what can succeed. */
export function tempEmailOtpBlocker(user: DmsUser): TempEmailOtpBlocker {
  if (user.channel !== 'totp') return 'notTotp';
  if (user.maskedEmail === null) return 'noEmail';
  return null;
}

/** Whether a DA's one-time passwords come by email now (their channel, or an exception). */
export function approvesByEmail(users: DmsUser[], userId: string | undefined): boolean {
  const me = users.find((u) => u.userId === userId);
  return me !== undefined && (me.channel === 'email' || me.tempEmailOtpUntil !== null);
}

/** The error of the last action if it concerned the given target. */
export function selectActionError(s: DmsState, target: string): AppError | null {
  return s.actionError && s.actionError.target === target ? s.actionError.error : null;
}
