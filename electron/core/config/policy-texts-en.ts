import type { TemplateTexts } from './policy-texts.js';

const PLACEHOLDER =
  'the address built into the terminal is a placeholder that never resolves, so this environment cannot be reached until its address is set here.';

/** The English (en-US) texts of the Group Policy templates. */
export const EN_US: TemplateTexts = {
  displayName: 'CCMS Terminal',
  description:
    'Machine policy of the CCMS Terminal, the clearing participant desk client. The terminal reads it when it starts: restart the terminal after a change.',
  root: 'CCMS Terminal',
  supportedOn: 'CCMS Terminal {{version}} and later',
  categories: {
    hosts: 'Hosts and environments',
    network: 'Network',
    desk: 'Workstation and sign-in',
    support: 'Support',
  },
  restrictingNote:
    'If this value is not valid, or the policy cannot be read at all, the most restrictive setting applies: {{whenInvalid}}. The terminal names the value in Settings.',
  harmlessNote:
    'A value that is not valid is ignored and the terminal behaves as if it were not configured; it names the value in Settings.',
  fields: {
    ProductionUrl: {
      name: 'Production host address',
      explain:
        'The https:// address of the CCMS production host, for example https://ccms.example.com (at most {{maxLength}} characters). The terminal adds /api/v1 itself.',
      notConfigured: `Not configured: ${PLACEHOLDER}`,
      label: 'Address (https://…):',
    },
    ConnectivityTestUrl: {
      name: 'Connectivity test host address',
      explain:
        "The https:// address of the clearing house's connectivity test host (at most {{maxLength}} characters). The terminal adds /api/v1 itself.",
      notConfigured: `Not configured: ${PLACEHOLDER}`,
      label: 'Address (https://…):',
    },
    SimulatorUrl: {
      name: 'Simulator host address',
      explain:
        'The https:// address of a CCMS host simulator used for training (at most {{maxLength}} characters). It is offered when "Allowed environments" lists simulator or is not configured.',
      notConfigured:
        'Not configured: the simulator environment is offered only where the terminal runs its own simulator (development builds, never the installed terminal).',
      label: 'Address (https://…):',
    },
    AllowedEnvironments: {
      name: 'Allowed environments',
      explain:
        'The environments users may choose, one per line: {{values}}. An environment is offered only when it has a host address.',
      notConfigured: 'Not configured: every environment that has a host address is offered.',
      label: 'Environments, one per line:',
      whenInvalid: 'only Production is offered',
    },
    ProxyMode: {
      name: 'Proxy mode',
      explain:
        'How the terminal reaches the CCMS host. "fixed" needs "Proxy server" and "pac" needs "PAC file address"; without them the Windows proxy settings are used and Settings says so.',
      notConfigured:
        'Not configured: the proxy in "Proxy server" when it is set, otherwise the Windows proxy settings (including PAC files and proxy authentication).',
      label: 'Mode:',
      items: {
        system: 'Windows proxy settings',
        direct: 'Direct connection (no proxy)',
        fixed: 'The proxy in "Proxy server"',
        pac: 'The PAC file in "PAC file address"',
      },
    },
    Proxy: {
      name: 'Proxy server',
      explain:
        'The proxy for the CCMS host, for example http://proxy.example.com:8080. Used when "Proxy mode" is fixed or not configured.',
      notConfigured: 'Not configured: no fixed proxy.',
      label: 'Proxy (http://host:port):',
    },
    ProxyPacUrl: {
      name: 'PAC file address',
      explain:
        'The address of a proxy auto-configuration (PAC) file: https://, http:// or file://, for example https://wpad.example.com/proxy.pac. Environment variables such as %ProgramData% are expanded. Used when "Proxy mode" is pac.',
      notConfigured: "Not configured: no PAC file of the terminal's own.",
      label: 'Address:',
    },
    ProxyBypassList: {
      name: 'Hosts reached without the proxy',
      explain:
        'Host patterns, one per line, that the terminal reaches directly when "Proxy mode" is fixed: a host name with * wildcards (*.example.com), an address range (10.0.0.0/8), or <local> for names without a dot. At most {{maxItems}} entries.',
      notConfigured: 'Not configured: every host is reached through the proxy.',
      label: 'Host patterns, one per line:',
    },
    ExtraCaCertificates: {
      name: 'Extra trusted CA certificates',
      explain:
        'Full paths of PEM files, one per line, with certificate authorities the terminal trusts for the CCMS host on top of the Windows certificate store: for a proxy that inspects TLS and re-signs the host certificate, or a test host with its own certificate authority. Environment variables are not expanded in this list. At most {{maxItems}} entries.',
      notConfigured: 'Not configured: only the Windows certificate store is trusted.',
      label: 'PEM file paths, one per line:',
    },
    IdleTimeoutCeilingSec: {
      name: 'Idle lock ceiling (seconds)',
      explain:
        'The terminal locks after at most this many seconds without activity, even if the host allows longer ({{min}} to {{max}}). A shorter idle timeout from the host still applies.',
      notConfigured: "Not configured: the host's idle timeout applies.",
      label: 'Seconds:',
      whenInvalid: 'the terminal locks after {{mostRestrictive}} seconds without activity',
    },
    SharedDesk: {
      name: 'Shared desk (remember nothing)',
      explain:
        'Enabled: the terminal keeps nothing on this workstation: no last user ID and no entries in the Windows Credential Manager. For desks shared by several operators.\n\nDisabled: the terminal remembers the last user ID (unless "Remember the last user ID" is disabled) and a per-workstation device credential in the Windows Credential Manager.',
      notConfigured: 'Not configured: as Disabled.',
      label: 'Shared desk',
      whenInvalid: 'shared desk is on',
    },
    RememberUserId: {
      name: 'Remember the last user ID',
      explain:
        'Enabled: the sign-in screen is filled in with the user ID last used on this workstation.\n\nDisabled: users type their user ID every time, and a remembered one is removed. "Shared desk", when enabled, overrides this setting.',
      notConfigured: 'Not configured: as Enabled.',
      label: 'Remember the last user ID',
      whenInvalid: 'the user ID is not remembered',
    },
    LogLevel: {
      name: 'Log level',
      explain:
        "How much the terminal writes to its log files (the logs folder in the user's application data). Passwords, one-time passwords and tokens are never written at any level.",
      notConfigured: 'Not configured: Information.',
      label: 'Level:',
      items: {
        error: 'Errors only',
        warn: 'Warnings and errors',
        info: 'Information',
        debug: 'Debug (for the DCASS Hotline)',
      },
    },
  },
};
