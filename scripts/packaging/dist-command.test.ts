// scripts/dist.ts over real directories: this checkout's node_modules, and temporary projects
// laid out file by file. Every case here is one that stops before electron-builder starts, so no
// MSI build is attempted on any machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { dist } from '../dist.js';
import { readDistFacts } from './read-dist-facts.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-dist-command-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A project folder holding `files` (relative path → content). */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** Runs dist() and returns its exit code and what it printed on stderr. */
async function runDist(argv: string[], env: Record<string, string>, root: string) {
  const lines: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)));
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  return { code: await dist(argv, env, root), out: lines.join('\n') };
}

describe('readDistFacts', () => {
  it("finds native-reg's win32-x64 prebuild, node-gyp-build and the keychain's pinned binding version here", () => {
    const facts = readDistFacts(ROOT);
    expect(facts.files).toContain('node_modules/native-reg/prebuilds/win32-x64/node.napi.node');
    expect(facts.files).toContain('node_modules/native-reg/lib/index.js');
    expect(facts.files).toContain('node_modules/node-gyp-build/node-gyp-build.js');
    expect(facts.keyringBindingExpected).toMatch(/^\d+\.\d+\.\d+$/);
    expect(facts.authorName).toBe('CCMS Terminal Project');
  });

  it('reads a project folder file by file, and nothing from a folder that is not there', () => {
    const root = project('facts', {
      'package.json': JSON.stringify({ version: '9.8.7', author: { name: 'Someone' } }),
      'dist/electron/main.cjs': '',
      'dist/electron/nested/deeper.cjs': '',
      'node_modules/@napi-rs/keyring-win32-x64-msvc/package.json': '{"version":"2.0.0"}',
    });
    const facts = readDistFacts(root);
    expect([...facts.files].sort()).toEqual([
      'dist/electron/main.cjs',
      'node_modules/@napi-rs/keyring-win32-x64-msvc/package.json',
    ]);
    expect(facts).toMatchObject({
      productVersion: '9.8.7',
      authorName: 'Someone',
      keyringBindingVersion: '2.0.0',
      keyringBindingExpected: undefined,
    });
  });
});

describe('npm run dist (scripts/dist.ts)', () => {
  it('exits 1 on an unknown argument, with the usage', async () => {
    const { code, out } = await runDist(['--relase'], {}, ROOT);
    expect(code).toBe(1);
    expect(out).toMatch(/--relase.*Usage: npm run dist \[-- --release\]/);
  });

  it('exits 1 naming each missing native binding package and how to get it', async () => {
    const root = project('bare', { 'package.json': '{"version":"1.0.0"}' });
    const { code, out } = await runDist([], {}, root);
    expect(code).toBe(1);
    expect(out).toMatch(/^npm run dist: cannot build the MSI:/);
    expect(out).toMatch(/package @napi-rs\/keyring-win32-x64-msvc.*npm ci/);
    expect(out).toMatch(/package native-reg.*npm ci/);
    expect(out).toMatch(/package node-gyp-build.*npm ci/);
  });

  it('exits 1 for a release without a certificate, and never prints a signing secret', async () => {
    const env = { CSC_KEY_PASSWORD: 'a-password-that-must-not-be-printed' };
    const { code, out } = await runDist(['--release'], env, ROOT);
    expect(code).toBe(1);
    expect(out).toMatch(/A release must be signed/);
    expect(out).not.toContain(env.CSC_KEY_PASSWORD);
  });
});
