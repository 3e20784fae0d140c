// Waits until a CCMS host (the simulator started in the background by
// scripts/ci/windows-install-test.ps1, or any host) answers GET /api/v1/health over TLS verified
// against the given CA file. PowerShell cannot check a chain against one CA file without a
// validation callback (which runs off its runspace), so the wait is done here, in Node, as the app
// does it. It stops early when the process that should serve the host has exited, so a simulator
// that failed to start is reported at once instead of after the whole timeout.
//
//   npx tsx scripts/ci/wait-for-health.ts --url https://127.0.0.1:7443 --ca .sim-data/ca.pem \
//     [--timeout-sec 90] [--pid 1234]
// Prints the health reply on one line; exit 0 when healthy, 1 when not in time, 2 on bad usage.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_PREFIX, HealthReply } from '../../shared/protocol.js';
import { parse } from '../../shared/parse.js';

/** What to wait for. */
export interface WaitForHealthOptions {
  /** The host's base URL, e.g. `https://127.0.0.1:7443` (the health path is appended). */
  url: string;
  /** A PEM file with the CA that signs the host's certificate; it may appear while waiting. */
  caFile: string;
  timeoutMs: number;
  /** Pause between attempts. */
  intervalMs?: number;
  /** The process that serves the host: when it is gone, waiting stops. */
  pid?: number;
}

/** The health URL of a host base URL. */
export function healthUrl(base: string): string {
  return `${base.replace(/\/+$/, '')}${API_PREFIX}/health`;
}

/** Whether a process with this id is running (signal 0 only tests, on Windows too). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function getHealth(url: string, ca: string): Promise<HealthReply> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, timeout: 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) {
          reject(new Error(`HTTP ${res.statusCode ?? '?'}: ${body.slice(0, 200)}`));
          return;
        }
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          reject(new Error(`not JSON: ${body.slice(0, 200)}`));
          return;
        }
        const r = parse(HealthReply, json);
        if (r.ok) resolve(r.value);
        else reject(new Error(`not a health reply: ${r.issues.join('; ')}`));
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 5 s')));
    req.on('error', reject);
  });
}

/** Resolves with the first valid health reply; rejects with the last problem seen when it gives up. */
export async function waitForHealth(opts: WaitForHealthOptions): Promise<HealthReply> {
  const url = healthUrl(opts.url);
  const deadline = Date.now() + opts.timeoutMs;
  const interval = opts.intervalMs ?? 500;
  let last = 'no attempt made';
  for (;;) {
    if (opts.pid !== undefined && !processAlive(opts.pid)) {
      throw new Error(`process ${opts.pid} exited before ${url} answered (last: ${last})`);
    }
    let ca: string | undefined;
    try {
      ca = fs.readFileSync(opts.caFile, 'utf8');
    } catch (err) {
      last = `${opts.caFile}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`;
    }
    if (ca !== undefined) {
      try {
        return await getHealth(url, ca);
      } catch (err) {
        last = (err as Error).message;
      }
    }
    if (Date.now() + interval > deadline) {
      throw new Error(`${url} not healthy within ${Math.round(opts.timeoutMs / 1000)} s: ${last}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

const USAGE =
  'usage: tsx scripts/ci/wait-for-health.ts --url <https://host:port> --ca <ca.pem> [--timeout-sec N] [--pid N]';

/** Parses the command line; null on bad usage. */
export function parseArgs(argv: string[]): WaitForHealthOptions | null {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!name?.startsWith('--') || value === undefined) return null;
    flags.set(name.slice(2), value);
  }
  const url = flags.get('url');
  const caFile = flags.get('ca');
  const timeoutSec = Number(flags.get('timeout-sec') ?? '90');
  const pid = flags.has('pid') ? Number(flags.get('pid')) : undefined;
  const known = new Set(['url', 'ca', 'timeout-sec', 'pid']);
  if ([...flags.keys()].some((k) => !known.has(k))) return null;
  if (!url || !caFile || !Number.isFinite(timeoutSec) || timeoutSec <= 0) return null;
  if (pid !== undefined && !Number.isInteger(pid)) return null;
  return { url, caFile: path.resolve(caFile), timeoutMs: timeoutSec * 1000, pid };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts) {
    console.error(USAGE);
    process.exit(2);
  }
  waitForHealth(opts).then(
    (reply) => console.log(`healthy: ${JSON.stringify(reply)}`),
    (err: unknown) => {
      console.error(`error: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
