// What the console offers for a user: every action, each either available, ruled out with the
// reason (the host's own rule, shared/dms-rules.ts), or already asked for by a pending request.
import { actionBlock, sameChange, type DmsActionBlock } from '../../../shared/dms-rules.js';
import type { DmsAction, DmsRequest, DmsUser } from '../../../shared/index.js';

/** The order the request menu lists the actions in: the ones that undo a block first. */
export const MENU_ACTIONS: readonly DmsAction[] = [
  'unlock',
  'reactivate',
  'set_email',
  'reset_password',
  'reset_2fa',
  'temp_email_otp',
  'suspend',
];

/** Whether an action can be requested for a user now, and if not, why. */
export type Availability =
  | { kind: 'available' }
  | { kind: 'blocked'; reason: DmsActionBlock }
  | { kind: 'pending'; request: DmsRequest };

/**
 * An action for a user, given the participant's pending requests. set_email is a new address
 * each time, so a pending one does not rule out another (the dialog checks the address typed).
 */
export function availabilityOf(
  user: DmsUser,
  action: DmsAction,
  pending: readonly DmsRequest[],
): Availability {
  const reason = actionBlock(user, action);
  if (reason !== null) return { kind: 'blocked', reason };
  if (action !== 'set_email') {
    const request = pendingFor(pending, { action, userId: user.userId });
    if (request !== undefined) return { kind: 'pending', request };
  }
  return { kind: 'available' };
}

/** The pending request asking for the same change, if there is one. */
export function pendingFor(
  pending: readonly DmsRequest[],
  change: { action: DmsAction; userId: string; email?: string | undefined },
): DmsRequest | undefined {
  return pending.find(
    (r) => r.status === 'pending' && sameChange({ ...r, email: r.email }, change),
  );
}
