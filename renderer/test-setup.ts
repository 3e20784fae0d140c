// Every renderer test starts from a fresh app: each zustand store back to its initial state, the
// auth feed stopped with no state remembered, and this tab's sessionStorage empty, so a test
// passes alone, in any order, and cannot lean on what the one before left behind. Store modules
// are found by name (renderer/state/*-store.ts), so a store added later is reset too.
import { beforeEach } from 'vitest';
import { stopAuthFeed } from './state/auth-feed.js';

interface ResettableStore {
  getState(): object;
  getInitialState(): object;
  setState(state: object, replace: true): void;
}

const storeModules = import.meta.glob<Record<string, unknown>>('./state/*-store.ts', {
  eager: true,
});

const isStore = (value: unknown): value is ResettableStore =>
  typeof value === 'function' && 'getInitialState' in value && 'setState' in value;

/** The stores of renderer/state, by export name: the setup resets each of them. */
export const allStores: ReadonlyMap<string, ResettableStore> = new Map(
  Object.entries(storeModules).flatMap(([file, mod]) =>
    Object.entries(mod)
      .filter((entry): entry is [string, ResettableStore] => isStore(entry[1]))
      .map(([name, store]) => [`${file}:${name}`, store] as const),
  ),
);

/** Puts every store, the auth feed and sessionStorage back as a new window has them. */
export function resetRendererState(): void {
  stopAuthFeed();
  for (const store of allStores.values()) store.setState(store.getInitialState(), true);
  sessionStorage.clear();
}

beforeEach(resetRendererState);
