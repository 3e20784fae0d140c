// The auth feed is the renderer's one way in for the core's AuthState (events, the first
// getAuthState, every call's result); these cases pin what each store makes of it. The fake
// bridge stands in for the core and answers getAuthState with what the core would then hold.
import { describe, expect, it } from 'vitest';
import { USER_PASSWORD_POLICY, type AuthState } from '../../shared/index.js';
import { fail, installFakeBridge, ok } from '../screens/shell/test-support.js';
import { feedAuthState, startAuthFeed } from './auth-feed.js';
import { useInitStore } from './init-store.js';
import { useOtpStore } from './otp-store.js';
import { useSessionStore } from './session-store.js';
import { useShellStore } from './shell-store.js';

const fake = installFakeBridge();
const later = new Date(Date.now() + 300_000).toISOString();
const otp: AuthState = { step: 'otp', userId: 'C00101', channel: 'totp', expiresAt: later };
const user = (userId: string) => ({
  userId,
  participantId: 'CP001',
  name: 'T',
  roles: ['user' as const],
});
const signedIn = (userId: string): AuthState => ({
  step: 'signedIn',
  user: user(userId),
  environment: 'simulator',
  expiresAt: later,
  idleTimeoutSec: 900,
});
const session = () => useSessionStore.getState();
type ChannelSetup = Extract<AuthState, { step: 'init' }>['channelSetup'];
/** The 2FA set-up at its confirmation step, with the given channel's details. */
const initAt = (channelSetup: ChannelSetup): AuthState => ({
  step: 'init',
  userId: 'C00103',
  steps: ['channel'],
  passwordPolicy: USER_PASSWORD_POLICY,
  expiresAt: later,
  channelSetup,
});

/** The core after a refused call: this state is what getAuthState then answers. */
function coreNowAt(state: AuthState) {
  fake.answer('getAuthState', () => ok(state));
}

describe('the auth feed', () => {
  it("starts from the core's current state and follows its authState events", async () => {
    coreNowAt(otp);
    expect(await startAuthFeed()).toBeNull();
    expect(session().authState).toEqual(otp);
    fake.emit('authState', { step: 'signedOut', reason: 'challengeExpired' });
    expect(session().authState).toEqual({ step: 'signedOut', reason: 'challengeExpired' });
  });

  it('gives the TOTP secret to the init store only', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DP';
    feedAuthState(
      initAt({
        channel: 'totp',
        secret,
        otpauthUri: `otpauth://x?secret=${secret}`,
        digits: 6,
        period: 30,
      }),
    );
    expect(useInitStore.getState().totpSetup?.secret).toBe(secret);
    expect(JSON.stringify(session())).not.toContain(secret);
    feedAuthState({ step: 'signedOut' });
    expect(useInitStore.getState().totpSetup).toBeNull();
  });
});

describe('where a refused OTP shows its error: decided by the state the core is in after it', () => {
  it('a wrong code keeps the prompt, with the error there', async () => {
    feedAuthState(otp);
    fake.answer('submitOtp', () => fail('OTP_INVALID', { attemptsLeft: 3 }));
    coreNowAt({ ...otp, attemptsLeft: 3 });
    expect(await useOtpStore.getState().submit('111111')).toBe(false);
    expect(useOtpStore.getState().error?.code).toBe('OTP_INVALID');
    expect(session().authState).toEqual({ ...otp, attemptsLeft: 3 });
    expect(session().login.error).toBeNull();
  });

  it('the core signed out without a reason (account locked): the login form shows the error', async () => {
    feedAuthState(otp);
    fake.answer('submitOtp', () => fail('ACCOUNT_LOCKED', { lockedUntil: later }));
    coreNowAt({ step: 'signedOut' });
    await useOtpStore.getState().submit('111111');
    expect(session().authState).toEqual({ step: 'signedOut' });
    expect(session().login.error).toMatchObject({ code: 'ACCOUNT_LOCKED', lockedUntil: later });
    expect(useOtpStore.getState().error).toBeNull();
  });

  it('the core gave its reason (challenge expired): the login says it, with no second error', async () => {
    feedAuthState(otp);
    fake.answer('submitOtp', () => fail('CHALLENGE_EXPIRED'));
    coreNowAt({ step: 'signedOut', reason: 'challengeExpired' });
    await useOtpStore.getState().submit('111111');
    expect(session().authState).toEqual({ step: 'signedOut', reason: 'challengeExpired' });
    expect(session().login.error).toBeNull();
    expect(useOtpStore.getState().error).toBeNull();
  });

  it('the 2FA set-up ended by a lock: the login form shows the error', async () => {
    feedAuthState(
      initAt({
        channel: 'email',
        maskedEmail: 'c0***@x',
        expiresAt: later,
        resendAvailableAt: later,
      }),
    );
    fake.answer('initConfirm', () => fail('ACCOUNT_LOCKED'));
    coreNowAt({ step: 'signedOut' });
    await useInitStore.getState().confirm('111111');
    expect(session().login.error?.code).toBe('ACCOUNT_LOCKED');
    expect(useInitStore.getState().error).toBeNull();
  });

  it("a new challenge starts without the last one's error", async () => {
    feedAuthState(otp);
    fake.answer('submitOtp', () => fail('OTP_INVALID'));
    coreNowAt(otp);
    await useOtpStore.getState().submit('111111');
    expect(useOtpStore.getState().error).not.toBeNull();
    feedAuthState({ step: 'signedOut' });
    feedAuthState(otp);
    expect(useOtpStore.getState().error).toBeNull();
  });
});

describe('the shell store follows the session', () => {
  it('the lock ends the idle warning', () => {
    feedAuthState(signedIn('C00101'));
    useShellStore.getState().idleWarning(60);
    expect(useShellStore.getState().idleLockAt).not.toBeNull();
    feedAuthState({
      step: 'locked',
      user: user('C00101'),
      environment: 'simulator',
      expiresAt: later,
    });
    expect(useShellStore.getState().idleLockAt).toBeNull();
  });

  it("sign-out clears the shell, and the next user never sees the last one's view", () => {
    feedAuthState(signedIn('C00101'));
    useShellStore.getState().setView('settings');
    feedAuthState(signedIn('C00101'));
    expect(useShellStore.getState().view).toBe('settings');
    feedAuthState({ step: 'signedOut' });
    expect(useShellStore.getState().view).toBe('home');
    useShellStore.getState().setView('dms');
    feedAuthState(signedIn('C00191'));
    expect(useShellStore.getState().view).toBe('home');
  });

  it('unlocking hands the new state to the session (no component applies it)', async () => {
    feedAuthState({
      step: 'locked',
      user: user('C00101'),
      environment: 'simulator',
      expiresAt: later,
    });
    fake.answer('unlock', () => ok(signedIn('C00101')));
    await useShellStore.getState().unlock('123456');
    expect(session().authState?.step).toBe('signedIn');
    expect(JSON.stringify(useShellStore.getState())).not.toContain('123456');
  });
});
