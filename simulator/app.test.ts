import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import forge from 'node-forge';
import Database from 'better-sqlite3';
import { ManualClock } from './clock.js';
import { dataPaths, loadConfig } from './data-dir.js';
import { ensureCertificates } from './tls/certificates.js';
import { openDatabase } from './store/db.js';
import { MIGRATIONS } from './store/migrations.js';
import { buildOpenApi } from './routes/openapi.js';
import { buildApp } from './app.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { SecretBox } from './auth/secrets.js';
import { PasswordHasher } from './auth/passwords.js';
import { FailureRateLimiter } from './auth/rate-limit.js';
import type { SimContext } from './context.js';

describe('simulator parts without a port', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccms-sim-unit-'));
  const paths = dataPaths(dir);
  let ctx: SimContext;
  beforeAll(() => {
    const config = loadConfig(paths);
    const clock = new ManualClock(Date.UTC(2026, 0, 5));
    ctx = {
      db: openDatabase(paths.db),
      clock,
      settings: DEFAULT_SETTINGS,
      box: new SecretBox(config.secretKey),
      hasher: new PasswordHasher(DEFAULT_SETTINGS),
      mailer: { send: async () => {}, close: () => {} },
      rateLimiter: new FailureRateLimiter(clock, 30, 60),
    };
  });
  afterAll(() => {
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the data folder with a 32-byte key and refuses a broken config naming the file', () => {
    expect(Buffer.from(loadConfig(paths).secretKey, 'base64').length).toBe(32);
    const other = mkdtempSync(join(tmpdir(), 'ccms-sim-bad-'));
    const bad = dataPaths(other);
    loadConfig(bad);
    rmSync(bad.config);
    writeFileSync(bad.config, '{"secretKey": 12}');
    expect(() => loadConfig(bad)).toThrow(/config\.json is invalid: secretKey/);
    rmSync(other, { recursive: true, force: true });
  });

  it('opens SQLite in WAL mode at the latest schema version', () => {
    expect(ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('migrates a database of an older schema in place, keeping its rows', () => {
    const old = new Database(join(dir, 'old.db'));
    old.exec(MIGRATIONS[0] ?? '');
    old.pragma('user_version = 1');
    old.exec(`INSERT INTO participants VALUES ('CP009', 'Old Ltd')`);
    old.close();
    const db = openDatabase(join(dir, 'old.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT name FROM participants').get()).toEqual({ name: 'Old Ltd' });
    const columns = db.prepare('PRAGMA table_info(users)').all() as Array<{ name: string }>;
    expect(columns.map((c) => c.name)).toContain('temp_password_expires_at');
    db.close();
  });

  it('generates a CA and a server certificate for 127.0.0.1 and localhost, once', () => {
    const tls = ensureCertificates(paths);
    const ca = forge.pki.certificateFromPem(tls.caCertPem);
    const cert = forge.pki.certificateFromPem(tls.certPem);
    expect(ca.verify(cert)).toBe(true);
    const san = cert.getExtension('subjectAltName') as {
      altNames: Array<{ type: number; ip?: string; value?: string }>;
    };
    expect(san.altNames.map((a) => a.ip ?? a.value)).toEqual(['127.0.0.1', 'localhost']);
    expect(ensureCertificates(paths).caCertPem).toBe(readFileSync(paths.caCert, 'utf8'));
  });

  it('answers through inject() with the error shape of docs/protocol.md', async () => {
    const app = await buildApp(ctx, () => {});
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.json()).toMatchObject({
      status: 'ok',
      environment: 'simulator',
      serverTime: '2026-01-05T00:00:00.000Z',
    });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { userId: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_REQUEST', field: 'userId' } });
    await app.close();
  });

  it('answers INTERNAL 500 when a reply cannot be made durable (fault injected: a failing fsync)', async () => {
    const defects: unknown[] = [];
    const app = await buildApp(
      ctx,
      (line) => {
        if (line.msg === 'defect') defects.push(line);
      },
      undefined,
      () => Promise.reject(new Error('EIO: i/o error, fsync')),
    );
    const r = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(r.statusCode).toBe(500);
    expect(r.json()).toEqual({
      error: {
        code: 'INTERNAL',
        message: 'The simulator could not store the change; this is a defect.',
      },
    });
    expect(r.headers['cache-control']).toBe('no-store');
    expect(defects.length).toBe(1);
    await app.close();
  });

  it('generates openapi.json for every route of docs/protocol.md', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths).flatMap(([p, m]) =>
      Object.keys(m).map((v) => `${v.toUpperCase()} ${p}`),
    );
    expect(ops.sort()).toEqual(
      [
        'GET /health',
        'POST /auth/login',
        'POST /auth/otp',
        'POST /auth/otp/resend',
        'POST /init/password',
        'POST /init/channel',
        'POST /init/channel/confirm',
        'GET /session',
        'POST /session/reauth',
        'POST /session/logout',
        'GET /terminal/summary',
        'GET /dms/users',
        'POST /dms/requests',
        'GET /dms/requests',
        'POST /dms/requests/{id}/approval-code',
        'POST /dms/requests/{id}/approve',
        'POST /dms/requests/{id}/reject',
        'GET /dms/audit',
      ].sort(),
    );
  });
});
