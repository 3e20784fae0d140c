import { join } from 'node:path';
import {
  BridgeEvents,
  type BridgeResult,
  type EnvironmentId,
  type EventName,
  type EventPayload,
} from '../../shared/bridge.js';
import { CcmsError } from '../../shared/errors.js';
import { parse } from '../../shared/parse.js';
import { createHandlers } from './bridge/handlers.js';
import { createRouter } from './bridge/router.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigStore } from './config/config-store.js';
import type { ProxyPolicy } from './config/effective-policy.js';
import { defaultPolicySource, type PolicySource } from './config/policy-source.js';
import { recordHistory } from './history/history-recorder.js';
import { HistoryStore, historyPath } from './history/history-store.js';
import { HostClient } from './host/host-client.js';
import { HostStatusMonitor } from './host-status/host-status-monitor.js';
import type { TrustAnchors } from './host/policy-trust.js';
import { createLogger, type Logger } from './logging/logger.js';
import { ProxyAuthBroker, type ProxyAuth } from './network/proxy-auth-broker.js';
import { SessionManager } from './session/session-manager.js';
import { followSignIns } from './session/sign-in-follow-up.js';
import { createOsKeychain, Vault, type Keychain } from './vault/vault.js';

/** How the core is started by a composition root (electron/main.ts or browser mode). */
export interface CoreOptions {
  mode: 'electron' | 'browser';
  appVersion: string;
  /** settings.json and diagnostics/ live here, and logs/ unless `logDir` says otherwise. */
  userDataDir: string;
  /** Where the log files go (Electron on Windows: local app data, never the roaming profile). */
  logDir?: string;
  /**
   * The folder of this workstation's history file (Electron on Windows: local app data, since it
   * is the workstation's, not the user's); default `userDataDir`.
   */
  historyDir?: string;
  /** A policy JSON file instead of the platform's policy (tests). */
  machinePolicyPath?: string;
  /** Where the machine policy comes from; default: registry on Windows, a JSON file elsewhere. */
  policySource?: PolicySource;
  /** The embedded simulator, host of the `simulator` environment. */
  simulatorHost?: { url: string; caCertPem: string };
  /** The OS keychain; default the real one. */
  keychain?: Keychain;
  /**
   * This workstation's name in the keychain's accounts; default the computer name. Tests give
   * each core its own, so test files that run at once in one keyring never touch each other's.
   */
  workstationName?: string;
  clock?: Clock;
  /** Electron passes `net.fetch` so requests go through Chromium's network stack. */
  fetch?: typeof fetch;
  /**
   * Electron passes `session.defaultSession.resolveProxy`: the connectivity check shows its answer
   * and sends its probes through the proxy it names, as the app's own requests go.
   */
  resolveProxy?: (url: string) => Promise<string>;
  /** Crashpad's dump folder (Electron); the support bundle takes its newest dumps. */
  crashDumpsDir?: string;
  /**
   * Instead of `fetch`: builds it with the core's proxy-credentials broker, so a proxy's 407 in
   * Chromium asks the user (electron/chromium-fetch.ts).
   */
  makeFetch?: (proxyAuth: ProxyAuth) => typeof fetch;
  versions?: Record<string, string>;
  /** How often the host is probed (defaults: every 60 s; after a failure 2 s doubling to 30 s). */
  hostProbe?: { everyMs?: number; firstBackoffMs?: number; maxBackoffMs?: number };
  /** Host timeouts in ms (defaults: connect 10 s, total 30 s). */
  hostTimeouts?: { connectMs?: number; totalMs?: number };
}

/** The main process's core: the bridge router, its events, and the OS-lock hook. */
export interface Core {
  /** Serves one bridge call; never throws. */
  call(name: string, input: unknown): Promise<BridgeResult<unknown>>;
  /** authState, idleWarning, diagnosticsProgress; returns an unsubscribe function. */
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  /** OS lock or suspend: locks a signed-in session at once. */
  lock(): void;
  /** For the Electron glue, which owns Chromium's network session. */
  readonly network: NetworkPolicy;
  /** The core's redacting logger, for what the glue must record (a renderer gone, a crash). */
  readonly log: Logger;
  dispose(): Promise<void>;
}

/** How long quitting waits for the host to revoke the session. */
const DISPOSE_LOGOUT_MS = 3_000;

