import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import type { DiagnosticReport, DiagnosticStep, BridgeResult } from '../../../shared/index.js';
import { installFakeBridge, ok, renderWithProviders } from '../shell/test-support.js';
import { setPlatform } from '../../i18n/index.js';
import { useDiagnosticsStore } from '../../state/diagnostics-store.js';
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
const row = (name: string) =>
  screen.getByText(name, { selector: 'li > div > span' }).closest('li') as HTMLElement;

afterEach(() => {
  cleanup();
  fake.reset();
  setPlatform(undefined);
});

describe('DiagnosticsScreen', () => {
  it('shows each step live as progress events arrive, then the summary', async () => {
    let finish: (r: BridgeResult<DiagnosticReport>) => void = () => undefined;
    fake.answer('runDiagnostics', () => new Promise((resolve) => (finish = resolve)));
    await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />);

    expect(within(row('Name lookup (DNS)')).getByText('Waiting')).toBeTruthy();
    act(() => fake.emit('diagnosticsProgress', { id: 'dns', status: 'running', details: {} }));
    expect(within(row('Name lookup (DNS)')).getByText('Checking')).toBeTruthy();
    act(() => fake.emit('diagnosticsProgress', pass('dns', { addresses: '127.0.0.1', ms: '3' })));
    expect(within(row('Name lookup (DNS)')).getByText('Passed')).toBeTruthy();
    expect(within(row('Name lookup (DNS)')).getByText('127.0.0.1')).toBeTruthy();
    expect(within(row('Name lookup (DNS)')).getByText('3 ms')).toBeTruthy();
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
    expect(within(row("The system's credential store")).getByText(/DCASS Hotline/)).toBeTruthy();
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

  it('speaks Traditional Chinese (Hong Kong), with the glossary term 連接檢查', async () => {
    fake.answer('runDiagnostics', () => ok(report([pass('dns')])));
    await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />, 'zh-HK');
    expect(screen.getByRole('heading', { name: '連接檢查' })).toBeTruthy();
    // A user who read of the connectivity test in a circular learns how this check serves it.
    expect(screen.getByText(/通告所述的連接測試.*選擇連接測試環境/)).toBeTruthy();
    await screen.findByText(/全部檢查通過/);
  });

  it('labels every fact and formats its value, in both languages', async () => {
    const tls: DiagnosticStep = {
      id: 'tls',
      status: 'pass',
      details: {
        validTo: '2027-03-01T00:00:00.000Z',
        daysToExpiry: '89',
        hostnameMatch: 'yes',
        trusted: 'no',
      },
    };
    const clock: DiagnosticStep = { id: 'clock', status: 'pass', details: { offsetSec: '1.5' } };
    fake.answer('runDiagnostics', () => ok(report([tls, clock])));
    const shown = (name: string) =>
      [...row(name).querySelectorAll('[data-detail]')].map((d) => d.textContent);

    const en = await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />);
    await screen.findByText(/All checks passed/);
    expect(shown('Secure connection (TLS certificate)')).toEqual([
      'Valid until1 Mar 2027',
      'Expires in89 days',
      'Name matches the hostYes',
      'TrustedNo',
    ]);
    expect(shown('Clock compared with the host')).toEqual(['Clock difference+1.5 s']);
    en.unmount();
    useDiagnosticsStore.getState().reset();

    await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />, 'zh-HK');
    await screen.findByText(/全部檢查通過/);
    expect(shown('安全連接（TLS 證書）')).toEqual([
      '有效期至2027年3月1日',
      '距離到期89 日',
      '名稱與主機相符是',
      '受信任否',
    ]);
    // No raw key reaches the operator in either language.
    expect(document.body.textContent).not.toMatch(/daysToExpiry|hostnameMatch|offsetSec/);
  });

  it("reads the host's status and environment and the system's DIRECT as words", async () => {
    const health = pass('health', {
      status: 'ok',
      environment: 'connectivity-test',
      version: '1.2',
    });
    const proxy = pass('proxy', { source: 'system', rules: 'DIRECT' });
    const odd = pass('tcp', { status: 'degraded' });
    fake.answer('runDiagnostics', () => ok(report([health, proxy, odd])));
    const shown = (name: string) =>
      [...row(name).querySelectorAll('[data-detail]')].map((d) => d.textContent);
    await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />, 'zh-HK');
    await screen.findByText(/全部檢查通過/);
    expect(shown('CCMS 主機服務')).toEqual([
      '主機狀態正常運作',
      '主機環境連接測試環境',
      '主機版本1.2',
    ]);
    expect(shown('代理伺服器')).toEqual([
      '代理伺服器設定來源系統設定',
      '系統代理伺服器設定結果直接連接（DIRECT）',
    ]);
    // A status the screen has no word for stays as the host sent it.
    expect(shown('網絡連接（TCP）')).toEqual(['主機狀態degraded']);
  });

  it('names the credential store after the platform: Windows Credential Manager on Windows', async () => {
    setPlatform('win32');
    const store: DiagnosticStep = {
      id: 'keychain',
      status: 'fail',
      details: { available: 'no' },
      adviceKey: 'keychainUnavailable',
    };
    fake.answer('runDiagnostics', () => ok(report([store])));
    const en = await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />);
    await screen.findByText(/1 check failed/);
    expect(
      within(row('Windows Credential Manager')).getByText(
        'CCMS Terminal could not reach Windows Credential Manager. You can still sign in, but this workstation cannot remember anything.',
      ),
    ).toBeTruthy();
    en.unmount();
    useDiagnosticsStore.getState().reset();

    await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />, 'zh-HK');
    await screen.findByText(/1 項檢查失敗/);
    expect(
      within(row('Windows 認證管理員')).getByText(/CCMS 終端機無法連接 Windows 認證管理員。/),
    ).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/鑰匙圈|密碼庫|credentialStore/);
  });

  it('names the proxy in its advice, and offers the support bundle after the check', async () => {
    const proxy: DiagnosticStep = {
      id: 'proxy',
      status: 'fail',
      details: { source: 'policy', proxy: 'proxy.bank:8080', proxyStatus: '407' },
      adviceKey: 'proxyAuthFailed',
    };
    fake.answer('runDiagnostics', () => ok(report([proxy])));
    fake.answer('saveSupportBundle', () =>
      ok({
        path: '/home/op/CCMS/diagnostics/ccms-support-1.zip',
        bytes: 40_960,
        files: ['manifest.json', 'connectivity-report.txt', 'policy.txt', 'versions.txt'],
      }),
    );
    await renderWithProviders(<DiagnosticsScreen onClose={() => undefined} />);
    await screen.findByText(/1 check failed/);
    expect(
      within(row('Proxy')).getByText(/The proxy proxy\.bank:8080 refused the user name/),
    ).toBeTruthy();
    expect(within(row('Proxy')).getByText('HTTP 407')).toBeTruthy();
    expect(within(row('Proxy')).getByText('Machine policy')).toBeTruthy();

    await act(async () => screen.getByRole('button', { name: 'Save support bundle' }).click());
    expect(fake.calls.some((c) => c.name === 'saveSupportBundle')).toBe(true);
    expect(
      screen.getByText(
        /saved to \/home\/op\/CCMS\/diagnostics\/ccms-support-1\.zip 4 files, 40 KB/,
      ),
    ).toBeTruthy();
  });
});
