import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import type { HistoryEntry, WorkstationHistory } from '../../../shared/index.js';
import { formatDateTime } from '../../i18n/format-time.js';
import { fail, installFakeBridge, ok, renderWithProviders } from '../shell/test-support.js';
import { WorkstationHistorySection } from './WorkstationHistorySection.js';

const fake = installFakeBridge();
afterEach(() => {
  cleanup();
  fake.reset();
});

const AT = '2026-03-02T08:34:00.000Z'; // 16:34 in Hong Kong, not today
const entries: HistoryEntry[] = [
  {
    kind: 'dmsApproved',
    at: AT,
    userId: 'C00192',
    environment: 'production',
    requestId: 'req_9',
    action: 'unlock',
    targetUserId: 'C00104',
  },
  { kind: 'locked', at: AT, userId: 'C00101', environment: 'simulator', cause: 'idle' },
  {
    kind: 'signInFailed',
    at: AT,
    environment: 'production',
    step: 'password',
    code: 'INVALID_CREDENTIALS',
  },
  {
    kind: 'signedIn',
    at: AT,
    userId: 'C00101',
    environment: 'production',
    channel: 'totp',
  },
];
const history = (list: HistoryEntry[] = entries): WorkstationHistory => ({
  entries: list,
  maxEntries: 1000,
  maxBytes: 262_144,
});

const rows = () => screen.getAllByRole('row').slice(1); // the header row first
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('WorkstationHistorySection', () => {
  it('lists the entries newest first: Hong Kong time, user ID, what happened in plain words', async () => {
    fake.answer('getWorkstationHistory', () => ok(history()));
    await act(() => renderWithProviders(<WorkstationHistorySection />));
    expect(
      screen.getByRole('heading', { name: "This workstation's sign-in history" }),
    ).toBeTruthy();
    expect(screen.getByText(/The latest 1,000 entries are kept, up to 256 KB/)).toBeTruthy();
    expect(screen.getByText(/cannot be cleared here/)).toBeTruthy();
    const when = formatDateTime(AT, 'en'); // 2 Mar 2026 16:34 (with HKT off a Hong Kong desk)
    expect(when.startsWith('2 Mar 2026 16:34')).toBe(true);
    expect(rows().map(cells)).toEqual([
      [when, 'C00192', 'DMS request approved: Unlock for C00104 (request req_9)'],
      [when, 'C00101', 'Locked after a time without activity (idle lock) (Simulator)'],
      [when, '(not kept)', 'Sign-in refused at the password: wrong user ID or password'],
      [when, 'C00101', 'Signed in with the authenticator app'],
    ]);
    expect(rows()[0]?.querySelector('time')?.getAttribute('dateTime')).toBe(AT);
    expect(screen.getByText('Showing the latest 4 of 4 entries.')).toBeTruthy();
  });

  it('in Traditional Chinese (Hong Kong), with the HKEX terms', async () => {
    fake.answer('getWorkstationHistory', () => ok(history()));
    await act(() => renderWithProviders(<WorkstationHistorySection />, 'zh-HK'));
    expect(screen.getByRole('heading', { name: '此工作站的登入記錄' })).toBeTruthy();
    expect(rows().map((r) => cells(r)[2])).toEqual([
      '已批核 DMS 要求：為 C00104「解鎖」（要求編號 req_9）',
      '一段時間沒有操作後鎖定（閒置鎖定）（模擬環境）',
      '登入被拒絕（密碼）：用戶編號或密碼錯誤',
      '以身份驗證流動應用程式登入',
    ]);
    expect(cells(rows()[0] as HTMLElement)[0]).toBe(formatDateTime(AT, 'zh-HK'));
    expect(screen.getByText('顯示最近 4 項，共 4 項。')).toBeTruthy();
  });

  it('shows ten at first and more on request', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      ...(entries[3] as HistoryEntry),
      at: new Date(Date.parse(AT) - i * 60_000).toISOString(),
    }));
    fake.answer('getWorkstationHistory', () => ok(history(many)));
    await act(() => renderWithProviders(<WorkstationHistorySection />));
    expect(rows()).toHaveLength(10);
    const more = screen.getByRole('button', { name: 'Show more' });
    await act(async () => more.click());
    expect(rows()).toHaveLength(25);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(screen.getByText('Showing the latest 25 of 25 entries.')).toBeTruthy();
  });

  it('exports as CSV and says where the file is', async () => {
    fake.answer('getWorkstationHistory', () => ok(history()));
    fake.answer('exportWorkstationHistory', () =>
      ok({ path: 'C:\\Users\\op\\diagnostics\\ccms-workstation-history-1.csv', entries: 4 }),
    );
    await act(() => renderWithProviders(<WorkstationHistorySection />));
    const button = screen.getByRole('button', { name: 'Export as CSV' });
    button.focus();
    await act(async () => button.click());
    expect(fake.calls.map((c) => c.name)).toEqual([
      'getWorkstationHistory',
      'exportWorkstationHistory',
    ]);
    expect(screen.getByRole('status').textContent).toBe(
      'Saved 4 entries to C:\\Users\\op\\diagnostics\\ccms-workstation-history-1.csv',
    );
    expect(document.activeElement).toBe(button); // focus stays where the user pressed
  });

  it('says plainly when the history cannot be read or exported', async () => {
    fake.answer('getWorkstationHistory', () => fail('INTERNAL'));
    await act(() => renderWithProviders(<WorkstationHistorySection />, 'zh-HK'));
    expect(screen.getByText(/未能讀取登入記錄。/)).toBeTruthy();
    expect((screen.getByRole('button', { name: '匯出為 CSV' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('an empty history says so, and export fails with a sentence when the disk refuses', async () => {
    fake.answer('getWorkstationHistory', () => ok(history([entries[3] as HistoryEntry])));
    fake.answer('exportWorkstationHistory', () => fail('UNKNOWN'));
    await act(() => renderWithProviders(<WorkstationHistorySection />));
    await act(async () => screen.getByRole('button', { name: 'Export as CSV' }).click());
    expect(screen.getByText(/The history could not be exported\./)).toBeTruthy();
    cleanup();
    fake.answer('getWorkstationHistory', () => ok(history([])));
    await act(() => renderWithProviders(<WorkstationHistorySection />));
    expect(screen.getByText('Nothing has been recorded on this workstation yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
