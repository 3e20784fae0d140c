import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EnvironmentId, UserSettings, type PolicyState } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import {
  proxyPolicy,
  resolvePolicy,
  type EffectivePolicy,
  type ProxyPolicy,
} from './effective-policy.js';
import type { MachinePolicy } from './machine-policy.js';
import type { PolicySource } from './policy-read.js';
import { loadUserSettings, saveUserSettings, settingsPath } from './user-settings.js';

/** Placeholders until IT's policy names the real hosts; `.invalid` never resolves. */
export const DEFAULT_HOST_URLS: Record<Exclude<EnvironmentId, 'simulator'>, string> = {
  production: 'https://ccms.example.invalid',
  'connectivity-test': 'https://ccms-test.example.invalid',
};

/** Where an environment's host is and which CAs vouch for it. */
export interface HostTarget {
  environment: EnvironmentId;
  url: string;
  caPems: string[];
  proxy?: string;
}

/** How the configuration is loaded. */
export interface ConfigOptions {
  userDataDir: string;
  policySource: PolicySource;
  /** The embedded simulator, the default host of the `simulator` environment. */
  simulatorHost?: { url: string; caCertPem: string };
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Turns the policy's CA entries (PEM text or file paths) into checked PEM certificates. */
async function loadCas(
  entries: string[],
  location: string,
): Promise<{ pems: string[]; problems: string[] }> {
  const pems: string[] = [];
  const problems: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const where = `${location}: "extraCaCertificates.${i}"`;
    let text = entry;
    if (!entry.includes('-----BEGIN')) {
      try {
        text = await readFile(entry, 'utf8');
      } catch (err) {
        problems.push(
          `${where} names ${entry}, which cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); it is ignored.`,
        );
        continue;
      }
    }
    const blocks = text.match(PEM_BLOCK) ?? [];
    if (blocks.length === 0) problems.push(`${where} holds no PEM certificate; it is ignored.`);
    for (const pem of blocks) {
      try {
        new X509Certificate(pem);
        pems.push(pem);
      } catch {
        problems.push(`${where} holds a certificate that cannot be parsed; it is ignored.`);
      }
    }
  }
  return { pems, problems };
}

const remembersUserId = (p: Partial<MachinePolicy>) =>
  !(p.sharedDesk ?? false) && (p.rememberUserId ?? true);

