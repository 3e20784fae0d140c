import { stmt, type Db } from './db.js';
import type { PasswordHasher } from '../auth/passwords.js';
import type { SecretBox } from '../auth/secrets.js';
import { newTotpSecret } from '../auth/totp.js';

/** A user to insert, in plain terms (the password is hashed, the TOTP secret sealed). */
export interface NewUser {
  userId: string;
  participantId: string;
  name: string;
  roles: Array<'user' | 'da'>;
  password: string;
  email?: string;
  channel?: 'totp' | 'email';
  /** Base32; generated when the channel is TOTP and none is given. */
  totpSecret?: string;
  temporaryPassword?: boolean;
  suspended?: boolean;
  lockedUntil?: number;
  /** When the user's own password was set (its history entry); default: the seeding time. */
  passwordSetAt?: number;
}

/** docs/protocol.md's seed participant. */
export const SEED_PARTICIPANT = { participantId: 'CP001', name: 'Demo Clearing Participant Ltd' };

/** C00115's password was set this long before seeding: it expires 10 days after (90-day rule). */
export const SEED_PASSWORD_AGE_MS = 80 * 24 * 60 * 60 * 1000;

/** A seeded lock stays until a DA unlocks it (30 days), so demos find C00104 locked. */
export const SEED_LOCK_MS = 30 * 24 * 60 * 60 * 1000;

/** docs/protocol.md's seed table, exactly. Demo passwords, never real ones. */
export function seedUsers(nowMs: number): NewUser[] {
  const p = SEED_PARTICIPANT.participantId;
  return [
    {
      userId: 'C00101',
      participantId: p,
      name: 'Chan Tai Man',
      roles: ['user'],
      password: 'Demo-Pass-101!',
      channel: 'totp',
    },
    {
      userId: 'C00102',
      participantId: p,
      name: 'Wong Siu Ming',
      roles: ['user'],
      password: 'Demo-Pass-102!',
      channel: 'email',
      email: 'c00102@cp001.example',
    },
    {
      userId: 'C00103',
      participantId: p,
      name: 'Lee Ka Yan',
      roles: ['user'],
      password: 'Temp-Pass-103!',
      temporaryPassword: true,
      email: 'c00103@cp001.example',
    },
    {
      userId: 'C00104',
      participantId: p,
      name: 'Cheung Wing Sze',
      roles: ['user'],
      password: 'Demo-Pass-104!',
      channel: 'totp',
      lockedUntil: nowMs + SEED_LOCK_MS,
    },
    {
      userId: 'C00105',
      participantId: p,
      name: 'Ho Chi Keung',
      roles: ['user'],
      password: 'Demo-Pass-105!',
      channel: 'totp',
      suspended: true,
    },
    {
      userId: 'C00191',
      participantId: p,
      name: 'Lam Mei Ling (DA maker)',
      roles: ['user', 'da'],
      password: 'Demo-Admin-Pass-191!',
      channel: 'totp',
      email: 'c00191@cp001.example',
    },
    {
      userId: 'C00192',
      participantId: p,
      name: 'Yip Kwok Wai (DA checker)',
      roles: ['user', 'da'],
      password: 'Demo-Admin-Pass-192!',
      channel: 'totp',
      email: 'c00192@cp001.example',
    },
    {
      userId: 'C00115',
      participantId: p,
      name: 'Tsang Hoi Yan',
      roles: ['user'],
      password: 'Demo-Pass-115!',
      channel: 'totp',
      email: 'c00115@cp001.example',
      passwordSetAt: nowMs - SEED_PASSWORD_AGE_MS,
    },
    {
      userId: 'C00110',
      participantId: p,
      name: 'Tsang Hoi Yee',
      roles: ['user'],
      password: 'Demo-Pass-110!',
      channel: 'totp',
      email: 'c00110@cp001.example',
    },
    {
      userId: 'C00194',
      participantId: p,
      name: 'Kwan Sze Wai (DA checker, email)',
      roles: ['user', 'da'],
      password: 'Demo-Admin-Pass-194!',
      channel: 'email',
      email: 'c00194@cp001.example',
    },
  ];
}

