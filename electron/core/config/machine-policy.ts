import * as z from 'zod';
import { EnvironmentId } from '../../../shared/bridge.js';

export { parseFieldwise, type FieldwiseResult } from './fieldwise.js';

/**
 * The registry value names IT sets under the policy key, one per policy field; they are also the
 * policy names in build/policy/ccms-terminal.admx. policy-texts.ts describes each in every
 * template language.
 */
export const POLICY_VALUE_NAMES = [
  'ProductionUrl',
  'ConnectivityTestUrl',
  'SimulatorUrl',
  'AllowedEnvironments',
  'ProxyMode',
  'Proxy',
  'ProxyPacUrl',
  'ProxyBypassList',
  'ExtraCaCertificates',
  'IdleTimeoutCeilingSec',
  'SharedDesk',
  'RememberUserId',
  'LogLevel',
] as const;
/** A registry value name of the machine policy. */
export type PolicyValueName = (typeof POLICY_VALUE_NAMES)[number];

/** The Group Policy categories the settings are shown under. */
export const POLICY_CATEGORIES = ['hosts', 'network', 'desk', 'support'] as const;
/** A Group Policy category. */
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

/** The registry type Group Policy writes for a field (what the ADMX element produces). */
export type PolicyRegistryType = 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_MULTI_SZ' | 'REG_DWORD';

interface FieldMetaBase {
  valueName: PolicyValueName;
  registryType: PolicyRegistryType;
  category: PolicyCategory;
  /** The terminal version that first reads the field (the templates' "supported on"). */
  since: string;
  /** The value of the .reg and JSON examples; absent: left out of them. */
  example?: unknown;
  /** The JSON example's value where it differs from the registry's (a path off Windows). */
  jsonExample?: unknown;
  /** For enums: the item that applies when not configured (the template's default item). */
  notConfigured?: string;
}

/**
 * How a field fails. Restricting: a value that is not valid, or a policy that cannot be read,
 * applies `mostRestrictive` (a typo must never lift a restriction). Harmless: a bad value is
 * ignored and the default applies.
 */
export type PolicyFieldMeta = FieldMetaBase &
  ({ restricting: false } | { restricting: true; mostRestrictive: unknown });

/** The per-field metadata of the machine policy schema; read by policy-fields.ts. */
export const policyMeta = z.registry<PolicyFieldMeta>();

const SINCE = '0.1';
/** The longest value a Group Policy text element takes, so every URL fits the templates' box. */
const MAX_URL = 1023;
const url = (protocol: RegExp, error: string) =>
  z.url({ protocol, error }).max(MAX_URL, { error: `must be at most ${MAX_URL} characters` });
const HttpsUrl = url(/^https$/, 'must be an https:// URL');

const hostUrl = (valueName: PolicyValueName, example?: string) =>
  HttpsUrl.optional().register(policyMeta, {
    valueName,
    registryType: 'REG_SZ',
    category: 'hosts',
    since: SINCE,
    restricting: false,
    ...(example !== undefined && { example }),
  });

/**
 * One proxy bypass rule as Chromium reads them: a host name with `*` wildcards and an optional
 * scheme and port, a bracketed IPv6 address, an address range with a prefix length, or `<local>`.
 * Spaces, commas and semicolons are never part of one, so two rules typed on one line fail here.
 */
