import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** What reading the machine policy found. */
export type PolicyRead =
  { kind: 'absent' } | { kind: 'ok'; raw: unknown } | { kind: 'unreadable'; message: string };

/** Where the machine policy comes from: the Windows registry or a JSON file. */
export interface PolicySource {
  /** Names the source in messages (a file path or a registry key). */
  readonly location: string;
  read(): Promise<PolicyRead>;
}

/** The registry key Group Policy writes to. */
export const POLICY_REGISTRY_KEY = 'HKLM\\SOFTWARE\\Policies\\CCMS Terminal Project\\CCMS Terminal';

/** The default policy file where there is no registry. */
export function defaultPolicyFile(platform: NodeJS.Platform): string {
  return platform === 'darwin'
    ? '/Library/Application Support/CCMS Terminal/policy.json'
    : '/etc/ccms-terminal/policy.json';
}

/** A JSON policy file; a missing file means no policy. */
export function createFilePolicySource(path: string): PolicySource {
  return {
    location: path,
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return { kind: 'absent' };
        return {
          kind: 'unreadable',
          message: `${path}: cannot be read (${code ?? 'error'}); the default policy is used.`,
        };
      }
      try {
        return { kind: 'ok', raw: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
      } catch (err) {
        return {
          kind: 'unreadable',
          message: `${path}: is not valid JSON (${(err as Error).message}); the default policy is used.`,
        };
      }
    },
  };
}

/** Runs `reg.exe` with arguments; injectable so the parser is tested on any OS. */
export type RegRunner = (args: string[]) => Promise<{ code: number; stdout: string }>;

const runReg: RegRunner = (args) =>
  new Promise((resolve) => {
    execFile('reg', args, { windowsHide: true, timeout: 10_000 }, (err, stdout) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout: String(stdout) });
    });
  });

type RegValue = { type: string; data: string };

/** Parses `reg query` output into value name → typed data. */
export function parseRegQuery(stdout: string): Map<string, RegValue> {
  const values = new Map<string, RegValue>();
  for (const line of stdout.split(/\r?\n/)) {
    // reg.exe separates name, type and data with four spaces; names may hold single spaces.
    const m = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (m?.[1] && m[2]) values.set(m[1], { type: m[2], data: m[3] ?? '' });
  }
  return values;
}

const list = (v: RegValue) =>
  (v.type === 'REG_MULTI_SZ' ? v.data.split('\\0') : v.data.split(/[;,]/))
    .map((s) => s.trim())
    .filter(Boolean);
const dword = (v: RegValue): unknown =>
  v.type === 'REG_DWORD' ? Number.parseInt(v.data, 16) : v.data;
const bool = (v: RegValue): unknown => {
  const n = dword(v);
  return n === 1 ? true : n === 0 ? false : v.data;
};

/** Maps the registry value names IT sets (see build/ policy templates) to the policy document. */
export function registryToPolicy(values: Map<string, RegValue>): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  const hostUrls: Record<string, string> = {};
  for (const [name, v] of values) {
    switch (name) {
      case 'ProductionUrl':
        hostUrls['production'] = v.data;
        break;
      case 'ConnectivityTestUrl':
        hostUrls['connectivity-test'] = v.data;
        break;
      case 'SimulatorUrl':
        hostUrls['simulator'] = v.data;
        break;
      case 'ExtraCaCertificates':
        doc['extraCaCertificates'] = list(v);
        break;
      case 'Proxy':
        doc['proxy'] = v.data;
        break;
      case 'AllowedEnvironments':
        doc['allowedEnvironments'] = list(v);
        break;
      case 'IdleTimeoutCeilingSec':
        doc['idleTimeoutCeilingSec'] = dword(v);
        break;
      case 'LogLevel':
        doc['logLevel'] = v.data;
        break;
      case 'SharedDesk':
        doc['sharedDesk'] = bool(v);
        break;
      default:
        doc[name] = v.data; // reported as an unknown setting
    }
  }
  if (Object.keys(hostUrls).length > 0) doc['hostUrls'] = hostUrls;
  return doc;
}

/** The Windows machine policy under `HKLM\SOFTWARE\Policies\CCMS Terminal Project\CCMS Terminal`. */
export function createRegistryPolicySource(run: RegRunner = runReg): PolicySource {
  return {
    location: POLICY_REGISTRY_KEY,
    async read() {
      const { code, stdout } = await run(['query', POLICY_REGISTRY_KEY]);
      // reg.exe exits 1 when the key does not exist: no policy was set.
      if (code !== 0) return { kind: 'absent' };
      return { kind: 'ok', raw: registryToPolicy(parseRegQuery(stdout)) };
    },
  };
}

/** Picks the policy source: explicit file, else the registry on Windows, else `CCMS_POLICY_FILE` or the default file. */
export function defaultPolicySource(
  opts: { file?: string; platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv } = {},
): PolicySource {
  const platform = opts.platform ?? process.platform;
  if (opts.file) return createFilePolicySource(opts.file);
  // On Windows the policy is IT's registry key only: a user-set variable must not replace it.
  if (platform === 'win32') return createRegistryPolicySource();
  const fromEnv = (opts.env ?? process.env)['CCMS_POLICY_FILE'];
  return createFilePolicySource(fromEnv && fromEnv.trim() ? fromEnv : defaultPolicyFile(platform));
}
