import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { DmsAuditEntry, DmsRequest, DmsUser } from '../../../shared/index.js';
import { formatDateTime } from '../../i18n/format-time.js';
import { useSessionStore } from '../../state/session-store.js';
import { useDmsStore } from '../../state/dms-store.js';
import { fail, installFakeBridge, ok, renderWithProviders } from '../shell/test-support.js';
import DmsConsole from './DmsConsole.js';

const fake = installFakeBridge();

const users: DmsUser[] = [
  {
    userId: 'C00104',
    name: 'Lee Siu Ming',
    roles: ['user'],
    state: 'locked',
    channel: 'totp',
    maskedEmail: 'c0***@cp001.example',
    lockedUntil: '2099-01-01T00:00:00.000Z',
    tempEmailOtpUntil: null,
    passwordExpiresAt: null,
    temporaryPassword: false,
  },
  {
    userId: 'C00192',
    name: 'Wong Ka Yan',
    roles: ['user', 'da'],
    state: 'active',
    channel: 'totp',
    maskedEmail: null,
    lockedUntil: null,
    tempEmailOtpUntil: null,
    passwordExpiresAt: null,
    temporaryPassword: false,
  },
];
const request = (id: string, makerId: string): DmsRequest => ({
  id,
  action: 'unlock',
  userId: 'C00104',
  status: 'pending',
  makerId,
  createdAt: '2026-11-25T01:00:00.000Z',
  expiresAt: '2026-11-26T01:00:00.000Z',
});

let pending: DmsRequest[];

beforeEach(() => {
  pending = [request('r1', 'C00191'), request('r2', 'C00192')];
  useSessionStore.setState({
    authState: {
      step: 'signedIn',
      user: {
        userId: 'C00192',
        participantId: 'CP001',
        name: 'Wong Ka Yan',
        roles: ['user', 'da'],
      },
      environment: 'simulator',
      expiresAt: '2099-01-01T00:00:00.000Z',
      idleTimeoutSec: 900,
    },
  });
  fake.answer('dmsListUsers', () => ok({ users }));
  fake.answer('dmsListRequests', () => ok({ requests: pending }));
});
afterEach(() => {
  cleanup();
  fake.reset();
});

const row = (id: string) => document.querySelector(`[data-request="${id}"]`) as HTMLElement;