/** Inserts a participant if missing. */
export function insertParticipant(db: Db, participantId: string, name: string): void {
  stmt(db, 'INSERT OR IGNORE INTO participants (participant_id, name) VALUES (?, ?)').run(
    participantId,
    name,
  );
}

/** A user ready to insert: hashing done outside the transaction (it is slow and async). */
export interface PreparedUser {
  user: NewUser;
  hash: string;
  sealedSecret: string | null;
}

/** Hashes and seals what a user needs; call before `insertUser`. */
export async function prepareUser(
  user: NewUser,
  hasher: PasswordHasher,
  box: SecretBox,
): Promise<PreparedUser> {
  const secret = user.channel === 'totp' ? (user.totpSecret ?? newTotpSecret()) : null;
  return {
    user,
    hash: await hasher.hash(user.password),
    sealedSecret: secret ? box.seal(secret) : null,
  };
}

/** Inserts a prepared user, its first password-history entry and any seeded lock. */
export function insertUser(db: Db, prepared: PreparedUser, nowMs: number): void {
  const { user, hash, sealedSecret } = prepared;
  const key = user.userId.toUpperCase();
  stmt(
    db,
    `INSERT INTO users (user_id, participant_id, name, roles, email, password_hash, must_change_password,
       channel, totp_secret_enc, needs_channel, suspended, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  ).run(
    key,
    user.participantId,
    user.name,
    JSON.stringify(user.roles),
    user.email ?? null,
    hash,
    user.temporaryPassword ? 1 : 0,
    user.channel ?? null,
    sealedSecret,
    user.suspended ? 1 : 0,
    nowMs,
  );
  // A temporary password is not part of the user's own history.
  if (!user.temporaryPassword) {
    stmt(db, 'INSERT INTO password_history (user_id, password_hash, set_at) VALUES (?, ?, ?)').run(
      key,
      hash,
      user.passwordSetAt ?? nowMs,
    );
  }
  if (user.lockedUntil !== undefined) {
    stmt(
      db,
      'INSERT OR REPLACE INTO lockouts (user_key, failures, locked_until, updated_at) VALUES (?, 0, ?, ?)',
    ).run(key, user.lockedUntil, nowMs);
  }
}

const ALL_TABLES = [
  'audit',
  'dms_approval_codes',
  'dms_requests',
  'mails',
  'sessions',
  'init_tokens',
  'challenges',
  'lockouts',
  'password_history',
  'users',
  'participants',
];

/** The user IDs of the seed table. */
export type SeedUserId =
  | 'C00101'
  | 'C00102'
  | 'C00103'
  | 'C00104'
  | 'C00105'
  | 'C00110'
  | 'C00115'
  | 'C00191'
  | 'C00192'
  | 'C00194';

/** The seed users' demo passwords by user ID: the one copy tests sign in with. */
export const SEED_PASSWORDS = Object.freeze(
  Object.fromEntries(seedUsers(0).map((u) => [u.userId, u.password])),
) as Readonly<Record<SeedUserId, string>> & Readonly<Record<string, string | undefined>>;

/** Resets every table to docs/protocol.md's seed. Safe while a simulator runs (one transaction). */
export async function resetToSeed(
  db: Db,
  hasher: PasswordHasher,
  box: SecretBox,
  nowMs: number,
): Promise<void> {
  const prepared = await Promise.all(seedUsers(nowMs).map((u) => prepareUser(u, hasher, box)));
  db.transaction(() => {
    for (const t of ALL_TABLES) stmt(db, `DELETE FROM ${t}`).run();
    insertParticipant(db, SEED_PARTICIPANT.participantId, SEED_PARTICIPANT.name);
    for (const p of prepared) insertUser(db, p, nowMs);
  }).immediate();
}

/** Whether the database holds no user yet. */
export function isEmpty(db: Db): boolean {
  return (stmt(db, 'SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0;
}
