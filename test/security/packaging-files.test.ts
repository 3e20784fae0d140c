// What the installer really holds: electron-builder itself packs the Windows x64 app folder (the
// `dir` target, which the MSI is made from) with electron-builder.yml as it is, from a snapshot
// of this project, and the test lists resources/app.asar and app.asar.unpacked. Only what needs
// Windows is left out: the Electron binary is a stand-in file (STAND_IN_ELECTRON_EXE; Electron's
// binary cannot be downloaded here), so resource editing, signing, fuses and the asar integrity
// resource, which all rewrite that binary, are off. WiX, which compiles the MSI, runs on Windows
// only; the WiX project electron-builder would give it is generated and checked instead.
//
// The Windows keychain binding is an optional dependency npm installs only on Windows x64; the
// test fetches the real package at the version package-lock.json pins, checks it against the
// lockfile's integrity and stages it in the snapshot, never in this checkout's node_modules.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { Arch, Platform, build, type AfterPackContext } from 'electron-builder';
import msiTargetModule from 'app-builder-lib/out/targets/MsiTarget.js';
import { getEffectiveOptions } from 'app-builder-lib/out/options/CommonWindowsInstallerConfiguration.js';
import { WindowsSignToolManager } from 'app-builder-lib/out/codeSign/windowsSignToolManager.js';
import type { WinPackager } from 'app-builder-lib/out/winPackager.js';
import { build as viteBuild } from 'vite';
import { buildElectron } from '../../scripts/build-electron.js';

const run = promisify(execFile);
// A CommonJS `exports.default`: Vitest's interop unwraps it, Node's ESM loader (and TypeScript's
// view of it) does not.
const MsiTarget = 'default' in msiTargetModule ? msiTargetModule.default : msiTargetModule;
const ROOT = path.resolve(import.meta.dirname, '../..');
const BINDING = '@napi-rs/keyring-win32-x64-msvc';
const BINDING_NODE = `node_modules/${BINDING}/keyring.win32-x64-msvc.node`;
const REG_NODE = 'node_modules/native-reg/prebuilds/win32-x64/node.napi.node';
/** The only packages the app loads at run time (the bundle's externals and what they load). */
const RUNTIME_PACKAGES = ['@napi-rs/keyring', BINDING, 'native-reg', 'node-gyp-build'];
/** The simulator's dependencies, and packages the bundles already hold inside them. */
const NEVER = [
  'fastify',
  'better-sqlite3',
  'nodemailer',
  'smtp-server',
  '@node-rs/argon2',
  'ws',
  'axios',
  'electron-log',
  'react',
];

/** The content of the stand-in for electron.exe. */
const STAND_IN_ELECTRON_EXE =
  "stand-in for Electron's Windows binary, which cannot be downloaded here\n";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-packaging-files-'));
const project = path.join(tmp, 'project');
const output = path.join(tmp, 'release');

type Fetched = { ok: true; dir: string; integrity: string } | { ok: false; reason: string };

/** `npm pack` of the binding at package-lock.json's version, unpacked into `into`. */
async function fetchBinding(into: string): Promise<Fetched> {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string; integrity: string }>;
  };
  const pinned = lock.packages[`node_modules/${BINDING}`];
  if (!pinned) throw new Error(`package-lock.json does not pin ${BINDING}`);
  fs.mkdirSync(into, { recursive: true });
  try {
    const { stdout } = await run(
      'npm',
      // Few retries and a short timeout: without a registry the suite must still end quickly.
      [
        'pack',
        `${BINDING}@${pinned.version}`,
        '--json',
        '--pack-destination',
        into,
        '--fetch-retries=1',
        '--fetch-timeout=30000',
      ],
      { cwd: into, timeout: 60_000, shell: process.platform === 'win32' },
    );
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    const tgz = path.join(into, packed?.filename ?? '');
    const digest = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tgz)).digest('base64')}`;
    // An integrity mismatch is not "unreachable": it throws, and the suite fails.
    if (digest !== pinned.integrity)
      throw new Error(
        `${BINDING}: tarball ${digest} does not match package-lock.json's ${pinned.integrity}`,
      );
    await run('tar', ['-xzf', tgz, '-C', into]);
    return { ok: true, dir: path.join(into, 'package'), integrity: digest };
  } catch (err) {
    if (err instanceof Error && err.message.includes('does not match')) throw err;
    const stderr = String((err as { stderr?: unknown }).stderr ?? '');
    const code = /npm error code (\S+)/.exec(stderr)?.[1] ?? 'no answer';
    return {
      ok: false,
      reason: `the npm registry could not be reached: npm pack ${BINDING}@${pinned.version} gave ${code}`,
    };
  }
}