describe('DmsConsole', () => {
  it('lists users with state chips and marks the DA own requests as not theirs to decide', async () => {
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    const table = await screen.findByRole('table', { name: 'Users and their sign-in state' });
    expect(within(table).getByText('Locked')).toBeTruthy();
    expect(within(table).getByText('c0***@cp001.example')).toBeTruthy();
    expect(within(table).getByText('No email registered')).toBeTruthy();
    expect(within(row('r2')).getByText('Your request: another DA must decide it.')).toBeTruthy();
    expect(within(row('r2')).queryByRole('button', { name: /Approve/ })).toBeNull();
  });

  it("approves with the checker's own one-time password", async () => {
    fake.answer('dmsApprove', ({ id }) => {
      pending = pending.filter((r) => r.id !== id);
      return ok({ request: { ...request(id, 'C00191'), status: 'approved', checkerId: 'C00192' } });
    });
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Approve: Unlock for C00104' })).click(),
    );
    const dialog = screen.getByRole('dialog');
    await act(async () =>
      fireEvent.change(within(dialog).getByLabelText('One-time password'), {
        target: { value: '654321' },
      }),
    );

    expect(fake.calls.find((c) => c.name === 'dmsApprove')?.input).toEqual({
      id: 'r1',
      code: '654321',
    });
    expect(await screen.findByText('Approved: Unlock for C00104.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(row('r1')).toBeNull();
    // The checker's code went to the bridge and nowhere else.
    expect(JSON.stringify(useDmsStore.getState())).not.toContain('654321');
  });

  it('says clearly when the request was already decided', async () => {
    fake.answer('dmsApprove', () => fail('REQUEST_NOT_PENDING'));
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Approve: Unlock for C00104' })).click(),
    );
    await act(async () =>
      fireEvent.change(screen.getByLabelText('One-time password'), { target: { value: '654321' } }),
    );
    expect(await screen.findByText(/already decided or has expired/)).toBeTruthy();
  });

  it('rejects with a reason, and refuses an empty one', async () => {
    fake.answer('dmsReject', ({ id, reason }) =>
      ok({
        request: { ...request(id, 'C00191'), status: 'rejected', checkerId: 'C00192', reason },
      }),
    );
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Reject: Unlock for C00104' })).click(),
    );
    const dialog = screen.getByRole('dialog');
    await act(async () => within(dialog).getByRole('button', { name: 'Reject' }).click());
    expect(within(dialog).getByText('Give a reason; the requesting DA will see it.')).toBeTruthy();
    expect(fake.calls.some((c) => c.name === 'dmsReject')).toBe(false);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reason for rejecting/ }), {
      target: { value: 'Not requested by the user' },
    });
    await act(async () => within(dialog).getByRole('button', { name: 'Reject' }).click());
    expect(fake.calls.find((c) => c.name === 'dmsReject')?.input).toEqual({
      id: 'r1',
      reason: 'Not requested by the user',
    });
    expect(await screen.findByText('Rejected: Unlock for C00104.')).toBeTruthy();
  });

  it('shows SAME_DA in plain words', async () => {
    fake.answer('dmsReject', () => fail('SAME_DA'));
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Reject: Unlock for C00104' })).click(),
    );
    fireEvent.change(screen.getByRole('textbox', { name: /Reason for rejecting/ }), {
      target: { value: 'x' },
    });
    await act(async () => screen.getByRole('button', { name: 'Reject' }).click());
    expect(
      await screen.findByText(/You made this request, so you cannot approve or reject it/),
    ).toBeTruthy();
  });

  it('makes an unlock request after confirmation', async () => {
    // No unlock of C00104 pending yet: the menu offers to make one.
    pending = [];
    fake.answer('dmsCreateRequest', (input) =>
      ok({ request: { ...request('r3', 'C00192'), action: input.action } }),
    );
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Request a change for C00104' })).click(),
    );
    await act(async () => (await screen.findByRole('menuitem', { name: 'Unlock' })).click());
    expect(
      screen.getByText(
        'The lock ends at once: C00104 signs in with their password and one-time password as usual, with a fresh count of attempts.',
      ),
    ).toBeTruthy();
    await act(async () => screen.getByRole('button', { name: 'Send request' }).click());
    expect(fake.calls.find((c) => c.name === 'dmsCreateRequest')?.input).toEqual({
      action: 'unlock',
      userId: 'C00104',
    });
    expect(await screen.findByText(/Request sent: Unlock for C00104/)).toBeTruthy();
  });

  it('offers only what can succeed: a blocked action is disabled with its reason in its name', async () => {
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Request a change for C00192' })).click(),
    );
    const reset = await screen.findByRole('menuitem', {
      name: 'Reset password Register an email first',
    });
    expect(reset.getAttribute('aria-disabled')).toBe('true');
    const unlock = screen.getByRole('menuitem', { name: 'Unlock Only for a locked user' });
    expect(unlock.getAttribute('aria-disabled')).toBe('true');
    await act(async () => reset.click());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      screen.getByRole('menuitem', { name: 'Suspend' }).getAttribute('aria-disabled'),
    ).not.toBe('true');
  });

  it('leads a pending change to its request instead of offering it again', async () => {
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Request a change for C00104' })).click(),
    );
    const item = await screen.findByRole('menuitem', { name: 'Unlock Request pending: show it' });
    await act(async () => {
      item.click();
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(row('r1'));
  });

  it('a duplicate the host refuses (another DA raced) gets a sentence about the user, and the lists reload', async () => {
    pending = [];
    fake.answer('dmsCreateRequest', () => {
      pending = [request('r9', 'C00191')];
      return fail('REQUEST_ALREADY_PENDING', { requestId: 'r9' });
    });
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Request a change for C00104' })).click(),
    );
    await act(async () => (await screen.findByRole('menuitem', { name: 'Unlock' })).click());
    const loads = fake.calls.filter((c) => c.name === 'dmsListRequests').length;
    await act(async () => screen.getByRole('button', { name: 'Send request' }).click());
    expect(
      await screen.findByText(
        'A request for the same change to C00104 is already waiting for approval. The list now shows it.',
      ),
    ).toBeTruthy();
    expect(fake.calls.filter((c) => c.name === 'dmsListRequests').length).toBe(loads + 1);
    expect(row('r9')).toBeTruthy();
  });

  it('speaks to the DA about the user: no email is "C00104 has no email address registered"', async () => {
    fake.answer('dmsCreateRequest', () => fail('EMAIL_NOT_REGISTERED'));
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Request a change for C00104' })).click(),
    );
    await act(async () =>
      (await screen.findByRole('menuitem', { name: 'Reset password' })).click(),
    );
    expect(
      screen.getByText(/choose a new password; their one-time password method stays/),
    ).toBeTruthy();
    expect(screen.queryByText(/set up two-factor authentication again/)).toBeNull();
    await act(async () => screen.getByRole('button', { name: 'Send request' }).click());
    const said = await screen.findByText(/C00104 has no email address registered/);
    expect(said.textContent).toBe(
      'C00104 has no email address registered. Register an email first (Set email), then reset the password.',
    );
    expect(screen.queryByText(/registered for you/)).toBeNull();
  });
});

