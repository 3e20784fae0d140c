import { existsSync } from 'node:fs';
import { dataPaths, loadConfig } from './data-dir.js';
import { resolveSettings, settingsFromEnv } from './settings.js';
import { openDatabase, type Db } from './store/db.js';
import { SecretBox } from './auth/secrets.js';
import { PasswordHasher } from './auth/passwords.js';

/** The data folder opened without a server, for the CLI and for tests that prepare data. */
export interface OfflineData {
  db: Db;
  box: SecretBox;
  hasher: PasswordHasher;
  close(): void;
}

/** Opens a data folder's database and key (creating the folder when `create`). */
export function openOffline(dataDir: string, opts: { create?: boolean } = {}): OfflineData {
  const paths = dataPaths(dataDir);
  if (!opts.create && !existsSync(paths.config)) {
    throw new Error(
      `${paths.dir} holds no simulator data yet; run \`npm run sim\` once (or set CCMS_SIM_DATA)`,
    );
  }
  const config = loadConfig(paths);
  const settings = resolveSettings(config.settings, settingsFromEnv(process.env));
  const db = openDatabase(paths.db, settings.sqliteSynchronous);
  return {
    db,
    box: new SecretBox(config.secretKey),
    hasher: new PasswordHasher(settings),
    close: () => db.close(),
  };
}
