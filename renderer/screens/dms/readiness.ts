// "What will stop them tomorrow morning": the problems a user will meet at their next sign-in,
// read from what GET /dms/users sends (docs/protocol.md, "readiness facts").
import type { DmsUser } from '../../../shared/index.js';

/** One thing the user will meet at the next sign-in; `time` where the wording names one. */
export interface ReadinessProblem {
  key:
    | 'suspended'
    | 'locked'
    | 'tempPasswordExpired'
    | 'tempPasswordExpires'
    | 'newPassword'
    | 'no2fa'
    | 'noEmailForCodes'
    | 'noEmailForReset';
  /** `stop`: the user cannot sign in; `ask`: the sign-in asks for more; `note`: worth knowing. */
  severity: 'stop' | 'ask' | 'note';
  time?: string;
}

/** The problems of a user's next sign-in, worst first; none: the user signs in as usual. */
export function readinessOf(user: DmsUser, nowMs: number): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  if (user.state === 'suspended') problems.push({ key: 'suspended', severity: 'stop' });
  if (user.lockedUntil !== null && Date.parse(user.lockedUntil) > nowMs)
    problems.push({ key: 'locked', severity: 'stop', time: user.lockedUntil });
  if (user.temporaryPassword) {
    const ends = user.passwordExpiresAt;
    if (ends !== null && Date.parse(ends) <= nowMs)
      problems.push({ key: 'tempPasswordExpired', severity: 'stop', time: ends });
    else if (ends !== null)
      problems.push({ key: 'tempPasswordExpires', severity: 'ask', time: ends });
    else problems.push({ key: 'newPassword', severity: 'ask' });
  }
  if (user.channel === null) problems.push({ key: 'no2fa', severity: 'ask' });
  if (user.maskedEmail === null) {
    // Email codes need the address. For an app user it matters when a reset is what they need
    // (the Email column already says none is registered).
    if (user.channel === 'email') problems.push({ key: 'noEmailForCodes', severity: 'stop' });
    else if (problems.some((p) => p.key === 'tempPasswordExpired'))
      problems.push({ key: 'noEmailForReset', severity: 'stop' });
  }
  return problems;
}

/** Whether a user needs a DA's attention before their next sign-in (more than a note). */
export function needsAttention(problems: readonly ReadinessProblem[]): boolean {
  return problems.some((p) => p.severity !== 'note');
}
