/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
 * Append only: never edit a migration that has shipped, add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the whole v1 model
  `
  CREATE TABLE participants (
    participant_id TEXT PRIMARY KEY,
    name TEXT NOT NULL
  );
  CREATE TABLE users (
    user_id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants(participant_id),
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    email TEXT,
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    channel TEXT CHECK (channel IN ('totp', 'email')),
    totp_secret_enc TEXT,
    needs_channel INTEGER NOT NULL DEFAULT 0,
    last_totp_step INTEGER NOT NULL DEFAULT -1,
    suspended INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE password_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    password_hash TEXT NOT NULL,
    set_at INTEGER NOT NULL
  );
  CREATE INDEX password_history_user ON password_history(user_id, id);
  -- Keyed by any user ID typed, known or not, so unknown IDs lock exactly like real ones.
  CREATE TABLE lockouts (
    user_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER
  );
  CREATE TABLE challenges (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    code_hash TEXT,
    code_expires_at INTEGER,
    sends INTEGER NOT NULL DEFAULT 0,
    last_sent_at INTEGER,
    consumed_at INTEGER
  );
  CREATE TABLE init_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    steps TEXT NOT NULL,
    pending_channel TEXT,
    pending_secret_enc TEXT,
    code_hash TEXT,
    code_expires_at INTEGER,
    sends INTEGER NOT NULL DEFAULT 0,
    last_sent_at INTEGER,
    used_at INTEGER
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    revoked_at INTEGER,
    clock_skew_sec INTEGER,
    reauth_code_hash TEXT,
    reauth_code_expires_at INTEGER,
    reauth_sent_at INTEGER
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE mails (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    text TEXT NOT NULL,
    user_id TEXT,
    received_at INTEGER NOT NULL
  );
  CREATE TABLE dms_requests (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL,
    action TEXT NOT NULL,
    user_id TEXT NOT NULL,
    email TEXT,
    status TEXT NOT NULL,
    maker_id TEXT NOT NULL,
    checker_id TEXT,
    reason TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    decided_at INTEGER
  );
  CREATE INDEX dms_requests_participant ON dms_requests(participant_id, created_at);
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    event TEXT NOT NULL,
    request_id TEXT,
    target_user_id TEXT,
    detail TEXT
  );
  `,
  // 2: a temporary password from a DA's reset expires (the mail names when)
  `
  ALTER TABLE users ADD COLUMN temp_password_expires_at INTEGER;
  `,
  // 3: an approval claims its request before its effect (a mail) runs, so two never both run
  `
  ALTER TABLE dms_requests ADD COLUMN claimed_by TEXT;
  ALTER TABLE dms_requests ADD COLUMN claimed_at INTEGER;
  `,
  // 4: a lockout row knows its last failure, so counts nobody adds to are forgotten and purged
  `
  ALTER TABLE lockouts ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX lockouts_updated ON lockouts(updated_at);
  `,
  // 5: a DA's temporary email OTP exception for a TOTP user (until when, and the request's
  // duration), and the email codes that let an email-channel checker approve one request
  `
  ALTER TABLE users ADD COLUMN temp_email_otp_until INTEGER;
  ALTER TABLE dms_requests ADD COLUMN duration_sec INTEGER;
  CREATE TABLE dms_approval_codes (
    request_id TEXT NOT NULL,
    checker_id TEXT NOT NULL,
    code_hash TEXT,
    code_expires_at INTEGER,
    sends INTEGER NOT NULL DEFAULT 0,
    last_sent_at INTEGER,
    PRIMARY KEY (request_id, checker_id)
  );
  `,
];
