// The DMS console's two exceptions: a checker whose channel is email approves with an emailed
// code, and the temporary email one-time passwords action (offered only where it can succeed).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { DmsRequest, DmsUser } from '../../../shared/index.js';
import { useSessionStore } from '../../state/session-store.js';
import { useDmsStore } from '../../state/dms-store.js';
import { installFakeBridge, ok, renderWithProviders } from '../shell/test-support.js';
import DmsConsole from './DmsConsole.js';

const fake = installFakeBridge();

const person = (over: Partial<DmsUser> & { userId: string }): DmsUser => ({
  name: `User ${over.userId}`,
  roles: ['user'],
  state: 'active',
  channel: 'totp',
  maskedEmail: null,
  lockedUntil: null,
  tempEmailOtpUntil: null,
  passwordExpiresAt: null,
  temporaryPassword: false,
  ...over,
});
const users: DmsUser[] = [
  person({ userId: 'C00101' }),
  person({ userId: 'C00102', channel: 'email', maskedEmail: 'c***2@cp001.example' }),
  person({
    userId: 'C00110',
    maskedEmail: 'c***0@cp001.example',
    tempEmailOtpUntil: '2099-01-01T08:00:00.000Z',
  }),
  person({ userId: 'C00194', roles: ['user', 'da'], channel: 'email', maskedEmail: 'c***4@x' }),
];
const pending: DmsRequest = {
  id: 'R-1',
  action: 'unlock',
  userId: 'C00101',
  status: 'pending',
  makerId: 'C00191',
  createdAt: '2026-11-25T01:00:00.000Z',
  expiresAt: '2026-11-26T01:00:00.000Z',
};

function signedInAs(userId: string) {
  useSessionStore.setState({
    authState: {
      step: 'signedIn',
      user: { userId, participantId: 'CP001', name: 'DA', roles: ['user', 'da'] },
      environment: 'simulator',
      expiresAt: '2099-01-01T00:00:00.000Z',
      idleTimeoutSec: 900,
    },
  });
}

beforeEach(() => {
  fake.answer('dmsListUsers', () => ok({ users }));
  fake.answer('dmsListRequests', () => ok({ requests: [pending] }));
});
afterEach(() => {
  cleanup();
  fake.reset();
});

const openMenu = async (userId: string) =>
  act(async () =>
    (await screen.findByRole('button', { name: `Request a change for ${userId}` })).click(),
  );

describe('approval by a checker whose channel is email', () => {
  it('sends a code to the email, says where and for how long, then approves with it', async () => {
    signedInAs('C00194');
    const soon = Date.now() + 300_000;
    fake.answer('dmsApprovalCode', () =>
      ok({
        maskedEmail: 'c***4@cp001.example',
        expiresAt: new Date(soon).toISOString(),
        resendAvailableAt: new Date(Date.now() + 30_000).toISOString(),
      }),
    );
    fake.answer('dmsApprove', () =>
      ok({ request: { ...pending, status: 'approved', checkerId: 'C00194' } }),
    );
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Approve: Unlock for C00101' })).click(),
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByLabelText('One-time password')).toBeNull();
    await act(async () =>
      within(dialog).getByRole('button', { name: 'Send a code to my email' }).click(),
    );
    expect(fake.calls.find((c) => c.name === 'dmsApprovalCode')?.input).toEqual({ id: 'R-1' });
    expect(
      within(dialog).getByText(
        'We sent a code to c***4@cp001.example. It approves this request only.',
      ),
    ).toBeTruthy();
    expect(within(dialog).getByTestId('approval-code-countdown').textContent).toMatch(
      /^The code expires in [45]:\d\d\.$/,
    );
    const resend = within(dialog).getByRole('button', { name: 'Resend code' });
    expect(resend.getAttribute('aria-disabled')).toBe('true');
    const field = within(dialog).getByLabelText('One-time password');
    expect(document.activeElement).toBe(field);
    await act(async () => fireEvent.change(field, { target: { value: '246810' } }));
    expect(fake.calls.find((c) => c.name === 'dmsApprove')?.input).toEqual({
      id: 'R-1',
      code: '246810',
    });
    expect(await screen.findByText('Approved: Unlock for C00101.')).toBeTruthy();
    expect(JSON.stringify(useDmsStore.getState())).not.toContain('246810');
  });

  it('keeps the TOTP field for a checker whose channel is the authenticator app', async () => {
    signedInAs('C00192');
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Approve: Unlock for C00101' })).click(),
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText('One-time password')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Send a code to my email' })).toBeNull();
  });
});

describe('temporary email one-time passwords', () => {
  it('is offered for a TOTP user with an email, with a duration of at most 24 h', async () => {
    signedInAs('C00194');
    fake.answer('dmsCreateRequest', (input) =>
      ok({ request: { ...pending, id: 'R-2', action: input.action, userId: input.userId } }),
    );
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await openMenu('C00110');
    await act(async () =>
      (await screen.findByRole('menuitem', { name: 'Temporary email one-time passwords' })).click(),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Request: Temporary email one-time passwords',
    });
    const radios = within(dialog).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.labels?.[0]?.textContent)).toEqual([
      '1 hour',
      '4 hours',
      '8 hours',
      '24 hours',
    ]);
    expect(within(dialog).getByText(/For 8 hours from approval, C00110 signs in/)).toBeTruthy();
    await act(async () => within(dialog).getByRole('radio', { name: '4 hours' }).click());
    expect(within(dialog).getByText(/emailed to c\*\*\*0@cp001\.example/)).toBeTruthy();
    const send = await within(dialog).findByRole('button', { name: 'Send request' });
    await act(async () => send.click());
    expect(fake.calls.find((c) => c.name === 'dmsCreateRequest')?.input).toEqual({
      action: 'temp_email_otp',
      userId: 'C00110',
      durationSec: 14_400,
    });
  });

  it('is disabled with the reason for a user with no email and for an email-channel user', async () => {
    signedInAs('C00194');
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await openMenu('C00101');
    const noEmail = await screen.findByRole('menuitem', {
      name: /Temporary email one-time passwords/,
    });
    expect(noEmail.getAttribute('aria-disabled')).toBe('true');
    expect(noEmail.textContent).toContain('Register an email first');
    await act(async () => noEmail.click());
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.keyDown(noEmail, { key: 'Escape' });
    await openMenu('C00102');
    const emailUser = await screen.findByRole('menuitem', {
      name: /Temporary email one-time passwords/,
    });
    expect(emailUser.getAttribute('aria-disabled')).toBe('true');
    expect(emailUser.textContent).toContain(
      'Only for a user who signs in with the authenticator app',
    );
  });

  it('shows in the users table that the exception is active, and until when', async () => {
    signedInAs('C00194');
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    const row = (
      await screen.findByRole('table', { name: 'Users and their sign-in state' })
    ).querySelector('tr[data-user="C00110"]') as HTMLElement;
    expect(within(row).getByText(/^Email codes until 1 Jan 2099 16:00/)).toBeTruthy();
    const other = document.querySelector('tr[data-user="C00101"]') as HTMLElement;
    expect(other.querySelector('[data-temp-email-otp]')).toBeNull();
  });
});
