import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import type { DiagnosticReport, DiagnosticStep, BridgeResult } from '../../../shared/index.js';
import { installFakeBridge, ok, renderWithProviders } from '../shell/test-support.js';
import DiagnosticsScreen from './DiagnosticsScreen.js';

const fake = installFakeBridge();

const pass = (id: DiagnosticStep['id'], details: Record<string, string> = {}): DiagnosticStep => ({
  id,
  status: 'pass',
  details,
});

function report(steps: DiagnosticStep[]): DiagnosticReport {
  return {
    startedAt: '2026-11-25T01:00:00.000Z',
    finishedAt: '2026-11-25T01:00:02.000Z',
    environment: 'simulator',
    hostUrl: 'https://127.0.0.1:8443',
    steps,
    text: 'CCMS Terminal connectivity report\ndns: pass',
  };
}

/** The row of a step, found by its visible name. */
const row = (name: string) => screen.getByText(name).closest('li') as HTMLElement;

afterEach(() => {
  cleanup();
  fake.reset();
});

describe('DiagnosticsScreen', () => {
  it('shows each step live as progress events arrive, then the summary', async () => {
    let finish: (r: BridgeResult<DiagnosticReport>) => void = () => undefined;
    fake.answer('runDiagnostics', () => new Promise((resolve) => (finish = resolve)));
    await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />);

    expect(within(row('Name lookup (DNS)')).getByText('Waiting')).toBeTruthy();
    act(() => fake.emit('diagnosticsProgress', { id: 'dns', status: 'running', details: {} }));
    expect(within(row('Name lookup (DNS)')).getByText('Checking')).toBeTruthy();
    act(() => fake.emit('diagnosticsProgress', pass('dns', { address: '127.0.0.1' })));
    expect(within(row('Name lookup (DNS)')).getByText('Passed')).toBeTruthy();
    expect(within(row('Name lookup (DNS)')).getByText('127.0.0.1')).toBeTruthy();
    act(() =>
      fake.emit('diagnosticsProgress', {
        id: 'clock',
        status: 'warn',
        details: { offsetSec: '40' },
        adviceKey: 'clockSkew',
      }),
    );
    expect(within(row('Clock compared with the host')).getByText('Warning')).toBeTruthy();
    expect(
      within(row('Clock compared with the host')).getByText(/clock differs from the host/),
    ).toBeTruthy();

    const steps: DiagnosticStep[] = [
      pass('dns'),
      pass('tcp'),
      pass('tls'),
      pass('health'),
      { id: 'clock', status: 'warn', details: {}, adviceKey: 'clockSkew' },
      pass('proxy'),
      { id: 'keychain', status: 'fail', details: {}, adviceKey: 'someKeyTheScreenDoesNotKnow' },
    ];
    await act(async () => finish(ok(report(steps))));

    expect(screen.getByText(/1 check failed/)).toBeTruthy();
    // An unknown advice key falls back to the generic sentence, never the raw key.
    expect(within(row('Keychain on this computer')).getByText(/DCASS Hotline/)).toBeTruthy();
    expect(screen.queryByText(/someKeyTheScreenDoesNotKnow/)).toBeNull();
    expect(screen.getByText(/Host: https:\/\/127\.0\.0\.1:8443/)).toBeTruthy();
  });

  it('copies the report to the clipboard and saves it, showing the path', async () => {
    fake.answer('runDiagnostics', () => ok(report([pass('dns'), pass('tcp')])));
    fake.answer('saveDiagnostics', () => ok({ path: '/home/op/CCMS/connectivity-report.txt' }));
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />);

    await screen.findByText(/All checks passed/);
    await act(async () => screen.getByRole('button', { name: 'Copy report' }).click());
    expect(writeText).toHaveBeenCalledWith(report([]).text);
    expect(screen.getByText('The report was copied to the clipboard.')).toBeTruthy();

    await act(async () => screen.getByRole('button', { name: 'Save report' }).click());
    expect(fake.calls.find((c) => c.name === 'saveDiagnostics')?.input).toEqual({
      text: report([]).text,
    });
    expect(screen.getByText(/connectivity-report\.txt/)).toBeTruthy();
  });

  it('speaks Traditional Chinese (Hong Kong)', async () => {
    fake.answer('runDiagnostics', () => ok(report([pass('dns')])));
    await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />, 'zh-HK');
    expect(screen.getByRole('heading', { name: '連線測試' })).toBeTruthy();
    await screen.findByText(/全部測試通過/);
  });
});
