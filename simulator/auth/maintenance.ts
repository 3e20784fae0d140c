import { CcmsError } from '../../shared/errors.js';
import type { MaintenanceWindow } from '../../shared/protocol.js';
import type { SimContext } from '../context.js';

/** The windows not yet over, soonest first: what `/health` announces. */
export function announcedWindows(ctx: SimContext): MaintenanceWindow[] {
  const now = ctx.clock.now();
  return ctx.settings.maintenanceWindows
    .filter((w) => Date.parse(w.endsAt) > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/**
 * Throws HOST_MAINTENANCE during a window. Login calls it before the rate limit and the password
 * hash: a refusal during maintenance is no attempt, so it neither counts toward a lockout nor
 * tells anything about the user ID.
 */
export function assertNoMaintenance(ctx: SimContext): void {
  const now = ctx.clock.now();
  const current = ctx.settings.maintenanceWindows.find(
    (w) => Date.parse(w.startsAt) <= now && now < Date.parse(w.endsAt),
  );
  if (!current) return;
  throw new CcmsError('HOST_MAINTENANCE', 'CCMS is under maintenance; sign in after it ends.', {
    endsAt: new Date(Date.parse(current.endsAt)).toISOString(),
  });
}
