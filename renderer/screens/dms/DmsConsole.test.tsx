import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { DmsRequest, DmsUser } from '../../../shared/index.js';
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
    lockedUntil: null,
    tempEmailOtpUntil: null,
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
    fake.answer('dmsCreateRequest', (input) =>
      ok({ request: { ...request('r3', 'C00192'), action: input.action } }),
    );
    await renderWithProviders(<DmsConsole onClose={() => undefined} />);
    await act(async () =>
      (await screen.findByRole('button', { name: 'Request a change for C00104' })).click(),
    );
    await act(async () => (await screen.findByRole('menuitem', { name: 'Unlock' })).click());
    expect(screen.getByText('C00104 can sign in again at once.')).toBeTruthy();
    await act(async () => screen.getByRole('button', { name: 'Send request' }).click());
    expect(fake.calls.find((c) => c.name === 'dmsCreateRequest')?.input).toEqual({
      action: 'unlock',
      userId: 'C00104',
    });
    expect(await screen.findByText(/Request sent: Unlock for C00104/)).toBeTruthy();
  });
});
