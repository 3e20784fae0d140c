import type { Clock } from './clock.js';
import type { SimSettings } from './settings.js';
import type { Db } from './store/db.js';
import type { SecretBox } from './auth/secrets.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { Mailer } from './mail/mailer.js';
import type { FailureRateLimiter } from './auth/rate-limit.js';

/** Everything a route needs, built once at the composition root (index.ts). */
export interface SimContext {
  db: Db;
  clock: Clock;
  settings: SimSettings;
  box: SecretBox;
  hasher: PasswordHasher;
  mailer: Mailer;
  rateLimiter: FailureRateLimiter;
}
