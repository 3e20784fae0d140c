import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from './clock.js';
import { dataPaths, loadConfig } from './data-dir.js';
import { resolveSettings, settingsFromEnv, type SimSettings } from './settings.js';
import { ensureCertificates } from './tls/certificates.js';
import { openDatabase } from './store/db.js';
import { isEmpty, resetToSeed } from './store/seed.js';
import { startPurging } from './store/purge.js';
import { WalSyncer } from './store/wal-sync.js';
import { SecretBox } from './auth/secrets.js';
import { PasswordHasher } from './auth/passwords.js';
import { FailureRateLimiter } from './auth/rate-limit.js';
import { createMailer } from './mail/mailer.js';
import { startSmtpSink, type SmtpSink } from './mail/smtp-sink.js';
import { readOutbox, type OutboxMail } from './mail/outbox.js';
import { currentTotpOf } from './phone.js';
import { buildApp } from './app.js';
import type { SimContext } from './context.js';

export { ManualClock, ShiftedClock, systemClock, type Clock } from './clock.js';
export { DEFAULT_SETTINGS, SimSettings, envName } from './settings.js';
export type { OutboxMail } from './mail/outbox.js';

/** How to start a simulator. */
export interface SimulatorOptions {
  /** Created if missing; holds sim.db, ca.pem, the server certificate and key, config.json. */
  dataDir: string;
  /** 0 = random; default from CCMS_SIM_PORT or 7443. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default: real time. */
  clock?: Clock;
  /** Overrides of the docs/protocol.md rules (see settings.ts). */
  settings?: Partial<SimSettings>;
  /** Structured log lines; default quiet. */
  log?: (line: Record<string, unknown>) => void;
  /** Default true: a new data folder gets the seed table. */
  seedIfEmpty?: boolean;
}

/** A simulator that is listening. */
export interface RunningSimulator {
  /** e.g. https://127.0.0.1:7443 (no trailing slash; the API is under /api/v1). */
  url: string;
  caCertPem: string;
  caCertPath: string;
  close(): Promise<void>;
  /** Resets the data to docs/protocol.md's seed table. */
  seed(): Promise<void>;
  /** Plays the user's phone: the TOTP code now (shifted by `offsetSteps` 30-second steps). */
  currentTotp(userId: string, offsetSteps?: number): string;
  /** The emails sent, newest first; `code` is the OTP or temporary password a mail carries. */
  outbox(userId?: string): Promise<OutboxMail[]>;
  /** Password checks (argon2 verifies, dummy ones included) since the start; for tests. */
  passwordVerifies(): number;
  /** Changes committed that no fsync has covered yet (0 between replies when replies are durable). */
  unsyncedWrites(): number;
  /** WAL flushes made so far, on the event loop and on the thread pool (store/wal-sync.ts). */
  walFlushes(): { onLoop: number; onPool: number };
  clock: Clock;
}

/** The port from CCMS_SIM_PORT, or 7443. */
export function defaultPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CCMS_SIM_PORT;
  if (raw === undefined || raw === '') return 7443;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`CCMS_SIM_PORT: "${raw}" is not a port number (0-65535)`);
  }
  return port;
}

/** Starts the simulator: data folder, certificates, database, SMTP sink, HTTPS. */
export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? (() => {});
  const paths = dataPaths(opts.dataDir);
  const config = loadConfig(paths);
  const settings = resolveSettings(config.settings, settingsFromEnv(process.env), opts.settings);
  const tls = ensureCertificates(paths);
  const db = openDatabase(paths.db, settings.sqliteSynchronous);
  // With FULL, SQLite fsyncs every commit itself; with NORMAL, replies wait for a shared fsync.
  const syncer =
    settings.sqliteSynchronous === 'NORMAL' && settings.fsyncBeforeReply
      ? new WalSyncer(db, `${paths.db}-wal`)
      : undefined;
  const box = new SecretBox(config.secretKey);
  const hasher = new PasswordHasher(settings);

  let sink: SmtpSink | undefined;
  let stopPurging = (): void => {};
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    if (settings.smtpHost === '') sink = await startSmtpSink(db, clock);
    const mailer = createMailer(
      settings.smtpHost === '' ? '127.0.0.1' : settings.smtpHost,
      sink?.port ?? settings.smtpPort,
      settings.mailFrom,
    );
    const ctx: SimContext = {
      db,
      clock,
      settings,
      box,
      hasher,
      mailer,
      rateLimiter: new FailureRateLimiter(
        clock,
        settings.loginRateLimitFailures,
        settings.loginRateLimitWindowSec,
      ),
    };
    if ((opts.seedIfEmpty ?? true) && isEmpty(db)) await resetToSeed(db, hasher, box, clock.now());
    stopPurging = startPurging(db, clock, settings);
    app = await buildApp(ctx, log, tls, syncer && (() => syncer.durable()));
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port ?? defaultPort(), host });
    const address = app.server.address() as AddressInfo;
    const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `https://${urlHost}:${address.port}`;
    log({
      t: new Date().toISOString(),
      level: 'info',
      msg: 'simulator listening',
      url,
      caCertPath: paths.caCert,
    });

    let closed = false;
    const running: RunningSimulator = {
      url,
      caCertPem: tls.caCertPem,
      caCertPath: paths.caCert,
      clock,
      async close() {
        if (closed) return;
        closed = true;
        stopPurging();
        await app?.close();
        mailer.close();
        await sink?.close();
        syncer?.close();
        db.close();
      },
      seed: () => resetToSeed(db, hasher, box, clock.now()),
      currentTotp: (userId, offsetSteps = 0) =>
        currentTotpOf(db, box, userId, clock.now(), offsetSteps),
      outbox: async (userId) => readOutbox(db, userId),
      passwordVerifies: () => hasher.verifies,
      unsyncedWrites: () => syncer?.unsynced() ?? 0,
      walFlushes: () => ({ ...(syncer?.flushes ?? { onLoop: 0, onPool: 0 }) }),
    };
    return running;
  } catch (e) {
    stopPurging();
    await app?.close().catch(() => {});
    await sink?.close().catch(() => {});
    syncer?.close();
    db.close();
    throw e;
  }
}
