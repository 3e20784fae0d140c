/**
 * TOTP verification with the replay check, in process: the simulator's own acceptTotp
 * (simulator/auth/user-otp.ts: the user's row read for its last used step, the sealed secret
 * opened, checkTotp over the ±1-step window, the replay comparison) on a real SQLite data folder
 * at the simulator's settings, timed call by call. Between calls the clock moves one 30 s step and
 * the accepted step is recorded (the write the login's success transaction makes), so every timed
 * call is an accepted code. Beside it, not judged: the record() write, and a replayed code's
 * rejection (OTP_REUSED, which counts a failure: its lockout row is cleared after each, untimed).
 * BENCH_TOTP_BATCHES (5) batches of BENCH_TOTP_CALLS (2000); each batch gives a p99.
 * `--json <file>`: the figures as JSON (run-all.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '../../simulator/clock.js';
import { dataPaths, loadConfig } from '../../simulator/data-dir.js';
import { resolveSettings, settingsFromEnv } from '../../simulator/settings.js';
import { openDatabase } from '../../simulator/store/db.js';
import { SecretBox } from '../../simulator/auth/secrets.js';
import { PasswordHasher } from '../../simulator/auth/passwords.js';
import { FailureRateLimiter } from '../../simulator/auth/rate-limit.js';
import { createMailer } from '../../simulator/mail/mailer.js';
import { acceptTotp } from '../../simulator/auth/user-otp.js';
import { recordSuccess } from '../../simulator/auth/lockout.js';
import { totpAt } from '../../simulator/auth/totp.js';
import { findUser } from '../../simulator/store/users.js';
import type { SimContext } from '../../simulator/context.js';
import { CcmsError } from '../../shared/errors.js';
import { seedBenchUsers } from './bench-users.js';
import { emitFigures, figure, percentile, type Figure } from './figures.js';

const BATCHES = Number(process.env.BENCH_TOTP_BATCHES ?? 5);
const CALLS = Number(process.env.BENCH_TOTP_CALLS ?? 2000);
const REPLAY_EVERY = 10;

export async function runTotpVerify(log: (line: string) => void = console.log): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccms-bench-totp-'));
  try {
    const [user] = await seedBenchUsers(dataDir, 1);
    if (!user) throw new Error('no bench user');
    // The context as simulator/index.ts composes it, on this folder; no server, no mail sent.
    const paths = dataPaths(dataDir);
    const config = loadConfig(paths);
    const settings = resolveSettings(config.settings, settingsFromEnv(process.env));
    const clock = new ManualClock(Date.now());
    const db = openDatabase(paths.db, settings.sqliteSynchronous);
    const ctx: SimContext = {
      db,
      clock,
      settings,
      box: new SecretBox(config.secretKey),
      hasher: new PasswordHasher(settings),
      mailer: createMailer('127.0.0.1', 1, settings.mailFrom),
      rateLimiter: new FailureRateLimiter(
        clock,
        settings.loginRateLimitFailures,
        settings.loginRateLimitWindowSec,
      ),
    };
    const sealed = findUser(db, user.userId)?.totp_secret_enc;
    if (!sealed) throw new Error('bench user has no sealed secret');
    try {
      const p99s: number[] = [];
      const all: number[] = [];
      const records: number[] = [];
      const replays: number[] = [];
      for (let b = -1; b < BATCHES; b++) {
        const times: number[] = [];
        for (let i = 0; i < CALLS; i++) {
          clock.advance(30_000);
          const code = totpAt(user.secret, clock.now());
          const t0 = performance.now();
          const accepted = acceptTotp(ctx, user.userId, sealed, code);
          const t1 = performance.now();
          accepted.record();
          const t2 = performance.now();
          times.push(t1 - t0);
          if (b >= 0) records.push(t2 - t1);
          if (b >= 0 && i % REPLAY_EVERY === 0) {
            const t3 = performance.now();
            try {
              acceptTotp(ctx, user.userId, sealed, code);
              throw new Error('a replayed code was accepted');
            } catch (e) {
              if (!(e instanceof CcmsError) || e.code !== 'OTP_REUSED') throw e;
            }
            replays.push(performance.now() - t3);
            recordSuccess(ctx, user.userId.toUpperCase());
          }
        }
        if (b < 0) continue; // warm-up batch: JIT, statement cache
        times.sort((x, y) => x - y);
        p99s.push(percentile(times, 99));
        all.push(...times);
      }
      all.sort((x, y) => x - y);
      records.sort((x, y) => x - y);
      replays.sort((x, y) => x - y);
      log(
        `TOTP verify with replay check: p50 ${percentile(all, 50).toFixed(3)} ms, p99 ${percentile(all, 99).toFixed(3)} ms over ${all.length} calls`,
      );
      return [
        figure({
          id: 'totp-verify-p99',
          name: "TOTP verification with the replay check (the simulator's acceptTotp)",
          goalText: 'p99 ≤ 2 ms',
          goal: { op: '<=', value: 2 },
          unit: 'ms',
          runs: p99s,
          valueIs: `median of ${BATCHES} batches' p99 (${CALLS} calls each, after one warm-up batch); pooled p99 of all ${all.length} calls ${percentile(all, 99).toFixed(3)} ms`,
          details: {
            pooledP99Ms: percentile(all, 99),
            p50Ms: percentile(all, 50),
            maxMs: all.at(-1) ?? NaN,
            recordStepP99Ms: percentile(records, 99),
            replayRejectedP99Ms: percentile(replays, 99),
            sqliteSynchronous: settings.sqliteSynchronous,
          },
        }),
      ];
    } finally {
      ctx.mailer.close();
      db.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runTotpVerify().then(
    (figures) => emitFigures(figures),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
