// The core's logger: electron-log's Node entry (it needs no Electron, so browser mode and tests
// log the same way), rotating size-capped files, and every message and datum redacted first.
import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import electronLog from 'electron-log/node';
import { redact, redactString } from './redact.js';

/** A log level, most severe first. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** The logger every part of core receives; whatever it is given is redacted before writing. */
export interface Logger {
  debug(msg: string, data?: unknown): void;
  info(msg: string, data?: unknown): void;
  warn(msg: string, data?: unknown): void;
  error(msg: string, data?: unknown): void;
}

/** Options of `createLogger`. */
export interface LoggerOptions {
  /** Folder of the log files; without it nothing is written to disk. */
  dir?: string;
  /** The least severe level written. */
  level: LogLevel;
  /** Also write to the console (development, browser mode). */
  console?: boolean;
  /** Size at which the current file is rotated, bytes (default 1 MiB). */
  maxBytes?: number;
  /** How many rotated files are kept beside the current one (default 5). */
  keep?: number;
}

/** The current log file's name inside `dir`; rotated ones are `main.1.log` … `main.<keep>.log`. */
export const LOG_FILE_NAME = 'main.log';

/** A logger that drops everything, for tests that are not about logging. */
export const nullLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

let instances = 0;

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
const INSPECT = { depth: 10, breakLength: Infinity } as const;

/**
 * One datum as text, redacted: an error as Node prints it (its stack on lines of its own), any
 * other value as JSON, which costs a fraction of util.inspect on every line of a sign-in.
 */
function datumText(datum: unknown): string {
  if (typeof datum === 'string') return redactString(datum);
  const safe = redact(datum);
  if (datum instanceof Error) return inspect(safe, INSPECT);
  try {
    return JSON.stringify(safe) ?? String(safe);
  } catch {
    return inspect(safe, INSPECT); // a BigInt, which JSON cannot hold
  }
}

/** The line a message and its data make, every part redacted. */
export function logLine(msg: string, data: unknown[]): string {
  let line = redactString(String(msg));
  for (const datum of data) line += ` ${datumText(datum)}`;
  return line;
}

/** Shifts main.log → main.1.log → … → main.<keep>.log, dropping the oldest. */
export function rotateLogFiles(current: string, keep: number): void {
  const { dir, name, ext } = path.parse(current);
  const nth = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  try {
    fs.rmSync(nth(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (fs.existsSync(nth(n))) fs.renameSync(nth(n), nth(n + 1));
    }
    if (keep >= 1) fs.renameSync(current, nth(1));
    else fs.rmSync(current, { force: true });
  } catch {
    // A file held open by an antivirus scanner on Windows: truncating keeps the cap honest.
    try {
      fs.truncateSync(current, 0);
    } catch {
      /* nothing more to do: logging must never take the app down */
    }
  }
}

/**
 * Creates a logger writing rotating, redacted files in `opts.dir`. Throws (the `fs` error) only
 * when `dir` cannot be created, so the caller can say so and carry on without a file; after that,
 * logging never throws.
 */
export function createLogger(opts: LoggerOptions): Logger {
  const log = electronLog.create({ logId: `ccms-core-${++instances}` });
  const keep = opts.keep ?? 5;
  // electron-log's own error and event catchers stay off: the app decides what to catch.
  log.errorHandler.stopCatching();
  // The ipc transport exists only under Electron; remote would send logs off the machine.
  if (log.transports.ipc) log.transports.ipc.level = false;
  if (log.transports.remote) log.transports.remote.level = false;
  log.transports.console.level = opts.console ? opts.level : false;
  if (opts.dir) {
    const dir = opts.dir;
    // Logs name users and hosts: readable by the user only (POSIX; on Windows the profile's ACL).
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o700);
    const file = log.transports.file;
    file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
    file.level = opts.level;
    file.maxSize = opts.maxBytes ?? 1024 * 1024;
    file.resolvePathFn = () => path.join(dir, LOG_FILE_NAME);
    file.archiveLogFn = (old) => rotateLogFiles(old.path, keep);
    file.inspectOptions = { depth: 10, breakLength: Infinity };
  } else {
    log.transports.file.level = false;
  }
  // Last line of defence: whatever reaches electron-log by another path is redacted too (a line
  // from `write` below already is, and is not scanned twice).
  let fromWrite = false;
  log.hooks.push((message) =>
    fromWrite ? message : { ...message, data: message.data.map((d) => redact(d)) },
  );

  const least = RANK[opts.level];
  const write = (level: LogLevel, msg: string, data: unknown[]) => {
    // Below the level nothing is done at all: a debug line costs nothing while debug is off.
    if (RANK[level] > least) return;
    try {
      // One string: electron-log's own formatting of objects is what a sign-in's lines cost most.
      const line = logLine(msg, data);
      fromWrite = true;
      log[level](line);
    } catch {
      /* logging must never take the app down */
    } finally {
      fromWrite = false;
    }
  };
  return {
    debug: (msg, ...data) => write('debug', msg, data),
    info: (msg, ...data) => write('info', msg, data),
    warn: (msg, ...data) => write('warn', msg, data),
    error: (msg, ...data) => write('error', msg, data),
  };
}
