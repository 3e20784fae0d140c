// The bridge calls of the connectivity check and the support bundle: the check runs on the host
// client the sign-in uses (`hostFor`), with the system's proxy answer (`resolveProxy`) and the
// facts the hotline needs at the top of its report.
import { join } from 'node:path';
import type {
  AuthState,
  DiagnosticReport,
  EnvironmentId,
  EventName,
  EventPayload,
} from '../../../shared/bridge.js';
import type { BridgeHandlers } from '../bridge/router.js';
import type { ConfigStore } from '../config/config-store.js';
import type { Vault } from '../vault/vault.js';
import type { Transport } from './judge-host.js';
import type { ResolveProxy } from './proxy-step.js';
import type { HealthSource } from './real-path.js';
import { osName, policySection, reportFacts, type PolicyView } from './report-facts.js';
import { runDiagnostics, saveReport } from './run-diagnostics.js';

/** How the composition root wires the check (create-core.ts). */
export interface DiagnosticsWiring {
  /** The log folder the bundle collects. */
  logDir: string;
  /** Crashpad's folder; its newest `*.dmp` files go into the bundle. */
  crashDumpsDir?: string;
  /** Electron's `session.defaultSession.resolveProxy`. */
  resolveProxy?: ResolveProxy;
  /** Where the machine policy is read from (a registry key or a file). */
  policySource: string;
  /** Which transport `hostFor(env)` uses. */
  transportFor(env: EnvironmentId): Transport;
}

/** What the diagnostics handlers use (a subset of the bridge handlers' deps). */
export interface DiagnosticsHandlerDeps {
  mode: 'electron' | 'browser';
  appVersion: string;
  userDataDir: string;
  versions: Record<string, string>;
  config: ConfigStore;
  session: { state(): AuthState };
  vault: Vault;
  clock: { now(): number };
  hostFor(env: EnvironmentId): HealthSource;
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  diagnostics: DiagnosticsWiring;
}

/** A report older than this is checked again before it goes into a bundle. */
const REPORT_FRESH_MS = 10 * 60_000;

type DiagnosticsCalls = Pick<
  BridgeHandlers,
  'runDiagnostics' | 'saveDiagnostics' | 'saveSupportBundle'
>;

/** The connectivity check's bridge calls. */
export function createDiagnosticsHandlers(d: DiagnosticsHandlerDeps): DiagnosticsCalls {
  let last: { report: DiagnosticReport; at: number } | undefined;
  const dir = join(d.userDataDir, 'diagnostics');
  // The effective policy with where it came from and whether it could be read (fail closed).
  const policy = (): PolicyView => {
    const state = d.config.policyState();
    return {
      source: state.source,
      status: state.status,
      values: d.config.policy as Record<string, unknown>,
      problems: state.problems,
    };
  };
  // Every runtime version the glue passed (Electron passes process.versions: electron, chrome, node …).
  const versions = (): Record<string, string> => ({
    'Terminal version': d.appVersion,
    Mode: d.mode,
    OS: osName(),
    ...d.versions,
  });

  const check = async (): Promise<DiagnosticReport> => {
    const environment = d.config.settings().environment;
    const state = d.session.state();
    const user = state.step === 'signedIn' || state.step === 'locked' ? state.user : undefined;
    const report = await runDiagnostics(d.config.hostTarget(environment), {
      host: d.hostFor(environment),
      transport: d.diagnostics.transportFor(environment),
      vault: d.vault,
      clock: d.clock,
      onProgress: (step) => d.emit('diagnosticsProgress', step),
      ...(d.diagnostics.resolveProxy && { resolveProxy: d.diagnostics.resolveProxy }),
      about: reportFacts({
        appVersion: d.appVersion,
        mode: d.mode,
        versions: d.versions,
        environment,
        ...(user && { user }),
        now: d.clock.now(),
      }),
      sections: [policySection(policy())],
    });
    last = { report, at: d.clock.now() };
    return report;
  };

  return {
    runDiagnostics: check,
    saveDiagnostics: async ({ text }) => ({ path: await saveReport(dir, text) }),
    saveSupportBundle: async () => {
      const environment = d.config.settings().environment;
      const fresh =
        last &&
        last.report.environment === environment &&
        d.clock.now() - last.at < REPORT_FRESH_MS;
      const report = fresh && last ? last.report : await check();
      const section = policySection(policy());
      // The zip writer loads with the first bundle, not at every start-up (BENCHMARKS.md).
      const { saveSupportBundle } = await import('./support-bundle.js');
      return saveSupportBundle({
        dir,
        logDir: d.diagnostics.logDir,
        ...(d.diagnostics.crashDumpsDir !== undefined && {
          crashDumpsDir: d.diagnostics.crashDumpsDir,
        }),
        reportText: report.text,
        policyLines: [`${section.heading}:`, ...section.lines],
        versions: versions(),
        now: d.clock.now(),
      });
    },
  };
}