/** What the machine policy says about the network, for Chromium's session in Electron. */
export interface NetworkPolicy {
  /** An explicit proxy (`http://host:port`) for `session.setProxy`; absent: the system's. */
  proxy?: string;
  /** The policy's proxy mode (system, direct, a fixed proxy with bypass rules, or a PAC file). */
  proxySettings: ProxyPolicy;
  /**
   * For `session.setCertificateVerifyProc`: true when the chain (leaf first, PEM) leads by a valid
   * path to one of the policy's extra CAs (or the embedded simulator's) and `hostname` is a host
   * that CA is configured for. Chromium itself knows only the OS store.
   */
  trustsCertificate(hostname: string, chainPems: string[]): Promise<boolean>;
}

/** Each allowed environment's extra CAs, trusted for that environment's host only. */
function trustAnchors(config: ConfigStore): TrustAnchors[] {
  return config.allowedEnvironments().flatMap((env) => {
    try {
      const target = config.hostTarget(env);
      return [{ caPems: target.caPems, hosts: [new URL(target.url).hostname] }];
    } catch {
      return []; // no host configured for it: nothing to trust
    }
  });
}

/** Builds the core from its parts; bad configuration becomes `AppInfo.configProblems`, never a throw. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const policySource =
    options.policySource ??
    defaultPolicySource(options.machinePolicyPath ? { file: options.machinePolicyPath } : {});
  const config = await ConfigStore.load({
    userDataDir: options.userDataDir,
    policySource,
    ...(options.simulatorHost && { simulatorHost: options.simulatorHost }),
  });
  const logDir = options.logDir ?? join(options.userDataDir, 'logs');
  let log: Logger;
  const startupProblems: string[] = [];
  try {
    log = createLogger({ dir: logDir, level: config.logLevel() });
  } catch (err) {
    // A read-only or full profile must not stop the terminal: it runs without a log file.
    log = createLogger({ level: config.logLevel() });
    startupProblems.push(
      `${logDir}: the log folder cannot be written (${(err as NodeJS.ErrnoException).code ?? 'error'}); nothing is logged to disk.`,
    );
  }
  log.info('core starting', {
    mode: options.mode,
    version: options.appVersion,
    policy: policySource.location,
  });
  config.addProblems(startupProblems);
  for (const problem of config.problems()) log.warn('configuration problem', { problem });

  const vault = new Vault(options.keychain ?? createOsKeychain(), {
    sharedDesk: config.sharedDesk(),
    logger: log,
    ...(options.workstationName !== undefined && { workstation: options.workstationName }),
  });
  const idleCeilingSec = config.idleCeilingSec();
  const session = new SessionManager({
    clock,
    log,
    ...(idleCeilingSec !== undefined && { idleCeilingSec }),
  });

  const hosts = new Map<EnvironmentId, HostClient>();
  const probeHosts = new Map<EnvironmentId, HostClient>();
  const hostFor = (env: EnvironmentId): HostClient => {
    const existing = hosts.get(env);
    if (existing) return existing;
    const client = makeClient(env, proxyAuth, hostFetch);
    hosts.set(env, client);
    return client;
  };
  // The background health probe never asks the user for proxy credentials (a prompt nobody asked
  // for): it uses only those already given, and its own connections.
  const probeHostFor = (env: EnvironmentId): HostClient => {
    const existing = probeHosts.get(env);
    if (existing) return existing;
    const client = makeClient(env, quietProxyAuth, probeFetch);
    probeHosts.set(env, client);
    return client;
  };
  const makeClient = (
    env: EnvironmentId,
    auth: ProxyAuth,
    viaFetch: typeof fetch | undefined,
  ): HostClient => {
    const target = config.hostTarget(env);
    // In Electron every host, the simulator's included, is reached through Chromium (the fetch
    // given), so what is tested is the path users take; Chromium trusts the simulator's private CA
    // through the verify proc (trustAnchors), for the simulator's host only.
    return new HostClient({
      baseUrl: target.url,
      extraCaPems: target.caPems,
      userAgent: `CCMS-Terminal/${options.appVersion} (${options.mode}; ${process.platform})`,
      log,
      proxyAuth: auth,
      ...(viaFetch ? { fetch: viaFetch } : target.proxy !== undefined && { proxy: target.proxy }),
      ...(options.hostTimeouts?.connectMs !== undefined && {
        connectTimeoutMs: options.hostTimeouts.connectMs,
      }),
      ...(options.hostTimeouts?.totalMs !== undefined && {
        totalTimeoutMs: options.hostTimeouts.totalMs,
      }),
    });
  };

  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const emit = <K extends EventName>(name: K, payload: EventPayload<K>): void => {
    const checked = parse(BridgeEvents[name], payload);
    if (!checked.ok) {
      log.error(`event ${name} breaks the contract; not sent`, { issues: checked.issues });
      return;
    }
    for (const l of listeners) {
      try {
        l(name, checked.value);
      } catch (err) {
        log.warn(`an ${name} listener failed`, {
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
  };

  // Proxy sign-in prompts go to the renderer as bridge events; answers stay in memory only.
  const proxyAuth = new ProxyAuthBroker({ clock, emit, log });
  const hostFetch = options.makeFetch ? options.makeFetch(proxyAuth) : options.fetch;
  const quietProxyAuth: ProxyAuth = {
    ask: async () => undefined,
    remembered: (proxy) => proxyAuth.remembered(proxy),
    refused: () => undefined,
    waiting: () => false,
  };
  const probeFetch = options.makeFetch ? options.makeFetch(quietProxyAuth) : options.fetch;

  const history = await HistoryStore.open({
    path: historyPath(options.historyDir ?? options.userDataDir),
    log,
    now: () => clock.now(),
  });
  const recorder = recordHistory({
    session,
    environment: () => config.settings().environment,
    now: () => clock.now(),
    history,
  });

  const followUp = followSignIns({
    session,
    vault,
    config,
    log,
    emitAuthState: (state) => emit('authState', state),
    emitIdleWarning: (secondsLeft) => emit('idleWarning', { secondsLeft }),
  });

  // The host the terminal uses now: the session's, else the chosen environment's.
  const hostStatus = new HostStatusMonitor({
    clock,
    log,
    health: async () =>
      probeHostFor(session.current()?.target.environment ?? config.settings().environment).health(),
    onChange: (status) => emit('hostStatus', status),
    onReconnected: () => session.checkSession(),
    ...options.hostProbe,
  });
  void hostStatus.probeNow();

  const router = createRouter(
    createHandlers({
      mode: options.mode,
      appVersion: options.appVersion,
      userDataDir: options.userDataDir,
      versions: options.versions ?? { node: process.versions.node },
      config,
      session,
      vault,
      clock,
      log,
      hostFor,
      hostStatus,
      emit,
      proxyAuth,
      settled: () => followUp.settled(),
      history,
      diagnostics: {
        logDir,
        ...(options.crashDumpsDir !== undefined && { crashDumpsDir: options.crashDumpsDir }),
        ...(options.resolveProxy && { resolveProxy: options.resolveProxy }),
        policySource: policySource.location,
        // As hostFor decides: with a fetch given, every host goes through Chromium.
        transportFor: () => (hostFetch ? 'chromium' : 'node'),
      },
    }),
    log,
    (name, input, result) => recorder.callDone(name, input, result),
  );

  return {
    async call(name, input) {
      const result = await router.call(name, input);
      // Every call's outcome tells about the connection: a lost one shows at once, a refusal for
      // maintenance brings the window, and an answer while reconnecting ends the wait early.
      if (!result.ok && result.error.code === 'HOST_MAINTENANCE') void hostStatus.probeNow();
      else if (!result.ok)
        hostStatus.noteError(new CcmsError(result.error.code, result.error.message));
      else if (hostStatus.status().connection === 'reconnecting') void hostStatus.probeNow();
      return result;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lock: () => recorder.workstationLock(() => session.lock()),
    log,
    network: {
      ...(config.proxy() !== undefined && { proxy: config.proxy() }),
      proxySettings: config.proxySettings(),
      // The X.509 path builder (a third of the bundle's code) loads on the first chain Chromium
      // refuses, not at every start-up (BENCHMARKS.md).
      trustsCertificate: async (hostname, chainPems) => {
        const { chainTrustedByPolicy } = await import('./host/policy-trust.js');
        return chainTrustedByPolicy(hostname, chainPems, trustAnchors(config));
      },
    },
    async dispose() {
      // A prompt left open would hold the logout below until its timeout.
      proxyAuth.dispose();
      recorder.closing();
      hostStatus.dispose();
      // Quitting revokes the session, but a slow host must not hold the app open for long.
      if (session.current()) {
        let timer: NodeJS.Timeout | undefined;
        const giveUp = new Promise<void>((r) => (timer = setTimeout(r, DISPOSE_LOGOUT_MS).unref()));
        await Promise.race([session.logout().then(() => undefined), giveUp]);
        clearTimeout(timer);
      }
      await followUp.settled();
      // Every entry of this run reaches the disk before the process goes.
      await history.flush();
      session.dispose();
      listeners.clear();
      for (const h of [...hosts.values(), ...probeHosts.values()]) h.close();
      log.info('core stopped');
    },
  };
}
