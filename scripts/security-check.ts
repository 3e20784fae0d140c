// The static Electron security check run by `npm test`: @doyensec/electronegativity over electron/
// (offline, told the Electron version from package.json), plus our own automated review of the
// preload. Exit 1 on any finding, each printed.
//
// One electronegativity rule, PRELOAD_JS_CHECK, flags every window that has a preload at all and
// asks for a manual review. We do that review as code (reviewPreload below) on every run: the
// finding is accepted only while the preload passes it. AvailableSecurityFixesGlobalCheck is
// skipped: it downloads Electron's release list, and the check must be offline and repeatable.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One finding of the check. */
export interface Finding {
  check: string;
  file: string;
  line: number;
  message: string;
}

/** What the check found, and the findings it accepted after the automated preload review. */
export interface SecurityReport {
  findings: Finding[];
  accepted: Array<Finding & { reason: string }>;
}

/** The Electron version from package.json (`^45.5.0` → `45.5.0`). */
export function electronVersion(pkgFile = path.join(ROOT, 'package.json')): string {
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as {
    devDependencies?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
  const range = pkg.devDependencies?.['electron'] ?? pkg.dependencies?.['electron'];
  const version = range?.match(/\d+\.\d+\.\d+/)?.[0];
  if (!version)
    throw new Error(`package.json: no electron version found (got ${JSON.stringify(range)})`);
  return version;
}

interface Sarif {
  runs: Array<{
    results?: Array<{
      ruleId: string;
      message: { text: string };
      locations?: Array<{
        physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } };
      }>;
    }>;
  }>;
}

