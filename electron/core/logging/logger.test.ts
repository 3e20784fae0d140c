import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, createLogger, nullLogger, rotateLogFiles } from './logger.js';

const PASSWORD = 'Demo-Pass-101!';
const TOKEN = 'tok_9c2b7a41e0d3f5a6b8c9d0e1f2a3b4c5';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-log-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function readAll(): string {
  return fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

describe('createLogger', () => {
  it('writes messages and data to main.log in the given folder', () => {
    const log = createLogger({ dir, level: 'info' });
    log.info('signed in', { userId: 'C00101', environment: 'simulator' });
    const text = fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toContain('[info]');
    expect(text).toContain('signed in');
    expect(text).toContain('C00101');
  });

  it('never writes a password, a code or a token, in the message or the data', () => {
    const log = createLogger({ dir, level: 'debug' });
    log.debug(`login body {"userId":"C00101","password":"${PASSWORD}"}`);
    log.info(`sent Authorization: Bearer ${TOKEN}`);
    log.warn('otp rejected', { code: '123456', challengeId: 'ch_secret_1' });
    const err = new Error('request failed', {
      cause: { config: { headers: { Authorization: `Bearer ${TOKEN}` } } },
    });
    log.error('host error', err);
    const text = readAll();
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('123456');
    expect(text).not.toContain('ch_secret_1');
    expect(text).toContain('request failed');
    expect(text).toContain('[REDACTED]');
  });

  it('drops messages below its level', () => {
    const log = createLogger({ dir, level: 'warn' });
    log.info('not this');
    log.debug('nor this');
    log.warn('but this');
    const text = readAll();
    expect(text).not.toContain('not this');
    expect(text).not.toContain('nor this');
    expect(text).toContain('but this');
  });

  it('does nothing at all with a line below its level: its data is not even read', () => {
    const log = createLogger({ dir, level: 'info' });
    let read = false;
    log.debug('host call', {
      get call() {
        read = true;
        return 'POST /auth/login';
      },
    });
    expect(read).toBe(false);
    expect(fs.existsSync(path.join(dir, LOG_FILE_NAME))).toBe(false);
  });

  it('writes data as JSON on the line of its message, an error with its name and stack', () => {
    const log = createLogger({ dir, level: 'info' });
    log.info('signed in', { userId: 'C00101', environment: 'simulator', password: PASSWORD });
    log.warn('could not save', new Error('disk full'));
    const text = readAll();
    expect(text).toMatch(
      /\[info\]\s+signed in \{"userId":"C00101","environment":"simulator","password":"\[REDACTED\]"\}\n/,
    );
    expect(text).toMatch(
      /\[warn\]\s+could not save \{ name: 'Error', message: 'disk full', stack: 'Error: disk full/,
    );
    expect(text).not.toContain(PASSWORD);
  });

  it('rotates at the size cap and keeps only the configured number of old files', () => {
    const log = createLogger({ dir, level: 'info', maxBytes: 2_000, keep: 2 });
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(80)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(2_000 + 200);
    expect(fs.readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('line 199');
  });

  it('writes nothing to disk without a folder and never throws', () => {
    const log = createLogger({ level: 'debug' });
    expect(() => log.error('no folder', { password: PASSWORD })).not.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('throws the file-system error when the folder cannot be created (a file in its place)', () => {
    const blocked = path.join(dir, 'logs');
    fs.writeFileSync(blocked, 'not a folder');
    expect(() => createLogger({ dir: blocked, level: 'info' })).toThrow(/EEXIST|ENOTDIR/);
  });

  it('keeps two loggers apart', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-log-'));
    try {
      createLogger({ dir, level: 'info' }).info('first');
      createLogger({ dir: other, level: 'info' }).info('second');
      expect(readAll()).not.toContain('second');
      expect(fs.readFileSync(path.join(other, LOG_FILE_NAME), 'utf8')).toContain('second');
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('rotateLogFiles', () => {
  it('shifts numbered files and drops the oldest', () => {
    const current = path.join(dir, 'main.log');
    for (const [f, c] of [
      ['main.log', 'now'],
      ['main.1.log', 'one'],
      ['main.2.log', 'two'],
    ] as const) {
      fs.writeFileSync(path.join(dir, f), c);
    }
    rotateLogFiles(current, 2);
    expect(fs.readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log']);
    expect(fs.readFileSync(path.join(dir, 'main.1.log'), 'utf8')).toBe('now');
    expect(fs.readFileSync(path.join(dir, 'main.2.log'), 'utf8')).toBe('one');
  });
});

describe('nullLogger', () => {
  it('accepts every level silently', () => {
    expect(() => {
      nullLogger.debug('a');
      nullLogger.info('b', { c: 1 });
      nullLogger.warn('d');
      nullLogger.error('e', new Error('f'));
    }).not.toThrow();
  });
});

describe('log file permissions', () => {
  it.skipIf(process.platform === 'win32')(
    'creates the log folder and files readable by the user only (POSIX modes; Windows uses the profile ACL)',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-log-mode-'));
      const logs = path.join(dir, 'logs');
      const log = createLogger({ dir: logs, level: 'info', maxBytes: 200, keep: 2 });
      for (let i = 0; i < 20; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
      await new Promise((r) => setTimeout(r, 50));
      expect(fs.statSync(logs).mode & 0o777).toBe(0o700);
      const files = fs.readdirSync(logs);
      expect(files.length).toBeGreaterThan(1);
      for (const f of files) expect(fs.statSync(path.join(logs, f)).mode & 0o777, f).toBe(0o600);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
