/**
 * The simulator's command line (docs/protocol.md):
 *   npm run sim                      start; prints the URL and the CA certificate's path
 *   npm run sim -- seed              reset the data to the seed table
 *   npm run sim -- otp <userId>      print the user's current TOTP (plays the user's phone)
 *   npm run sim -- outbox [<userId>] print the emails sent, newest first
 * Data folder: CCMS_SIM_DATA (default `.sim-data` in the repository root); port: CCMS_SIM_PORT.
 * `seed`, `otp` and `outbox` work on the SQLite file directly, also while a simulator runs.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { startSimulator } from './index.js';
import { openOffline } from './offline.js';
import { resetToSeed } from './store/seed.js';
import { currentTotpOf } from './phone.js';
import { readOutbox } from './mail/outbox.js';
import { systemClock } from './clock.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.CCMS_SIM_DATA
  ? resolve(process.env.CCMS_SIM_DATA)
  : resolve(repoRoot, '.sim-data');

const USAGE = `usage: npm run sim [-- seed | -- otp <userId> | -- outbox [<userId>]]`;

async function serve(): Promise<void> {
  const sim = await startSimulator({ dataDir, log: (line) => console.log(JSON.stringify(line)) });
  console.log(`CCMS host simulator listening at ${sim.url}/api/v1`);
  console.log(`URL: ${sim.url}`);
  console.log(`CA certificate: ${sim.caCertPath}`);
  console.log(`Data folder: ${dataDir}`);
  console.log(`Try: curl --cacert ${sim.caCertPath} ${sim.url}/api/v1/health`);
  const stop = (signal: string): void => {
    console.log(`${signal}: stopping`);
    sim.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<number> {
  const [command, arg, extra] = argv;
  if (command === undefined || command === 'start') {
    await serve();
    return -1;
  }
  if (extra !== undefined) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'seed') {
    const off = openOffline(dataDir, { create: true });
    try {
      await resetToSeed(off.db, off.hasher, off.box, systemClock.now());
      console.log(`seeded ${dataDir}: CP001 with users C00101-C00105, C00115, C00191, C00192`);
    } finally {
      off.close();
    }
    return 0;
  }
  if (command === 'otp') {
    if (!arg) {
      console.error('usage: npm run sim -- otp <userId>');
      return 2;
    }
    const off = openOffline(dataDir);
    try {
      console.log(currentTotpOf(off.db, off.box, arg, systemClock.now()));
    } finally {
      off.close();
    }
    return 0;
  }
  if (command === 'outbox') {
    const off = openOffline(dataDir);
    try {
      const mails = readOutbox(off.db, arg);
      if (mails.length === 0) console.log(arg ? `no email for ${arg}` : 'no email sent');
      for (const m of mails) {
        console.log(`--- ${m.sentAt}  to ${m.to}${m.userId ? `  (${m.userId})` : ''}`);
        console.log(`Subject: ${m.subject}`);
        console.log(m.text);
      }
    } finally {
      off.close();
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    console.error(`error: ${(e as Error).message ?? String(e)}`);
    process.exit(1);
  },
);
