import { describe, expect, it } from 'vitest';
import type { DmsRequest, DmsUser } from '../../../shared/index.js';
import { availabilityOf, MENU_ACTIONS } from './action-availability.js';

const user = (over: Partial<DmsUser>): DmsUser => ({
  userId: 'C00101',
  name: 'Chan Tai Man',
  roles: ['user'],
  state: 'active',
  channel: 'totp',
  maskedEmail: 'c***1@cp001.example',
  lockedUntil: null,
  tempEmailOtpUntil: null,
  passwordExpiresAt: null,
  temporaryPassword: false,
  ...over,
});
const pending = (action: DmsRequest['action'], userId: string, email?: string): DmsRequest => ({
  id: `R-${action}-${userId}`,
  action,
  userId,
  ...(email ? { email } : {}),
  status: 'pending',
  makerId: 'C00191',
  createdAt: '2026-12-01T01:00:00.000Z',
  expiresAt: '2026-12-02T01:00:00.000Z',
});
const kinds = (u: DmsUser, requests: DmsRequest[] = []) =>
  Object.fromEntries(
    MENU_ACTIONS.map((a) => {
      const x = availabilityOf(u, a, requests);
      return [a, x.kind === 'blocked' ? x.reason : x.kind];
    }),
  );

describe('which DMS requests the console offers', () => {
  it('an active user with an email and 2FA: everything but unlock and reactivate', () => {
    expect(kinds(user({}))).toEqual({
      unlock: 'notLocked',
      reactivate: 'notSuspended',
      set_email: 'available',
      reset_password: 'available',
      reset_2fa: 'available',
      temp_email_otp: 'available',
      suspend: 'available',
    });
  });

  it('temporary email OTPs: only for an authenticator-app user with an email', () => {
    expect(kinds(user({ channel: 'email' }))).toMatchObject({ temp_email_otp: 'notTotp' });
    expect(kinds(user({ channel: null, state: 'needs_init' }))).toMatchObject({
      temp_email_otp: 'notTotp',
    });
    expect(kinds(user({ maskedEmail: null }))).toMatchObject({ temp_email_otp: 'noEmail' });
    // An exception that holds already may be asked for again (a new end from its approval).
    const holding = user({ tempEmailOtpUntil: '2026-12-01T09:00:00.000Z' });
    expect(kinds(holding)).toMatchObject({ temp_email_otp: 'available' });
  });

  it('no email: no password reset ("Register an email first"); no 2FA: no 2FA reset', () => {
    const u = user({ maskedEmail: null, channel: null, state: 'needs_init' });
    expect(kinds(u)).toMatchObject({ reset_password: 'noEmail', reset_2fa: 'no2fa' });
  });

  it('locked: unlock; suspended: reactivate, not suspend; suspended and locked: both undo', () => {
    const lock = '2026-12-31T00:00:00.000Z';
    expect(kinds(user({ state: 'locked', lockedUntil: lock }))).toMatchObject({
      unlock: 'available',
      suspend: 'available',
    });
    expect(kinds(user({ state: 'suspended', lockedUntil: lock }))).toMatchObject({
      unlock: 'available',
      reactivate: 'available',
      suspend: 'alreadySuspended',
    });
  });

  it('a pending request for the same change is reached instead of made again', () => {
    const r = pending('suspend', 'c00101');
    expect(availabilityOf(user({}), 'suspend', [r])).toEqual({ kind: 'pending', request: r });
    // Another user's request, or another change, does not count.
    expect(
      kinds(user({}), [pending('suspend', 'C00102'), pending('reset_2fa', 'C00102')]),
    ).toMatchObject({ suspend: 'available', reset_2fa: 'available' });
    // A pending new email does not rule out another address.
    expect(
      availabilityOf(user({}), 'set_email', [pending('set_email', 'C00101', 'a@x.example')]),
    ).toEqual({ kind: 'available' });
  });
});
