// What the core leaves out of its start-up: the X.509 path builder (@peculiar/x509 and its ASN.1
// stack, a third of the bundle's code) loads on the first certificate chain Chromium refuses, not
// when the terminal starts. Run on the core bundled as scripts/build-electron.ts bundles the main
// process, in a fresh Node process, because a bundle is what users run and a module once loaded
// stays loaded. reflect-metadata, which the X.509 library needs first, marks the moment: it
// installs `Reflect.getMetadata` on load.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleCore } from '../../../scripts/build-electron.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
// Inside node_modules, so the bundle's external require (the keychain binding) resolves.
const cacheDir = join(ROOT, 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true }); // absent after a clean `npm ci`
const outDir = mkdtempSync(join(cacheDir, 'ccms-lazy-'));
const userDataDir = mkdtempSync(join(tmpdir(), 'ccms-lazy-data-'));

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(userDataDir, { recursive: true, force: true });
});

const CHILD = `
const { createCore } = require(process.argv[2]);
const seen = () => typeof Reflect.getMetadata;
(async () => {
  const core = await createCore({
    mode: 'browser',
    appVersion: '0.0.0-test',
    userDataDir: process.argv[3],
    machinePolicyPath: process.argv[3] + '/no-policy.json',
  });
  const atStart = seen();
  // A chain for a host no policy names: refused, but only after the path builder has loaded.
  const trusted = await core.network.trustsCertificate('elsewhere.example', ['not a certificate']);
  const afterCheck = seen();
  await core.dispose();
  process.stdout.write(JSON.stringify({ atStart, trusted, afterCheck }) + '\\n');
})().catch((err) => { console.error(err); process.exit(1); });
`;

describe('core start-up (bundled, fresh process)', () => {
  it('loads the X.509 path builder on the first chain it is asked about, not at start-up', async () => {
    const bundle = join(outDir, 'core.cjs');
    await bundleCore(bundle);
    const child = join(outDir, 'child.cjs');
    writeFileSync(child, CHILD);
    const { stdout } = await run(process.execPath, [child, bundle, userDataDir], {
      cwd: ROOT,
      timeout: 60_000,
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(result).toEqual({ atStart: 'undefined', trusted: false, afterCheck: 'function' });
  }, 90_000);
});
