// Bench-only seeding: many distinct TOTP users in a simulator data folder, through the
// simulator's own store (simulator/store/seed.ts) and key (simulator/offline.ts), so they are
// stored exactly as the simulator stores any user (argon2id hash, sealed TOTP secret).
import { openOffline } from '../../simulator/offline.js';
import { insertUser, resetToSeed, type PreparedUser } from '../../simulator/store/seed.js';
import { newTotpSecret } from '../../simulator/auth/totp.js';

/** The password of every bench user (bench data only, never a real one). */
export const BENCH_PASSWORD = 'Bench-Pass-0001!';

/** A seeded user: what its terminal types (ID, password) and what its phone holds (the secret). */
export interface BenchUser {
  userId: string;
  /** Base32, as an authenticator app stores it. */
  secret: string;
}

/**
 * Resets `dataDir` (created if missing) to the seed table and adds `count` TOTP users
 * `<prefix>00000`, `<prefix>00001`, … of participant CP001, all with BENCH_PASSWORD. A TOTP code
 * is accepted once per user and step, so a bench that signs in many times needs as many users.
 * One argon2id hash serves them all: seeding thousands must not take thousands of hashes, and a
 * verify costs the same whatever the salt.
 */
export async function seedBenchUsers(
  dataDir: string,
  count: number,
  prefix = 'B',
): Promise<BenchUser[]> {
  const off = openOffline(dataDir, { create: true });
  try {
    const now = Date.now();
    await resetToSeed(off.db, off.hasher, off.box, now);
    const hash = await off.hasher.hash(BENCH_PASSWORD);
    const users: BenchUser[] = [];
    off.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const userId = `${prefix}${String(i).padStart(5, '0')}`;
        const secret = newTotpSecret();
        const prepared: PreparedUser = {
          user: {
            userId,
            participantId: 'CP001',
            name: `Bench ${i}`,
            roles: ['user'],
            password: BENCH_PASSWORD,
            channel: 'totp',
          },
          hash,
          sealedSecret: off.box.seal(secret),
        };
        insertUser(off.db, prepared, now);
        users.push({ userId, secret });
      }
    })();
    return users;
  } finally {
    off.close();
  }
}