/** Machine policy over user settings: what the core is allowed to do and where it connects. */
export class ConfigStore {
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly opts: ConfigOptions,
    private readonly effective: EffectivePolicy,
    private readonly caPems: string[],
    private readonly allowed: EnvironmentId[],
    private current: UserSettings,
    private readonly loadProblems: string[],
  ) {}

  /** Loads policy and settings; never throws for bad files (they become `problems()`). */
  static async load(opts: ConfigOptions): Promise<ConfigStore> {
    const effective = resolvePolicy(await opts.policySource.read(), opts.policySource);
    const policy = effective.values;
    const problems = [...effective.problems];
    const cas = await loadCas(policy.extraCaCertificates ?? [], opts.policySource.location);
    problems.push(...cas.problems);

    const reachable = (env: EnvironmentId) =>
      env !== 'simulator' || !!(policy.hostUrls?.simulator ?? opts.simulatorHost);
    let allowed = (policy.allowedEnvironments ?? EnvironmentId.options).filter(reachable);
    allowed = [...new Set(allowed)];
    if (allowed.length === 0) {
      problems.push(
        `${opts.policySource.location}: no allowed environment has a host; Production is offered instead.`,
      );
      allowed = ['production'];
    }
    const preferred: EnvironmentId =
      allowed.includes('simulator') && opts.simulatorHost
        ? 'simulator'
        : (allowed[0] ?? 'production');
    // No language until the user chooses one: the renderer follows the OS's (shared/bridge.ts).
    const defaults: UserSettings = { environment: preferred };
    const path = settingsPath(opts.userDataDir);
    const loaded = await loadUserSettings(path, defaults);
    problems.push(...loaded.problems);
    const settings = { ...loaded.settings };
    if (!allowed.includes(settings.environment)) {
      problems.push(
        `${path}: environment "${settings.environment}" is not allowed by the machine policy; ${preferred} is used.`,
      );
      settings.environment = preferred;
    }
    if (!remembersUserId(policy)) delete settings.lastUserId;
    return new ConfigStore(opts, effective, cas.pems, allowed, settings, problems);
  }

  settings(): UserSettings {
    return { ...this.current };
  }
  problems(): string[] {
    return [...this.loadProblems];
  }
  /** Adds problems found while starting (shown with the configuration's in AppInfo). */
  addProblems(problems: string[]): void {
    this.loadProblems.push(...problems);
  }
  allowedEnvironments(): EnvironmentId[] {
    return [...this.allowed];
  }
  /** The machine policy applied: its values, where it came from, whether it could be read. */
  get policy(): Partial<MachinePolicy> {
    return this.effective.values;
  }
  /** Where the policy came from and whether it could be read, for Settings and the connectivity check. */
  policyState(): PolicyState {
    const { status, source, problems } = this.effective;
    return { status, source, problems: [...problems] };
  }
  sharedDesk(): boolean {
    return this.policy.sharedDesk ?? false;
  }
  /** Whether the last user ID is kept for the sign-in screen (never on a shared desk). */
  rememberUserId(): boolean {
    return remembersUserId(this.policy);
  }
  logLevel(): 'error' | 'warn' | 'info' | 'debug' {
    return this.policy.logLevel ?? 'info';
  }
  idleCeilingSec(): number | undefined {
    return this.policy.idleTimeoutCeilingSec;
  }
  /** The policy's extra CA certificates (checked PEM). */
  extraCaPems(): string[] {
    return [...this.caPems];
  }
  /** The policy's explicit proxy, when its proxy mode uses one. */
  proxy(): string | undefined {
    return this.proxySettings().proxy;
  }
  /** The proxy mode the policy asks for, with the proxy, PAC file and bypass rules it uses. */
  proxySettings(): ProxyPolicy {
    return proxyPolicy(this.policy);
  }

  /** Where `env`'s host is; CONFIG_INVALID when the policy does not allow it. */
  hostTarget(env: EnvironmentId): HostTarget {
    if (!this.allowed.includes(env)) {
      throw new CcmsError(
        'CONFIG_INVALID',
        `The environment ${env} is not allowed on this machine.`,
        { field: 'environment' },
      );
    }
    const explicit = this.proxy();
    const proxy = explicit === undefined ? {} : { proxy: explicit };
    const fromPolicy = this.policy.hostUrls?.[env];
    if (env === 'simulator') {
      const sim = this.opts.simulatorHost;
      const url = fromPolicy ?? sim?.url;
      if (!url)
        throw new CcmsError('CONFIG_INVALID', 'No simulator host is configured.', {
          field: 'environment',
        });
      const simCa = sim && url === sim.url ? [sim.caCertPem] : [];
      return { environment: env, url, caPems: [...simCa, ...this.caPems], ...proxy };
    }
    return {
      environment: env,
      url: fromPolicy ?? DEFAULT_HOST_URLS[env],
      caPems: [...this.caPems],
      ...proxy,
    };
  }

  /** Applies a change from the user (policy may refuse it) and writes it atomically, one at a time. */
  update(patch: Partial<UserSettings>): Promise<UserSettings> {
    // Serialized so two changes (the user's and the remembered user ID) never overwrite each other.
    const run = this.writes.then(() => this.apply(patch));
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async apply(patch: Partial<UserSettings>): Promise<UserSettings> {
    if (patch.environment !== undefined && !this.allowed.includes(patch.environment)) {
      throw new CcmsError(
        'CONFIG_INVALID',
        `The environment ${patch.environment} is not allowed on this machine.`,
        { field: 'environment' },
      );
    }
    const next: UserSettings = UserSettings.parse({ ...this.current, ...patch });
    // Shared desk or no remembering: nothing about who used the machine is kept.
    if (!this.rememberUserId()) delete next.lastUserId;
    const path = settingsPath(this.opts.userDataDir);
    try {
      await saveUserSettings(path, next);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      throw new CcmsError(
        'CONFIG_INVALID',
        `The settings could not be saved to ${path} (${code}).`,
      );
    }
    this.current = next;
    return this.settings();
  }
}
