// Which DMS request can succeed for a user: one rule, used by the console to offer only what can
// succeed and by the host (simulator/dms/service.ts) to refuse what cannot. docs/protocol.md
// describes the same rules.
import type { DmsAction, DmsUser } from './protocol.js';

/** Why an action cannot be requested for a user as they are now. */
export type DmsActionBlock =
  /** reset_password and temp_email_otp mail the user: they need an email. */
  | 'noEmail'
  /** unlock: the user is not locked. */
  | 'notLocked'
  /** suspend: the user is suspended already. */
  | 'alreadySuspended'
  /** reactivate: the user is not suspended. */
  | 'notSuspended'
  /** reset_2fa: the user has no two-factor authentication set up to reset. */
  | 'no2fa'
  /** temp_email_otp: the user does not sign in with an authenticator app (nothing to replace). */
  | 'notTotp';

/** The facts of a user the rules read. */
export type DmsRuleFacts = Pick<DmsUser, 'state' | 'channel' | 'maskedEmail' | 'lockedUntil'>;

/**
 * Why `action` cannot succeed for the user, or null when it can. A new action adds one case here
 * (the compiler asks for it) and its reason to `DmsActionBlock`.
 */
export function actionBlock(user: DmsRuleFacts, action: DmsAction): DmsActionBlock | null {
  switch (action) {
    case 'set_email':
      return null;
    case 'reset_password':
      return user.maskedEmail === null ? 'noEmail' : null;
    case 'reset_2fa':
      return user.channel === null ? 'no2fa' : null;
    case 'unlock':
      // A suspended user can be locked too: the lock, not the shown state, decides.
      return user.lockedUntil === null ? 'notLocked' : null;
    case 'suspend':
      return user.state === 'suspended' ? 'alreadySuspended' : null;
    case 'reactivate':
      return user.state === 'suspended' ? null : 'notSuspended';
    case 'temp_email_otp':
      // Email codes stand in for a lost authenticator app (channel null: not set up yet), and
      // they go to the registered email.
      if (user.channel !== 'totp') return 'notTotp';
      return user.maskedEmail === null ? 'noEmail' : null;
  }
}

/** What a request asks for: the same change twice is one request. */
export interface DmsChange {
  action: DmsAction;
  userId: string;
  email?: string | undefined;
}

/** Whether two requests ask for the same change (set_email: the same address, in any case). */
export function sameChange(a: DmsChange, b: DmsChange): boolean {
  if (a.action !== b.action || a.userId.toUpperCase() !== b.userId.toUpperCase()) return false;
  if (a.action !== 'set_email') return true;
  return (a.email ?? '').toLowerCase() === (b.email ?? '').toLowerCase();
}