/** Runs electronegativity on `dir` and returns its findings. */
export async function runElectronegativity(dir: string, version: string): Promise<Finding[]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-security-'));
  const sarifFile = path.join(out, 'electronegativity.sarif');
  try {
    const bin = path.join(
      ROOT,
      'node_modules',
      '@doyensec',
      'electronegativity',
      'dist',
      'index.js',
    );
    await run(
      process.execPath,
      [
        bin,
        '-i',
        dir,
        '-e',
        version,
        '-x',
        'AvailableSecurityFixesGlobalCheck',
        '-o',
        sarifFile,
        '-r',
        '-v',
        'false',
      ],
      {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    if (!fs.existsSync(sarifFile)) throw new Error('electronegativity wrote no report');
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as Sarif;
    return sarif.runs.flatMap((r) =>
      (r.results ?? []).map((res) => {
        const loc = res.locations?.[0]?.physicalLocation;
        return {
          check: res.ruleId,
          file: loc?.artifactLocation?.uri ?? 'N/A',
          line: loc?.region?.startLine ?? 0,
          message: res.message.text,
        };
      }),
    );
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const PRELOAD_IMPORTS: Record<string, Set<string>> = {
  electron: new Set(['contextBridge', 'ipcRenderer', 'IpcRendererEvent']),
  '../shared/bridge.js': new Set(['CcmsBridge']),
  '../shared/ipc-channels.js': new Set(['IPC_CALL_CHANNEL', 'IPC_EVENT_CHANNEL']),
};
const IPC_METHODS = new Set(['invoke', 'on', 'removeListener']);
const FORBIDDEN_NAMES = new Set([
  'require',
  'process',
  'eval',
  'Function',
  'webFrame',
  'sendSync',
  'sendTo',
  'sendToHost',
  'postMessage',
]);

/**
 * The automated review of the preload: it imports only contextBridge/ipcRenderer and the contract's
 * channel names; exposes exactly `window.ccms`; uses ipcRenderer only to invoke, listen and stop
 * listening on the contract's two channels; never hands ipcRenderer (or Node) to the page.
 */
export function reviewPreload(file: string): string[] {
  if (!fs.existsSync(file)) return [`${file}: no preload to review`];
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const problems: string[] = [];
  const at = (n: ts.Node) =>
    `${path.basename(file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  let exposures = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const allowed = PRELOAD_IMPORTS[node.moduleSpecifier.text];
      const named = node.importClause?.namedBindings;
      if (!allowed) problems.push(`${at(node)}: imports ${node.moduleSpecifier.text}`);
      else if (node.importClause?.name || !named || !ts.isNamedImports(named))
        problems.push(`${at(node)}: only named imports are allowed`);
      else
        for (const el of named.elements)
          if (!allowed.has(el.name.text)) problems.push(`${at(el)}: imports ${el.name.text}`);
    }
    if (ts.isIdentifier(node) && FORBIDDEN_NAMES.has(node.text))
      problems.push(`${at(node)}: uses ${node.text}`);
    if (
      ts.isIdentifier(node) &&
      node.text === 'ipcRenderer' &&
      !ts.isImportSpecifier(node.parent)
    ) {
      const access = node.parent;
      const call = access.parent;
      const ok =
        ts.isPropertyAccessExpression(access) &&
        access.expression === node &&
        IPC_METHODS.has(access.name.text) &&
        ts.isCallExpression(call) &&
        call.expression === access &&
        call.arguments[0] !== undefined &&
        ts.isIdentifier(call.arguments[0]) &&
        ['IPC_CALL_CHANNEL', 'IPC_EVENT_CHANNEL'].includes(call.arguments[0].text);
      if (!ok)
        problems.push(
          `${at(node)}: ipcRenderer used other than invoke/on/removeListener on the contract's channels`,
        );
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text.startsWith('exposeIn')
    ) {
      exposures++;
      const [name, value] = node.arguments;
      const main = node.expression.name.text === 'exposeInMainWorld';
      if (!main || !name || !ts.isStringLiteral(name) || name.text !== 'ccms')
        problems.push(`${at(node)}: exposes something other than window.ccms`);
      if (!value || !ts.isIdentifier(value) || value.text === 'ipcRenderer')
        problems.push(`${at(node)}: must expose a named bridge object`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (exposures !== 1)
    problems.push(
      `${path.basename(file)}: expected exactly one exposeInMainWorld('ccms', …), found ${exposures}`,
    );
  return problems;
}

/**
 * The review behind accepting CERTIFICATE_VERIFY_PROC_JS_CHECK: host-network.ts may install a
 * verify proc only to ADD the machine policy's CAs. Every answer it gives must be Chromium's own
 * verdict or a trust decided by NetworkPolicy.trustsCertificate; never a blanket 0 (trust).
 */
export function reviewCertificateVerifyProc(file: string): string[] {
  if (!fs.existsSync(file)) return [`${path.basename(file)} is missing`];
  const text = fs.readFileSync(file, 'utf8');
  const problems: string[] = [];
  const answers = [...text.matchAll(/callback\(([^)]*)\)/g)].map((m) => (m[1] ?? '').trim());
  const allowed = new Set(['USE_CHROMIUM_RESULT', 'trusted ? TRUST : USE_CHROMIUM_RESULT']);
  for (const a of answers)
    if (!allowed.has(a))
      problems.push(`${path.basename(file)}: verify proc answers callback(${a})`);
  if (answers.length === 0) problems.push(`${path.basename(file)}: no verify proc answer found`);
  if (!/const trusted = (await )?network\.trustsCertificate\(/.test(text))
    problems.push(
      `${path.basename(file)}: trust is not decided by NetworkPolicy.trustsCertificate`,
    );
  if (!/const USE_CHROMIUM_RESULT = -3;/.test(text) || !/const TRUST = 0;/.test(text))
    problems.push(`${path.basename(file)}: verdict constants changed`);
  return problems;
}

/** What a CSP must say for the app's window (one directive list, the app's only one). */
export function reviewCspPolicy(policy: string): string[] {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name as string, values]),
  );
  const problems: string[] = [];
  const must = (name: string, value: string) => {
    if (directives.get(name)?.join(' ') !== value) problems.push(`CSP ${name} is not ${value}`);
  };
  must('default-src', "'none'");
  must('object-src', "'none'");
  must('base-uri', "'none'");
  must('frame-ancestors', "'none'");
  must('form-action', "'none'");
  const scripts = directives.get('script-src');
  if (!scripts) problems.push('CSP has no script-src');
  for (const v of scripts ?? [])
    if (/unsafe|\*|^data:|^https?:$|^blob:/.test(v)) problems.push(`CSP script-src allows ${v}`);
  for (const [name, values] of directives)
    if (values.some((v) => v === '*' || v === "'unsafe-eval'"))
      problems.push(`CSP ${name} allows ${values.join(' ')}`);
  return problems;
}

/**
 * The review behind accepting CSP_GLOBAL_CHECK: electronegativity can only read a CSP written out
 * as a literal, and the app keeps one CSP (app-origin.ts CONTENT_SECURITY_POLICY) rather than a
 * copy. So the check here: web-security.ts sets exactly that constant on the window's session,
 * and the constant itself says what a CSP of the app must say (reviewCspPolicy).
 */
