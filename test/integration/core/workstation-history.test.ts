// This workstation's history from real sign-ins: the real core against the real simulator over
// HTTPS, the real history file on disk (read after the core has quit, as the next start reads it).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryFile, type HistoryEntry } from '../../../shared/bridge.js';
import {
  advance,
  SEED_PASSWORDS,
  signInTotp,
  simulatorForFile,
  reseedEachTest,
  startCore,
  type CoreHandle,
} from './harness.js';

const MIN = 60_000;
const sim = simulatorForFile();
reseedEachTest(sim);

let historyDir: string;
const cores: CoreHandle[] = [];
beforeEach(async () => {
  historyDir = await mkdtemp(join(tmpdir(), 'ccms-core-it-history-'));
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
  await rm(historyDir, { recursive: true, force: true });
});
async function core(dir = historyDir): Promise<CoreHandle> {
  const c = await startCore(sim, { historyDir: dir });
  cores.push(c);
  return c;
}
async function quit(c: CoreHandle): Promise<void> {
  cores.splice(cores.indexOf(c), 1);
  await c.close();
}
async function fileEntries(dir = historyDir): Promise<HistoryEntry[]> {
  const text = await readFile(join(dir, 'workstation-history.json'), 'utf8');
  return HistoryFile.parse(JSON.parse(text)).entries;
}
const brief = (e: HistoryEntry) => {
  const { at: _at, environment: _env, ...rest } = e as HistoryEntry & { environment?: string };
  return rest;
};

