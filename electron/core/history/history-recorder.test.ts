// The recorder with the real store and file. The session machine is replaced by the one interface
// the recorder reads (state + onChange), fed the AuthStates the machine emits, so each transition
// can be set up exactly; test/integration/core/workstation-history.test.ts drives the real machine.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthState, BridgeResult, HistoryEntry } from '../../../shared/bridge.js';
import type { ErrorCode } from '../../../shared/errors.js';
import { USER_PASSWORD_POLICY } from '../../../shared/password-policy.js';
import { nullLogger } from '../logging/logger.js';
import { keepableTypedUserId, recordHistory, type HistoryRecorder } from './history-recorder.js';
import { HISTORY_FILE, HistoryStore } from './history-store.js';

const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const user = {
  userId: 'C00191',
  participantId: 'CP001',
  name: 'Dana Admin',
  roles: ['da' as const],
};
const signedIn: AuthState = {
  step: 'signedIn',
  user,
  environment: 'simulator',
  expiresAt: '2026-12-01T18:00:00.000Z',
  idleTimeoutSec: 900,
};
const locked: AuthState = { ...signedIn, step: 'locked', channel: 'totp' } as AuthState;
const otp: AuthState = {
  step: 'otp',
  userId: 'C00191',
  channel: 'totp',
  expiresAt: '2026-12-01T08:05:00.000Z',
};

let dir: string;
let store: HistoryStore;
let now: number;
let state: AuthState;
let listeners: ((s: AuthState) => void)[];
let recorder: HistoryRecorder;

function enter(next: AuthState): void {
  state = next;
  now += 1_000;
  for (const l of listeners) l(next);
}
const refused = (code: ErrorCode): BridgeResult<unknown> => ({
  ok: false,
  error: { code, message: 'refused' },
});
const request = (over: Record<string, unknown> = {}) => ({
  id: 'req_7',
  action: 'unlock',
  userId: 'C00104',
  status: 'pending',
  makerId: 'C00191',
  createdAt: '2026-12-01T08:00:00.000Z',
  expiresAt: '2026-12-02T08:00:00.000Z',
  ...over,
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ccms-recorder-'));
  now = T0;
  state = { step: 'signedOut' };
  listeners = [];
  store = await HistoryStore.open({
    path: join(dir, HISTORY_FILE),
    log: nullLogger,
    now: () => now,
  });
  recorder = recordHistory({
    session: {
      state: () => state,
      onChange: (l) => {
        listeners.push(l);
        return () => undefined;
      },
    },
    environment: () => 'simulator',
    now: () => now,
    history: store,
  });
});
afterEach(async () => {
  await store.flush();
  await rm(dir, { recursive: true, force: true });
});

const kinds = () =>
  store
    .entries()
    .map((e) => e.kind)
    .reverse();