describe('DmsConsole readiness: what will stop each user at the next sign-in', () => {
  const base = users[0] as DmsUser;
  const soon = new Date(Date.now() + 3 * 60 * 60 * 1000).toISOString();
  const gone = new Date(Date.now() - 60 * 1000).toISOString();
  const ready: DmsUser[] = [
    { ...base, userId: 'C00101', state: 'active', lockedUntil: null },
    {
      ...base,
      userId: 'C00102',
      state: 'needs_init',
      lockedUntil: null,
      temporaryPassword: true,
      passwordExpiresAt: soon,
    },
    {
      ...base,
      userId: 'C00103',
      state: 'needs_init',
      lockedUntil: null,
      channel: null,
      maskedEmail: null,
      temporaryPassword: true,
      passwordExpiresAt: gone,
    },
    { ...base, userId: 'C00105', state: 'suspended', lockedUntil: null, maskedEmail: null },
  ];

  it('names each problem, with times in Hong Kong time, and counts who needs attention', async () => {
    fake.answer('dmsListUsers', () => ok({ users: ready }));
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await screen.findByRole('table', { name: 'Users and their sign-in state' });
    const lines = (id: string) =>
      [...document.querySelectorAll(`[data-user="${id}"] [data-readiness]`)].map(
        (li) => li.textContent,
      );
    expect(lines('C00101')).toEqual([]);
    const time = (iso: string) => formatDateTime(iso, 'en');
    expect(lines('C00102')).toEqual([
      `Must replace the temporary password; it works until ${time(soon)}`,
    ]);
    expect(lines('C00103')).toEqual([
      `Temporary password expired ${time(gone)}: request a new password reset`,
      'Will be asked to set up two-factor authentication',
      // The new reset it needs cannot be sent.
      'No email: a password reset cannot be sent',
    ]);
    expect(lines('C00105')).toEqual(['Cannot sign in: suspended']);
    expect(screen.getByTestId('dms-attention').textContent).toBe(
      '3 users need attention before their next sign-in.',
    );
    expect(
      screen.getByRole('list', { name: 'Next sign-in of C00103' }).querySelectorAll('li').length,
    ).toBe(3);
  });
});

describe('DmsConsole audit', () => {
  const entry = (id: number, event: DmsAuditEntry['event'], actorId: string): DmsAuditEntry => ({
    id,
    at: '2026-11-25T08:34:00.000Z',
    event,
    actorId,
    requestId: 'R-1',
    userId: 'C00104',
    action: 'unlock',
  });

  it('lists the steps in Hong Kong time, filters by user and DA, and exports a CSV', async () => {
    fake.answer('dmsAudit', (filter) =>
      ok({
        entries:
          filter.daId === 'C00192'
            ? [entry(2, 'approved', 'C00192')]
            : [entry(2, 'approved', 'C00192'), entry(1, 'created', 'C00191')],
        truncated: false,
      }),
    );
    fake.answer('dmsExportAudit', () =>
      ok({ path: '/tmp/exports/ccms-dms-audit-x.csv', entries: 1, truncated: false }),
    );
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () => (await screen.findByRole('tab', { name: 'Audit' })).click());
    const table = await screen.findByRole('table', { name: 'Audit entries' });
    expect(within(table).getAllByRole('row').length).toBe(3);
    const hk = formatDateTime('2026-11-25T08:34:00.000Z', 'en');
    expect(hk).toMatch(/^25 Nov 2026 16:34/);
    expect(within(table).getAllByText(hk).length).toBe(2);
    expect(within(table).getByText('Requested')).toBeTruthy();

    await act(async () =>
      fireEvent.change(screen.getByRole('combobox', { name: 'By DA' }), {
        target: { value: 'C00192' },
      }),
    );
    expect(fake.calls.filter((c) => c.name === 'dmsAudit').at(-1)?.input).toEqual({
      daId: 'C00192',
    });
    expect(
      within(screen.getByRole('table', { name: 'Audit entries' })).getAllByRole('row').length,
    ).toBe(2);

    await act(async () => screen.getByRole('button', { name: 'Export CSV' }).click());
    expect(fake.calls.find((c) => c.name === 'dmsExportAudit')?.input).toEqual({ daId: 'C00192' });
    expect(
      await screen.findByText('Saved 1 entry as /tmp/exports/ccms-dms-audit-x.csv'),
    ).toBeTruthy();
  });
});
