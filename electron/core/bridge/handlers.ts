import { join } from 'node:path';
import type {
  AppInfo,
  EnvironmentId,
  EventName,
  EventPayload,
  HostStatus,
} from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import type { ConfigStore } from '../config/config-store.js';
import {
  createDiagnosticsHandlers,
  type DiagnosticsWiring,
} from '../diagnostics/diagnostics-handlers.js';
import { createHistoryHandlers } from '../history/history-handlers.js';
import type { HistoryStore } from '../history/history-store.js';
import type { HostClient } from '../host/host-client.js';
import { auditQuery, exportAudit } from '../dms/audit-export.js';
import type { Logger } from '../logging/logger.js';
import type { ProxyAuthAnswer } from '../network/proxy-auth-broker.js';
import type { SessionManager } from '../session/session-manager.js';
import type { Vault } from '../vault/vault.js';
import type { Clock } from '../clock.js';
import type { BridgeHandlers } from './router.js';

/** What the handlers work with; built once by `createCore`. */
export interface HandlerDeps {
  mode: 'electron' | 'browser';
  appVersion: string;
  userDataDir: string;
  versions: Record<string, string>;
  config: ConfigStore;
  session: SessionManager;
  vault: Vault;
  clock: Clock;
  log: Logger;
  /** The host client of an environment (one per environment, made on first use). */
  hostFor(env: EnvironmentId): HostClient;
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  /** Whether the host answers, and its announced maintenance. */
  hostStatus: { status(): HostStatus };
  /** The proxy-credentials broker, which `answerProxyAuth` answers. */
  proxyAuth: { answer(answer: ProxyAuthAnswer): void };
  /** Resolves when the work following the last sign-in (remembering the user) is done. */
  settled(): Promise<void>;
  /** The connectivity check's and the support bundle's wiring. */
  diagnostics: DiagnosticsWiring;
  /** This workstation's history (history/history-store.ts). */
  history: HistoryStore;
}

/** Every call of the bridge contract, wired to the core's parts. */
export function createHandlers(d: HandlerDeps): BridgeHandlers {
  const appInfo = async (): Promise<AppInfo> => {
    await d.settled();
    return {
      version: d.appVersion,
      mode: d.mode,
      platform: process.platform,
      versions: d.versions,
      settings: d.config.settings(),
      allowedEnvironments: d.config.allowedEnvironments(),
      sharedDesk: d.config.sharedDesk(),
      configProblems: d.config.problems(),
      policy: d.config.policyState(),
      keychainAvailable: await d.vault.isAvailable(),
    };
  };
  const authed = <T>(fn: (host: HostClient, token: string) => Promise<T>) =>
    // The session's host is the environment's one client (hostFor caches it): no downcast needed.
    d.session.withSession((token, target) => fn(d.hostFor(target.environment), token));

  return {
    getAppInfo: appInfo,
    getHostStatus: async () => d.hostStatus.status(),
    getAuthState: async () => {
      d.session.catchUp();
      return d.session.state();
    },
    login: async ({ userId, password }) => {
      const environment = d.config.settings().environment;
      return d.session.login({ host: d.hostFor(environment), environment }, userId, password);
    },
    submitOtp: ({ code }) => d.session.submitOtp(code),
    resendOtp: () => d.session.resendOtp(),
    cancelLogin: () => d.session.cancelLogin(),
    initSetPassword: ({ newPassword }) => d.session.initSetPassword(newPassword),
    initChooseChannel: ({ channel }) => d.session.initChooseChannel(channel),
    initResendEmail: () => d.session.initResendEmail(),
    initConfirm: ({ code }) => d.session.initConfirm(code),
    unlock: ({ code }) => d.session.unlock(code),
    sendUnlockCode: () => d.session.sendUnlockCode(),
    reportActivity: async () => {
      await d.session.reportActivity();
      return {};
    },
    logout: () => d.session.logout(),
    answerProxyAuth: async (answer) => {
      d.proxyAuth.answer(answer);
      return {};
    },
    getTerminalSummary: () => authed((host, token) => host.terminalSummary(token)),
    dmsListUsers: () => authed((host, token) => host.dmsUsers(token)),
    dmsListRequests: ({ status }) => authed((host, token) => host.dmsListRequests(token, status)),
    dmsCreateRequest: (input) => authed((host, token) => host.dmsCreateRequest(token, input)),
    dmsApprovalCode: ({ id }) => authed((host, token) => host.dmsApprovalCode(token, id)),
    dmsApprove: ({ id, code }) => authed((host, token) => host.dmsApprove(token, id, code)),
    dmsReject: ({ id, reason }) => authed((host, token) => host.dmsReject(token, id, reason)),
    dmsAudit: ({ limit, ...filter }) =>
      authed((host, token) => host.dmsAudit(token, auditQuery(filter, limit))),
    // Saved next to the connectivity reports' folder, the same way (files/save-text-file.ts).
    dmsExportAudit: (filter) =>
      authed((host, token) => exportAudit(host, token, filter, join(d.userDataDir, 'exports'))),
    updateSettings: async (patch) => {
      const current = d.config.settings();
      if (
        patch.environment !== undefined &&
        patch.environment !== current.environment &&
        d.session.state().step !== 'signedOut'
      ) {
        throw new CcmsError('WRONG_STATE', 'Sign out before changing the environment.', {
          field: 'environment',
        });
      }
      await d.config.update(patch);
      return appInfo();
    },
    forgetWorkstation: async () => {
      const removed = await d.vault.forgetAll();
      if (d.config.settings().lastUserId !== undefined)
        await d.config.update({ lastUserId: undefined });
      return { removed };
    },
    ...createDiagnosticsHandlers(d),
    ...createHistoryHandlers(d),
  };
}
