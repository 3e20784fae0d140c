// Test support for the signed-in screens' component tests: a fake bridge (installed as
// `window.ccms`, the same seam Electron's preload uses) and a render with the app's providers.
import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { I18nextProvider } from 'react-i18next';
import type {
  AppInfo,
  BridgeResult,
  CallInput,
  CallName,
  CallOutput,
  CcmsBridge,
  EventName,
  EventPayload,
  Language,
  AppError,
  ErrorCode,
} from '../../../shared/index.js';
import { initI18n, loadAllNamespaces } from '../../i18n/index.js';
// Each test starts from fresh stores (the renderer project may also list it in setupFiles).
import '../../test-setup.js';

type Handler<K extends CallName> = (
  input: CallInput<K>,
) => BridgeResult<CallOutput<K>> | Promise<BridgeResult<CallOutput<K>>>;

/** What the core tells the window at start in browser mode on the simulator; tests override parts. */
export function testAppInfo(over: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.0.0-test',
    mode: 'browser',
    platform: 'linux',
    versions: {},
    settings: { language: 'en', environment: 'simulator', lastUserId: 'C00101' },
    allowedEnvironments: ['simulator'],
    sharedDesk: false,
    configProblems: [],
    keychainAvailable: true,
    ...over,
  };
}

/** A fake bridge: each test says what each call answers; unset calls fail loudly as values. */
export interface FakeBridge {
  bridge: CcmsBridge;
  /** Every call made, in order, with its input. */
  calls: { name: CallName; input: unknown }[];
  answer<K extends CallName>(name: K, handler: Handler<K>): void;
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  reset(): void;
}

// Tell React this is a test environment, so act() flushes updates without warnings.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no layout engine, so no ResizeObserver; Fluent's MessageBar only uses it to reflow.
if (!('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoLayoutResizeObserver;
}

/** Builds the fake bridge and installs it as `window.ccms` before the real bridge module looks. */
export function installFakeBridge(): FakeBridge {
  const handlers = new Map<CallName, Handler<CallName>>();
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const fake: FakeBridge = {
    calls: [],
    bridge: {
      async call(name, input) {
        fake.calls.push({ name, input });
        const handler = handlers.get(name);
        if (!handler) {
          return {
            ok: false,
            error: { code: 'UNKNOWN', message: `fake bridge: no answer set for ${name}` },
          };
        }
        return (await handler(input as never)) as never;
      },
      on(name, listener) {
        const set = listeners.get(name) ?? new Set();
        set.add(listener as (p: unknown) => void);
        listeners.set(name, set);
        return () => set.delete(listener as (p: unknown) => void);
      },
    },
    answer(name, handler) {
      handlers.set(name, handler as unknown as Handler<CallName>);
    },
    emit(name, payload) {
      for (const l of listeners.get(name) ?? []) l(payload);
    },
    reset() {
      handlers.clear();
      listeners.clear();
      fake.calls.length = 0;
    },
  };
  window.ccms = fake.bridge;
  return fake;
}

/** A successful bridge result. */
export function ok<T>(value: T): BridgeResult<T> {
  return { ok: true, value };
}

/** A failed bridge result with a code and optional details. */
export function fail<T>(code: ErrorCode, details: Partial<AppError> = {}): BridgeResult<T> {
  return { ok: false, error: { code, message: `fake: ${code}`, ...details } };
}

/** Renders inside the app's providers with the real catalogs in the given language. */
export async function renderWithProviders(
  ui: ReactElement,
  language: Language = 'en',
): Promise<RenderResult> {
  const i18n = await initI18n(language);
  await i18n.changeLanguage(language);
  // The app loads a screen's namespace inside the screen's Suspense boundary; a screen rendered
  // on its own here has none, so all are loaded first.
  await loadAllNamespaces();
  return render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </I18nextProvider>,
  );
}