const binding = await fetchBinding(path.join(tmp, 'pack'));
const skipBinding = !binding.ok;
const skipReason = binding.ok ? '' : ` (skipped: ${binding.reason})`;

/** A tree of hard links (copies across devices): node_modules as npm laid it out, in no time. */
function linkTree(src: string, dst: string): void {
  fs.mkdirSync(dst, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const s = path.join(src, e.name);
    const d = path.join(dst, e.name);
    if (e.isDirectory()) linkTree(s, d);
    else if (e.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(s), d);
    else
      try {
        fs.linkSync(s, d);
      } catch {
        fs.copyFileSync(s, d);
      }
  }
}

/** Project files (not the build outputs, git or local data) copied into the snapshot. */
const SKIP_TOP = new Set(['.git', 'node_modules', 'dist', 'release', 'test-results', 'coverage']);

let appOut = '';
let packager: WinPackager | undefined;
let asarFiles: string[] = [];
let unpackedFiles: string[] = [];
let rendererBuilt: string[] = [];

beforeAll(async () => {
  fs.cpSync(ROOT, project, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(ROOT, src).split(path.sep);
      return !(
        rel.length === 1 &&
        (SKIP_TOP.has(rel[0] ?? '') || rel[0]?.startsWith('.sim') || rel[0]?.startsWith('.ccms'))
      );
    },
  });
  // Dot entries (.bin, .vite, .package-lock.json) stay out: hard links would let a cache write
  // reach the checkout, and without npm's hidden lockfile `npm ls` reads the tree as it is.
  for (const e of fs.readdirSync(path.join(ROOT, 'node_modules'), { withFileTypes: true }))
    if (!e.name.startsWith('.'))
      linkTree(path.join(ROOT, 'node_modules', e.name), path.join(project, 'node_modules', e.name));
  if (binding.ok)
    fs.cpSync(binding.dir, path.join(project, 'node_modules', BINDING), { recursive: true });

  // dist/ as `npm run dist` builds it, into the snapshot.
  await viteBuild({
    configFile: path.join(project, 'vite.config.ts'),
    root: path.join(project, 'renderer'),
    logLevel: 'warn',
    build: { outDir: path.join(project, 'dist', 'renderer'), emptyOutDir: true },
  });
  await buildElectron(path.join(project, 'dist', 'electron'));
  rendererBuilt = fs
    .readdirSync(path.join(project, 'dist', 'renderer'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(project, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  // Decoys: what a development build or a stray copy leaves in dist/ (source maps, a TypeScript
  // source), to prove the patterns keep them out.
  fs.writeFileSync(path.join(project, 'dist', 'electron', 'main.cjs.map'), '{"version":3}');
  fs.writeFileSync(path.join(project, 'dist', 'electron', 'decoy-source.ts'), 'export {};\n');
  fs.writeFileSync(
    path.join(project, 'dist', 'renderer', 'assets', 'decoy.js.map'),
    '{"version":3}',
  );

  // An "unpacked Electron" folder for electronDist holding only STAND_IN_ELECTRON_EXE, which
  // electron-builder copies and renames to the product's .exe.
  const electronDist = path.join(tmp, 'electron-dist');
  fs.mkdirSync(electronDist);
  fs.writeFileSync(path.join(electronDist, 'electron.exe'), STAND_IN_ELECTRON_EXE);

  await build({
    projectDir: project,
    targets: Platform.WINDOWS.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      directories: { output },
      electronDist,
      // These rewrite the Electron binary, which is a stand-in here.
      electronFuses: null,
      disableAsarIntegrity: true,
      win: { signAndEditExecutable: false },
      afterPack: (ctx: AfterPackContext) => {
        appOut = ctx.appOutDir;
        packager = ctx.packager as WinPackager;
      },
    },
  });
  const asar = path.join(appOut, 'resources', 'app.asar');
  asarFiles = listPackage(asar, { isPack: false })
    .map((f) => f.replace(/\\/g, '/').replace(/^\//, ''))
    .filter((f) => {
      try {
        return !('files' in statFile(asar, f));
      } catch {
        return true;
      }
    });
  const unpacked = path.join(appOut, 'resources', 'app.asar.unpacked');
  unpackedFiles = fs.existsSync(unpacked)
    ? fs
        .readdirSync(unpacked, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) =>
          path.relative(unpacked, path.join(e.parentPath, e.name)).split(path.sep).join('/'),
        )
    : [];
}, 170_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const asarPath = () => path.join(appOut, 'resources', 'app.asar');
/** The package a node_modules path belongs to (`@scope/name` or `name`). */
const packageOf = (file: string) => {
  const parts = file.split('/');
  if (parts[0] !== 'node_modules') return null;
  return parts[1]?.startsWith('@') ? `${parts[1]}/${parts[2]}` : (parts[1] ?? null);
};

describe('the packaged Windows app (electron-builder --win dir, x64)', () => {
  it('holds the app: both bundles, the renderer with all its assets, package.json pointing at main', () => {
    expect(asarFiles).toContain('dist/electron/main.cjs');
    expect(asarFiles).toContain('dist/electron/preload.cjs');
    expect(rendererBuilt).toContain('dist/renderer/index.html');
    expect(rendererBuilt.some((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(asarFiles.filter((f) => f.startsWith('dist/renderer/')).sort()).toEqual(
      [...rendererBuilt].sort(),
    );
    const pkg = JSON.parse(extractFile(asarPath(), 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg['main']).toBe('dist/electron/main.cjs');
    expect(pkg['productName']).toBe('CCMS Terminal');
    expect(asarFiles.filter((f) => f.startsWith('dist/electron/')).sort()).toEqual([
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
    ]);
  });

  it('holds the Windows registry reader: native-reg, its x64 prebuild unpacked, node-gyp-build', () => {
    expect(asarFiles).toContain('node_modules/native-reg/lib/index.js');
    expect(asarFiles).toContain('node_modules/native-reg/package.json');
    expect(asarFiles).toContain('node_modules/node-gyp-build/index.js');
    expect(asarFiles).toContain('node_modules/node-gyp-build/node-gyp-build.js');
    expect(statFile(asarPath(), REG_NODE)).toMatchObject({ unpacked: true });
    expect(unpackedFiles).toContain(REG_NODE);
    expect(fs.statSync(path.join(appOut, 'resources', 'app.asar.unpacked', REG_NODE)).size).toBe(
      fs.statSync(path.join(ROOT, REG_NODE)).size,
    );
    // Only x64 is built; native-reg's sources and other architectures stay out.
    expect(asarFiles.filter((f) => f.startsWith('node_modules/native-reg/')).sort()).toEqual([
      'node_modules/native-reg/lib/index.js',
      'node_modules/native-reg/package.json',
      REG_NODE,
    ]);
  });

  it.skipIf(skipBinding)(
    `holds the Windows keychain binding, unpacked from the archive${skipReason}`,
    () => {
      expect(asarFiles).toContain('node_modules/@napi-rs/keyring/index.js');
      expect(statFile(asarPath(), BINDING_NODE)).toMatchObject({ unpacked: true });
      expect(unpackedFiles).toContain(BINDING_NODE);
      const pkg = JSON.parse(
        extractFile(asarPath(), `node_modules/${BINDING}/package.json`).toString('utf8'),
      ) as { version: string };
      expect(pkg.version).toBe(
        (
          JSON.parse(
            fs.readFileSync(path.join(ROOT, 'node_modules/@napi-rs/keyring/package.json'), 'utf8'),
          ) as {
            optionalDependencies: Record<string, string>;
          }
        ).optionalDependencies[BINDING],
      );
    },
  );

  it("holds no other node_modules package: not the simulator's, not this machine's own keychain binding", () => {
    const packages = new Set(
      [...asarFiles, ...unpackedFiles].map(packageOf).filter((p) => p !== null),
    );
    const expected = RUNTIME_PACKAGES.filter((p) => p !== BINDING || binding.ok);
    expect([...packages].sort()).toEqual([...expected].sort());
    for (const name of NEVER) expect(packages.has(name), name).toBe(false);
    // The snapshot's node_modules did hold them (npm installs all of "dependencies").
    for (const name of NEVER)
      expect(fs.existsSync(path.join(project, 'node_modules', name)), name).toBe(true);
  });

  it('holds nothing of the simulator, the tests, the scripts or browser mode, and no sources or source maps', () => {
    const all = [...asarFiles, ...unpackedFiles];
    const outsideApp = all.filter(
      (f) =>
        !(
          f === 'package.json' ||
          f.startsWith('dist/electron/') ||
          f.startsWith('dist/renderer/') ||
          packageOf(f)
        ),
    );
    expect(outsideApp).toEqual([]);
    for (const f of all) {
      expect(f, f).not.toMatch(/^(simulator|test|scripts|electron|shared|renderer|build)\//);
      expect(f, f).not.toMatch(/web-server|\.map$|\.tsx?$/);
    }
    // The snapshot did hold them: the patterns, not their absence, kept them out.
    for (const there of [
      'simulator',
      'test',
      'scripts/web-server.ts',
      'dist/electron/decoy-source.ts',
      'dist/electron/main.cjs.map',
    ])
      expect(fs.existsSync(path.join(project, there)), there).toBe(true);
  });

  it('unpacks only the native binaries: their JavaScript stays inside the archive', () => {
    expect([...unpackedFiles].sort()).toEqual(
      [REG_NODE, ...(binding.ok ? [BINDING_NODE] : [])].sort(),
    );
    expect(statFile(asarPath(), 'node_modules/native-reg/lib/index.js')).not.toHaveProperty(
      'unpacked',
    );
  });

  it('puts only the archive and its unpacked natives in resources/', () => {
    expect(fs.readdirSync(path.join(appOut, 'resources')).sort()).toEqual([
      'app.asar',
      'app.asar.unpacked',
    ]);
    expect(fs.readdirSync(appOut).sort()).toEqual(['ccms-terminal.exe', 'resources']);
    expect(fs.readFileSync(path.join(appOut, 'ccms-terminal.exe'), 'utf8')).toBe(
      STAND_IN_ELECTRON_EXE,
    );
  });
});

describe('the MSI electron-builder would make from it (WiX project; WiX runs on Windows only)', () => {
  class WixProject extends MsiTarget {
    source(appOutDir: string) {
      return this.writeManifest(
        appOutDir,
        Arch.x64,
        getEffectiveOptions(this.options, this.packager),
      );
    }
  }

  it("names package.json's author as Manufacturer, installs per machine, keeps the upgrade code", async () => {
    if (!packager) throw new Error('electron-builder did not reach afterPack');
    const wxs = await new WixProject(packager, output).source(appOut);
    expect(packager.appInfo.companyName).toBe('CCMS Terminal Project');
    expect(wxs).toMatch(/<Product [^>]*Manufacturer="CCMS Terminal Project"/);
    expect(wxs).toMatch(/<Product [^>]*Name="CCMS Terminal"/);
    expect(wxs).toMatch(/<Product [^>]*UpgradeCode="995AC26B-5225-4CDF-AA62-B8888760B499"/);
    expect(wxs).toContain('<Property Id="ALLUSERS" Secure="yes" Value="1"/>');
    expect(wxs).toContain('<Directory Id="APPLICATIONFOLDER" Name="ccms-terminal"/>');
    expect(wxs).toMatch(/<File Name="ccms-terminal.exe" [^>]*Id="mainExecutable"/);
  });

  it('signs an MSI with SHA-256 only, timestamped by an RFC 3161 server', async () => {
    if (!packager) throw new Error('electron-builder did not reach afterPack');
    const signtool = new WindowsSignToolManager(packager);
    const options = packager.platformSpecificBuildOptions;
    // electron-builder's own hook for a custom signer receives each signing task it decided on;
    // here it only records them, so nothing is signed and no certificate is needed.
    const tasks: { hash: string; args: string[] }[] = [];
    await signtool.signFile({
      path: path.join(tmp, 'CCMS-Terminal.msi'),
      options: {
        ...options,
        signtoolOptions: {
          ...options.signtoolOptions,
          sign: (task) => {
            const withCert = { ...task, cscInfo: { file: 'certificate.pfx', password: null } };
            tasks.push({ hash: task.hash, args: signtool.computeSignToolArgs(withCert, true) });
            return Promise.resolve();
          },
        },
      },
    });
    expect(tasks.map((t) => t.hash)).toEqual(['sha256']);
    const args = tasks[0]?.args ?? [];
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('/tr')).toBe('http://timestamp.digicert.com');
    expect(after('/td')).toBe('sha256');
    expect(after('/fd')).toBe('sha256');
    expect(args).not.toContain('/p');
  });
});