export async function reviewCsp(dir: string): Promise<string[]> {
  const session = path.join(dir, 'web-security.ts');
  const origin = path.join(dir, 'app-origin.ts');
  if (!fs.existsSync(session) || !fs.existsSync(origin))
    return ['web-security.ts or app-origin.ts is missing'];
  const text = fs.readFileSync(session, 'utf8');
  const problems: string[] = [];
  if (!/'Content-Security-Policy': \[CONTENT_SECURITY_POLICY\]/.test(text))
    problems.push('web-security.ts does not set CONTENT_SECURITY_POLICY as the CSP header');
  if (!/import \{[^}]*\bCONTENT_SECURITY_POLICY\b[^}]*\} from '\.\/app-origin\.js'/.test(text))
    problems.push('web-security.ts does not take CONTENT_SECURITY_POLICY from app-origin.ts');
  const mod = (await import(pathToFileURL(origin).href)) as { CONTENT_SECURITY_POLICY?: unknown };
  if (typeof mod.CONTENT_SECURITY_POLICY !== 'string')
    return [...problems, 'app-origin.ts exports no CONTENT_SECURITY_POLICY'];
  return [...problems, ...reviewCspPolicy(mod.CONTENT_SECURITY_POLICY)];
}

/** The whole check over an electron/ folder. */
export async function runSecurityCheck(dir: string, version: string): Promise<SecurityReport> {
  const raw = await runElectronegativity(dir, version);
  const preloadProblems = reviewPreload(path.join(dir, 'preload.ts'));
  const findings: Finding[] = [];
  const accepted: SecurityReport['accepted'] = [];
  const verifyProcProblems = reviewCertificateVerifyProc(path.join(dir, 'host-network.ts'));
  const cspProblems = await reviewCsp(dir);
  for (const f of raw) {
    if (
      f.check === 'CSP_GLOBAL_CHECK' &&
      path.basename(f.file) === 'web-security.ts' &&
      cspProblems.length === 0
    ) {
      accepted.push({
        ...f,
        reason:
          "web-security.ts sets app-origin.ts's CONTENT_SECURITY_POLICY, which passed the automated CSP review (reviewCsp)",
      });
      continue;
    }
    if (f.check === 'PRELOAD_JS_CHECK' && preloadProblems.length === 0) {
      accepted.push({
        ...f,
        reason:
          'preload.ts passed the automated preload review (scripts/security-check.ts reviewPreload)',
      });
    } else if (
      f.check === 'CERTIFICATE_VERIFY_PROC_JS_CHECK' &&
      path.basename(f.file) === 'host-network.ts' &&
      verifyProcProblems.length === 0
    ) {
      accepted.push({
        ...f,
        reason:
          "host-network.ts only adds the policy's CAs to Chromium's verdict (reviewCertificateVerifyProc)",
      });
    } else findings.push(f);
  }
  if (raw.some((f) => f.check === 'CERTIFICATE_VERIFY_PROC_JS_CHECK')) {
    for (const p of verifyProcProblems)
      findings.push({
        check: 'CCMS_VERIFY_PROC_REVIEW',
        file: 'host-network.ts',
        line: 0,
        message: p,
      });
  }
  if (
    raw.some((f) => f.check === 'CSP_GLOBAL_CHECK' && path.basename(f.file) === 'web-security.ts')
  )
    for (const p of cspProblems)
      findings.push({ check: 'CCMS_CSP_REVIEW', file: 'web-security.ts', line: 0, message: p });
  if (raw.some((f) => f.check === 'PRELOAD_JS_CHECK')) {
    for (const p of preloadProblems)
      findings.push({ check: 'CCMS_PRELOAD_REVIEW', file: 'preload.ts', line: 0, message: p });
  }
  return { findings, accepted };
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'electron'));
  const version = electronVersion();
  const report = await runSecurityCheck(dir, version);
  for (const a of report.accepted)
    console.log(`accepted ${a.check} ${a.file}:${a.line}: ${a.reason}`);
  if (report.findings.length > 0) {
    for (const f of report.findings)
      console.error(`FINDING ${f.check} ${f.file}:${f.line}: ${f.message}`);
    console.error(
      `Electron security check: ${report.findings.length} finding(s) in ${dir} (Electron ${version}).`,
    );
    process.exit(1);
  }
  console.log(`Electron security check: no findings in ${dir} (Electron ${version}).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(
      `Electron security check could not run: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  });
}