describe('workstation history recorder', () => {
  it('records a sign-in with its channel, an idle lock, an unlock and the user signing out', () => {
    enter(otp);
    enter(signedIn);
    enter(locked);
    enter(signedIn);
    enter({ step: 'signedOut' });
    expect(store.entries().reverse()).toEqual<HistoryEntry[]>([
      {
        kind: 'signedIn',
        at: '2026-12-01T08:00:02.000Z',
        userId: 'C00191',
        environment: 'simulator',
        channel: 'totp',
      },
      {
        kind: 'locked',
        at: '2026-12-01T08:00:03.000Z',
        userId: 'C00191',
        environment: 'simulator',
        cause: 'idle',
      },
      {
        kind: 'unlocked',
        at: '2026-12-01T08:00:04.000Z',
        userId: 'C00191',
        environment: 'simulator',
      },
      {
        kind: 'signedOut',
        at: '2026-12-01T08:00:05.000Z',
        userId: 'C00191',
        environment: 'simulator',
        reason: 'user',
      },
    ]);
  });

  it('tells the workstation lock from the idle lock, and a quit from a sign-out', () => {
    enter(otp);
    enter(signedIn);
    recorder.workstationLock(() => enter(locked));
    enter(signedIn);
    enter(locked); // the next lock is the idle timer's again
    recorder.closing();
    enter({ step: 'signedOut' });
    const entries = store.entries().reverse();
    expect(entries.filter((e) => e.kind === 'locked').map((e) => 'cause' in e && e.cause)).toEqual([
      'workstation',
      'idle',
    ]);
    expect(entries.at(-1)).toMatchObject({ kind: 'signedOut', reason: 'appClosed' });
  });

  it('records the host ending the session with its reason', () => {
    enter(otp);
    enter(signedIn);
    enter({ step: 'signedOut', reason: 'sessionExpired' });
    expect(store.entries()[0]).toMatchObject({ kind: 'signedOut', reason: 'sessionExpired' });
  });

  it('marks a sign-in that was the 2FA initialization, with the channel set up', () => {
    enter({
      step: 'init',
      userId: 'C00103',
      steps: [],
      passwordPolicy: USER_PASSWORD_POLICY,
      expiresAt: '2026-12-01T08:30:00.000Z',
      channelSetup: {
        channel: 'email',
        maskedEmail: 'c***@example.com',
        expiresAt: '2026-12-01T08:10:00.000Z',
        resendAvailableAt: '2026-12-01T08:01:00.000Z',
      },
    });
    enter({ ...signedIn, user: { ...user, userId: 'C00103' } } as AuthState);
    expect(store.entries()[0]).toEqual({
      kind: 'signedIn',
      at: '2026-12-01T08:00:02.000Z',
      userId: 'C00103',
      environment: 'simulator',
      channel: 'email',
      initialization: true,
    });
  });

  it('records refusals by step and code, and nothing for other failures', () => {
    recorder.callDone('login', { userId: 'C00101', password: 'x' }, refused('INVALID_CREDENTIALS'));
    recorder.callDone('login', { userId: 'C00101', password: 'x' }, refused('HOST_UNREACHABLE'));
    enter(otp);
    recorder.callDone('submitOtp', { code: '000000' }, refused('OTP_INVALID'));
    recorder.callDone('submitOtp', { code: '000000' }, refused('ACCOUNT_LOCKED'));
    enter({ step: 'signedOut', reason: 'accountLocked' });
    expect(store.entries().reverse()).toEqual([
      {
        kind: 'signInFailed',
        at: '2026-12-01T08:00:00.000Z',
        userId: 'C00101',
        environment: 'simulator',
        step: 'password',
        code: 'INVALID_CREDENTIALS',
      },
      {
        kind: 'signInFailed',
        at: '2026-12-01T08:00:01.000Z',
        userId: 'C00191',
        environment: 'simulator',
        step: 'otp',
        code: 'OTP_INVALID',
      },
      {
        kind: 'signInFailed',
        at: '2026-12-01T08:00:01.000Z',
        userId: 'C00191',
        environment: 'simulator',
        step: 'otp',
        code: 'ACCOUNT_LOCKED',
      },
    ]);
  });

  it('records an unlock refused, and the DMS requests made, approved and rejected here', () => {
    enter(otp);
    enter(signedIn);
    enter(locked);
    recorder.callDone('unlock', { code: '111111' }, refused('OTP_INVALID'));
    enter(signedIn);
    recorder.callDone(
      'dmsCreateRequest',
      { action: 'unlock', userId: 'C00104' },
      { ok: true, value: { request: request() } },
    );
    recorder.callDone(
      'dmsApprove',
      { id: 'req_7', code: '222222' },
      { ok: true, value: { request: request({ status: 'approved' }) } },
    );
    recorder.callDone(
      'dmsReject',
      { id: 'req_8', reason: 'no' },
      { ok: true, value: { request: request({ id: 'req_8', status: 'rejected' }) } },
    );
    recorder.callDone('dmsApprove', { id: 'req_9', code: '222222' }, refused('SAME_DA'));
    recorder.callDone('dmsListUsers', {}, { ok: true, value: { users: [] } });
    expect(kinds()).toEqual([
      'signedIn',
      'locked',
      'unlockFailed',
      'unlocked',
      'dmsRequested',
      'dmsApproved',
      'dmsRejected',
    ]);
    expect(store.entries()[0]).toMatchObject({
      kind: 'dmsRejected',
      userId: 'C00191',
      requestId: 'req_8',
      action: 'unlock',
      targetUserId: 'C00104',
    });
  });

  it('keeps no password, code, email address or rejection reason, even where they were in the call', async () => {
    const secrets = {
      password: 'Demo-Pass-101!',
      passwordAsUserId: 'Winter-2026x',
      otp: '482915',
      stepUpCode: '739204',
      email: 'alice.wong@example.com',
      reason: 'Called her on 9123 4567, she denies it',
    };
    recorder.callDone(
      'login',
      { userId: 'C00191', password: secrets.password },
      refused('INVALID_CREDENTIALS'),
    );
    // The password typed into the user-ID field by mistake: a refused sign-in, no user ID kept.
    recorder.callDone(
      'login',
      { userId: secrets.passwordAsUserId, password: 'C00191' },
      refused('INVALID_CREDENTIALS'),
    );
    enter(otp);
    recorder.callDone('submitOtp', { code: secrets.otp }, refused('OTP_INVALID'));
    enter(signedIn);
    recorder.callDone(
      'dmsCreateRequest',
      { action: 'set_email', userId: 'C00102', email: secrets.email },
      {
        ok: true,
        value: {
          request: request({ action: 'set_email', userId: 'C00102', email: secrets.email }),
        },
      },
    );
    recorder.callDone(
      'dmsApprove',
      { id: 'req_7', code: secrets.stepUpCode },
      { ok: true, value: { request: request({ status: 'approved' }) } },
    );
    recorder.callDone(
      'dmsReject',
      { id: 'req_7', reason: secrets.reason },
      { ok: true, value: { request: request({ status: 'rejected', reason: secrets.reason }) } },
    );
    await store.flush();
    const file = await readFile(join(dir, HISTORY_FILE), 'utf8');
    expect(kinds()).toEqual([
      'signInFailed',
      'signInFailed',
      'signInFailed',
      'signedIn',
      'dmsRequested',
      'dmsApproved',
      'dmsRejected',
    ]);
    expect(store.entries().at(-2)).not.toHaveProperty('userId');
    for (const [name, value] of Object.entries(secrets)) {
      expect(file.includes(value), `${name} in the history file`).toBe(false);
    }
    expect(file).not.toContain('example.com');
  });

  it('keeps a typed user ID only where it cannot be a password (no symbol)', () => {
    expect(keepableTypedUserId('C00101')).toBe('C00101');
    expect(keepableTypedUserId('Winter-2026x')).toBeUndefined();
    expect(keepableTypedUserId('a.b_c')).toBeUndefined();
    expect(keepableTypedUserId('x'.repeat(33))).toBeUndefined();
  });
});