describe('core ↔ simulator: the workstation history', () => {
  it('a refused password, a TOTP sign-in, the workstation lock, an unlock and a sign-out, newest first', async () => {
    const c = await core();
    expect((await c.fail('login', { userId: 'C00101', password: 'Not-The-Password-1' })).code).toBe(
      'INVALID_CREDENTIALS',
    );
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    c.core.lock();
    advance(sim, c, 30_000);
    await c.ok('unlock', { code: sim.sim.currentTotp('C00101') });
    advance(sim, c, 15 * MIN); // the idle timer
    expect((await c.ok('getAuthState', {})).step).toBe('locked');
    await c.ok('logout', {});

    const { entries, maxEntries, maxBytes } = await c.ok('getWorkstationHistory', {});
    expect({ maxEntries, maxBytes }).toEqual({ maxEntries: 1000, maxBytes: 256 * 1024 });
    expect(entries.map(brief)).toEqual([
      { kind: 'signedOut', userId: 'C00101', reason: 'user' },
      { kind: 'locked', userId: 'C00101', cause: 'idle' },
      { kind: 'unlocked', userId: 'C00101' },
      { kind: 'locked', userId: 'C00101', cause: 'workstation' },
      { kind: 'signedIn', userId: 'C00101', channel: 'totp' },
      { kind: 'signInFailed', userId: 'C00101', step: 'password', code: 'INVALID_CREDENTIALS' },
    ]);
    expect(entries.every((e) => 'environment' in e && e.environment === 'simulator')).toBe(true);
    // Times come from the core's clock, in order.
    const times = entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    await quit(c);
    expect((await fileEntries()).map(brief)).toEqual(entries.map(brief).reverse());
  });

  it('a wrong code and the account lock from the OTP step are refusals of that step', async () => {
    const c = await core();
    await c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
    const good = sim.sim.currentTotp('C00101');
    const wrong = good === '000000' ? '111111' : '000000';
    expect((await c.fail('submitOtp', { code: wrong })).code).toBe('OTP_INVALID');
    const { entries } = await c.ok('getWorkstationHistory', {});
    expect(entries.map(brief)).toEqual([
      { kind: 'signInFailed', userId: 'C00101', step: 'otp', code: 'OTP_INVALID' },
    ]);
  });

  it('quitting while signed in records the sign-out as the app closing, and it is on disk', async () => {
    const c = await core();
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    await quit(c);
    expect((await fileEntries()).map(brief)).toEqual([
      { kind: 'signedIn', userId: 'C00101', channel: 'totp' },
      { kind: 'signedOut', userId: 'C00101', reason: 'appClosed' },
    ]);
    // The next start reads it back.
    const again = await core();
    expect((await again.ok('getWorkstationHistory', {})).entries.map((e) => e.kind)).toEqual([
      'signedOut',
      'signedIn',
    ]);
  });

  it('DMS on two workstations: the maker records the request, the checker the rejection, no reason kept', async () => {
    const makerDir = await mkdtemp(join(tmpdir(), 'ccms-core-it-history-maker-'));
    try {
      const maker = await core(makerDir);
      const checker = await core();
      await signInTotp(sim, maker, 'C00191', SEED_PASSWORDS.C00191);
      await signInTotp(sim, checker, 'C00192', SEED_PASSWORDS.C00192);
      const { request } = await maker.ok('dmsCreateRequest', {
        action: 'unlock',
        userId: 'C00104',
      });
      const reason = 'Spoke to C00104 on 9123 4567: not needed';
      await checker.ok('dmsReject', { id: request.id, reason });
      const { request: second } = await maker.ok('dmsCreateRequest', {
        action: 'suspend',
        userId: 'C00101',
      });
      advance(sim, checker, 30_000);
      const code = sim.sim.currentTotp('C00192');
      await checker.ok('dmsApprove', { id: second.id, code });

      const made = (await maker.ok('getWorkstationHistory', {})).entries;
      expect(made.slice(0, 2).map(brief)).toEqual([
        {
          kind: 'dmsRequested',
          userId: 'C00191',
          requestId: second.id,
          action: 'suspend',
          targetUserId: 'C00101',
        },
        {
          kind: 'dmsRequested',
          userId: 'C00191',
          requestId: request.id,
          action: 'unlock',
          targetUserId: 'C00104',
        },
      ]);
      const decided = (await checker.ok('getWorkstationHistory', {})).entries;
      expect(decided.slice(0, 2).map(brief)).toEqual([
        {
          kind: 'dmsApproved',
          userId: 'C00192',
          requestId: second.id,
          action: 'suspend',
          targetUserId: 'C00101',
        },
        {
          kind: 'dmsRejected',
          userId: 'C00192',
          requestId: request.id,
          action: 'unlock',
          targetUserId: 'C00104',
        },
      ]);
      await quit(checker);
      const text = await readFile(join(historyDir, 'workstation-history.json'), 'utf8');
      expect(text).not.toContain('9123 4567');
      expect(text).not.toContain(code);
    } finally {
      await Promise.all(cores.splice(0).map((c) => c.close()));
      await rm(makerDir, { recursive: true, force: true });
    }
  });

  it('exports the history as CSV beside the saved reports', async () => {
    const c = await core();
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    await c.ok('logout', {});
    const saved = await c.ok('exportWorkstationHistory', {});
    expect(saved.entries).toBe(2);
    expect(
      saved.path.startsWith(join(c.userDataDir, 'diagnostics', 'ccms-workstation-history-')),
    ).toBe(true);
    expect(saved.path.endsWith('.csv')).toBe(true);
    const lines = (await readFile(saved.path, 'utf8')).split('\r\n');
    expect(lines[0]).toBe(
      'time_utc,time_hong_kong,event,user_id,environment,channel,step,code,reason,request_id,dms_action,target_user_id',
    );
    expect(lines[1]).toMatch(
      /^\S+Z,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,signedOut,C00101,simulator,,,,user,,,$/,
    );
    expect(lines[2]).toMatch(/,signedIn,C00101,simulator,totp,/);
    expect(lines[3]).toBe('');
  });

  it('FAULT corrupt history file: the core starts, sign-in works, the file is set aside and a new history begins', async () => {
    await writeFile(join(historyDir, 'workstation-history.json'), '\u0000\u0001 not json');
    const c = await core();
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    const { entries } = await c.ok('getWorkstationHistory', {});
    expect(entries.map((e) => e.kind)).toEqual(['signedIn', 'historyRestarted']);
    expect(entries[1]).toMatchObject({ cause: 'unreadable' });
    const names = await readdir(historyDir);
    expect(names.some((n) => n.startsWith('workstation-history.json.unreadable-'))).toBe(true);
    const log = await readFile(join(c.userDataDir, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/\[warn\].*workstation history: .* is not valid JSON; set aside/);
  });

  it('FAULT history folder cannot be written (a file in its place): sign-in works, entries kept in memory', async () => {
    const blocked = join(historyDir, 'not-a-folder');
    await writeFile(blocked, 'x');
    const c = await core(blocked);
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    expect((await c.ok('getAuthState', {})).step).toBe('signedIn');
    expect((await c.ok('getWorkstationHistory', {})).entries.map((e) => e.kind)).toEqual([
      'signedIn',
    ]);
  });
});
