import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';

/** The simulator's own config file in its data folder: the at-rest key and optional settings. */
const ConfigFile = z.strictObject({
  /** AES-256-GCM key (base64, 32 bytes) that encrypts TOTP secrets at rest. */
  secretKey: z.base64().refine((s) => Buffer.from(s, 'base64').length === 32, 'must be 32 bytes'),
  /** Overrides of docs/protocol.md's rules (see settings.ts). */
  settings: z.record(z.string(), z.unknown()).optional(),
});
/** The simulator's config file. */
export type ConfigFile = z.infer<typeof ConfigFile>;

/** Paths of everything the simulator keeps in its data folder. */
export interface DataPaths {
  dir: string;
  db: string;
  config: string;
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
}

/** The files of a data folder. */
export function dataPaths(dataDir: string): DataPaths {
  const dir = resolve(dataDir);
  return {
    dir,
    db: join(dir, 'sim.db'),
    config: join(dir, 'config.json'),
    caCert: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca-key.pem'),
    serverCert: join(dir, 'server.pem'),
    serverKey: join(dir, 'server-key.pem'),
  };
}

/** Writes a file atomically (write then rename) with owner-only permissions. */
export function writePrivate(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}

/** Creates the folder and config.json if missing; reads and validates the config. */
export function loadConfig(paths: DataPaths): ConfigFile {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  if (!existsSync(paths.config)) {
    const fresh: ConfigFile = { secretKey: randomBytes(32).toString('base64') };
    writePrivate(paths.config, `${JSON.stringify(fresh, null, 2)}\n`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(paths.config, 'utf8'));
  } catch (e) {
    throw new Error(`${paths.config}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
  const result = ConfigFile.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${paths.config} is invalid: ${lines.join('; ')}`);
  }
  return result.data;
}