const BYPASS_RULE =
  /^(?:<local>|<-loopback>|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*|\.?[a-z0-9*-]+(?:\.[a-z0-9*-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?|[0-9a-f:.[\]]+\/\d{1,3})$/i;

/** What IT sets for every user of the machine (Group Policy, registry, or a JSON file). */
export const MachinePolicy = z.strictObject({
  /** Host base URLs per environment. */
  hostUrls: z
    .strictObject({
      production: hostUrl('ProductionUrl', 'https://ccms.example.com'),
      'connectivity-test': hostUrl('ConnectivityTestUrl', 'https://ccms-test.example.com'),
      simulator: hostUrl('SimulatorUrl'),
    })
    .optional(),
  /** Environments the user may choose. */
  allowedEnvironments: z
    .array(EnvironmentId)
    .min(1, { error: 'must name at least one environment' })
    .optional()
    .register(policyMeta, {
      valueName: 'AllowedEnvironments',
      registryType: 'REG_MULTI_SZ',
      category: 'hosts',
      since: SINCE,
      restricting: true,
      mostRestrictive: ['production'],
      example: ['production', 'connectivity-test'],
    }),
  /** How the host is reached: the system's proxy settings, directly, `proxy`, or a PAC file. */
  proxyMode: z.enum(['system', 'direct', 'fixed', 'pac']).optional().register(policyMeta, {
    valueName: 'ProxyMode',
    registryType: 'REG_SZ',
    category: 'network',
    since: SINCE,
    restricting: false,
    notConfigured: 'system',
    example: 'fixed',
  }),
  /** An explicit proxy, `http://host:port` (proxy mode `fixed`, or no proxy mode set). */
  proxy: url(/^https?$/, 'must be an http:// or https:// URL')
    .optional()
    .register(policyMeta, {
      valueName: 'Proxy',
      registryType: 'REG_SZ',
      category: 'network',
      since: SINCE,
      restricting: false,
      example: 'http://proxy.example.com:8080',
    }),
  /** The proxy auto-configuration file of proxy mode `pac`. */
  proxyPacUrl: url(/^(https?|file)$/, 'must be an https://, http:// or file:// URL')
    .optional()
    .register(policyMeta, {
      valueName: 'ProxyPacUrl',
      registryType: 'REG_EXPAND_SZ',
      category: 'network',
      since: SINCE,
      restricting: false,
    }),
  /** Hosts reached without the proxy of proxy mode `fixed`. */
  proxyBypassList: z
    .array(
      z
        .string()
        .max(253, { error: 'must be at most 253 characters' })
        .regex(BYPASS_RULE, { error: 'must be a host pattern such as *.example.com or <local>' }),
    )
    .max(100, { error: 'must have at most 100 entries' })
    .optional()
    .register(policyMeta, {
      valueName: 'ProxyBypassList',
      registryType: 'REG_MULTI_SZ',
      category: 'network',
      since: SINCE,
      restricting: false,
      example: ['*.corp.example', '<local>'],
    }),
  /** Extra CA certificates trusted on top of the system roots: PEM text or a path to a PEM file. */
  extraCaCertificates: z
    .array(z.string().min(1).max(200_000))
    .max(20, { error: 'must have at most 20 entries' })
    .optional()
    .register(policyMeta, {
      valueName: 'ExtraCaCertificates',
      registryType: 'REG_MULTI_SZ',
      category: 'network',
      since: SINCE,
      restricting: false,
      example: ['C:\\ProgramData\\CCMS Terminal\\corporate-proxy-ca.pem'],
      jsonExample: ['/etc/ccms-terminal/corporate-proxy-ca.pem'],
    }),
  /** The idle lock comes at the latest after this many seconds, whatever the host says. */
  idleTimeoutCeilingSec: z.number().int().min(60).max(86_400).optional().register(policyMeta, {
    valueName: 'IdleTimeoutCeilingSec',
    registryType: 'REG_DWORD',
    category: 'desk',
    since: SINCE,
    restricting: true,
    mostRestrictive: 60,
    example: 900,
  }),
  /** Shared desk: nothing is remembered on this machine (no user ID, no keychain entries). */
  sharedDesk: z.boolean().optional().register(policyMeta, {
    valueName: 'SharedDesk',
    registryType: 'REG_DWORD',
    category: 'desk',
    since: SINCE,
    restricting: true,
    mostRestrictive: true,
    example: false,
  }),
  /** Whether the sign-in screen offers the user ID last used here (shared desk overrides it). */
  rememberUserId: z.boolean().optional().register(policyMeta, {
    valueName: 'RememberUserId',
    registryType: 'REG_DWORD',
    category: 'desk',
    since: SINCE,
    restricting: true,
    mostRestrictive: false,
    example: true,
  }),
  /** The least severe log level written. */
  logLevel: z.enum(['error', 'warn', 'info', 'debug']).optional().register(policyMeta, {
    valueName: 'LogLevel',
    registryType: 'REG_SZ',
    category: 'support',
    since: SINCE,
    restricting: false,
    notConfigured: 'info',
    example: 'info',
  }),
});
/** What IT sets for every user of the machine. */
export type MachinePolicy = z.infer<typeof MachinePolicy>;
