import { create } from 'zustand';
import type {
  AppError,
  DmsAction,
  DmsApprovalCodeReply,
  DmsRequest,
  DmsUser,
} from '../../shared/index.js';
import { sameChange } from '../../shared/dms-rules.js';
import { callBridge } from '../bridge/bridge.js';

/**
 * Refusals that mean the console's picture of the users or requests is out of date (another DA
 * acted meanwhile): the lists are loaded again, so the console shows what now holds.
 */
const STALE_PICTURE: ReadonlyArray<AppError['code']> = [
  'REQUEST_NOT_PENDING',
  'REQUEST_ALREADY_PENDING',
  'ACTION_NOT_APPLICABLE',
  'EMAIL_NOT_REGISTERED',
  'CHANNEL_NOT_TOTP',
];

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
      const input = {
        action,
        userId,
        ...(email !== undefined && { email }),
        ...(durationSec !== undefined && { durationSec }),
      };
      // The console knows the pending requests: the same change again is not sent at all.
      const twin = get().pending.find((r) => sameChange({ ...r, email: r.email }, input));
      if (twin !== undefined) {
        const error: AppError = {
          code: 'REQUEST_ALREADY_PENDING',
          message: `${twin.id} already asks for this change.`,
          requestId: twin.id,
        };
        set({ actionError: { target: 'new', error }, outcome: null });
        return false;
      }
      set({ busy: 'new', actionError: null, outcome: null });
      const result = await callBridge('dmsCreateRequest', input);
      if (!result.ok) {
        set({ busy: null, actionError: { target: 'new', error: result.error } });
        // Another DA may have asked for it, or changed the user, meanwhile.
        if (STALE_PICTURE.includes(result.error.code)) await refresh();
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
        if (STALE_PICTURE.includes(result.error.code)) await refresh();
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
        if (STALE_PICTURE.includes(result.error.code)) await refresh();
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

/** Whether a DA's one-time passwords come by email now (their channel, or an exception). */
export function approvesByEmail(users: DmsUser[], userId: string | undefined): boolean {
  const me = users.find((u) => u.userId === userId);
  return me !== undefined && (me.channel === 'email' || me.tempEmailOtpUntil !== null);
}

/** The error of the last action if it concerned the given target. */
export function selectActionError(s: DmsState, target: string): AppError | null {
  return s.actionError && s.actionError.target === target ? s.actionError.error : null;
}
