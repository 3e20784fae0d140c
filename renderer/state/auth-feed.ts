// The renderer's one way in for the core's AuthState: the `authState` event, the first
// `getAuthState`, and every call that answers with an AuthState all end in `feedAuthState`, which
// hands the update to each store that asked for it. Stores register here rather than this module
// importing them: their actions hand their calls' results back through `feedResult`, so an import
// the other way would make a cycle (lint fails on one, test/lint/import-cycles.test.ts).
import type { AppError, AuthState, BridgeResult } from '../../shared/index.js';
import { callBridge, onBridgeEvent } from '../bridge/bridge.js';

/**
 * The AuthState as stores keep it: the init step's TOTP secret and otpauth URI are taken out (only
 * the init store holds them, and only while that step is open). Everything else is the core's.
 */
export type PublicAuthState =
  | Exclude<AuthState, { step: 'init' }>
  | (Omit<Extract<AuthState, { step: 'init' }>, 'channelSetup'> & {
      channelSetup?:
        | { channel: 'totp'; digits: number; period: number }
        | Extract<
            NonNullable<Extract<AuthState, { step: 'init' }>['channelSetup']>,
            { channel: 'email' }
          >;
    });

/** What a store does with each AuthState: `before` is the previous one (null for the first). */
export type AuthStateReceiver = (state: AuthState, before: PublicAuthState | null) => void;

const receivers: AuthStateReceiver[] = [];
let last: PublicAuthState | null = null;
let stopListening: (() => void) | null = null;

/** The state without the TOTP secret, as every store but the init store keeps it. */
export function toPublic(state: AuthState): PublicAuthState {
  if (state.step !== 'init' || state.channelSetup?.channel !== 'totp') return state;
  const { secret: _secret, otpauthUri: _uri, ...rest } = state.channelSetup;
  return { ...state, channelSetup: rest };
}

/** A store asks for every AuthState from now on (stores call this once, as their module loads). */
export function receiveAuthStates(receiver: AuthStateReceiver): void {
  receivers.push(receiver);
}

/** Hands one AuthState from the core to every store, in the order they registered. */
export function feedAuthState(state: AuthState): void {
  const before = last;
  last = toPublic(state);
  for (const receive of receivers) receive(state, before);
}

/** Asks the core for its current AuthState and feeds it; the error when the core did not answer. */
export async function refreshAuthState(): Promise<AppError | null> {
  const state = await callBridge('getAuthState', {});
  if (!state.ok) return state.error;
  feedAuthState(state.value);
  return null;
}

/**
 * Feeds a call's AuthState, or returns its error. A failed call may still have moved the core
 * (too many wrong codes end the sign-in, a lapsed step turns WRONG_STATE), so the current state is
 * fetched first: the caller then decides by the core's state, never by guessing from the code.
 */
export async function feedResult(result: BridgeResult<AuthState>): Promise<AppError | null> {
  if (result.ok) {
    feedAuthState(result.value);
    return null;
  }
  await refreshAuthState();
  return result.error;
}

/** Starts listening to the core's `authState` events and feeds the current state. */
export async function startAuthFeed(): Promise<AppError | null> {
  stopListening?.();
  stopListening = onBridgeEvent('authState', feedAuthState);
  return refreshAuthState();
}

/** Stops listening and forgets the last state (tests start each case from nothing). */
export function stopAuthFeed(): void {
  stopListening?.();
  stopListening = null;
  last = null;
}
