import { describe, expect, it } from 'vitest';
import { makeCa } from '../host/testing/tls-fixtures.js';
import { formatTime, policySection, reportFacts } from './report-facts.js';

const AT = Date.parse('2026-12-01T08:34:10.000Z');

describe('formatTime', () => {
  it('reads as a Hong Kong desk writes it, with the offset', () => {
    expect(formatTime(AT, 'Asia/Hong_Kong')).toBe('1 Dec 2026 16:34 HKT (UTC+08:00)');
  });

  it('writes UTC plainly, and other zones with their offset', () => {
    expect(formatTime(AT, 'UTC')).toBe('1 Dec 2026 08:34 UTC');
    expect(formatTime(AT, 'America/New_York')).toBe('1 Dec 2026 03:34 GMT-5 (UTC-05:00)');
  });
});

describe('reportFacts', () => {
  const base = {
    appVersion: '1.2.3',
    mode: 'electron' as const,
    versions: { electron: '45.3.4', chrome: '142.0.1', node: '22.20.0' },
    environment: 'production' as const,
    now: AT,
  };

  it('names the terminal, runtimes, OS, environment, user and times', () => {
    const facts = reportFacts({
      ...base,
      user: { userId: 'C00101', participantId: 'CP001' },
      timeZone: 'Asia/Hong_Kong',
    });
    expect(facts).toMatchObject({
      'Terminal version': '1.2.3 (Electron app)',
      Electron: '45.3.4',
      Chromium: '142.0.1',
      Node: '22.20.0',
      'Environment checked': 'production',
      User: 'C00101 (participant CP001)',
      'Local time': '1 Dec 2026 16:34 HKT (UTC+08:00)',
      UTC: '1 Dec 2026 08:34 UTC',
    });
    expect(facts['OS']).toContain(process.platform);
    // A Hong Kong workstation needs no second Hong Kong line.
    expect(facts['Hong Kong time']).toBeUndefined();
  });

  it('adds the Hong Kong reading when the workstation runs on another zone', () => {
    const facts = reportFacts({ ...base, timeZone: 'Europe/London' });
    expect(facts['User']).toBe('not signed in');
    expect(facts['Local time']).toBe('1 Dec 2026 08:34 GMT (UTC+00:00)');
    expect(facts['Hong Kong time']).toBe('1 Dec 2026 16:34 HKT (UTC+08:00)');
  });
});

describe('policySection', () => {
  it('lists the source, each value, the CAs by name, and never a proxy password', () => {
    const ca = makeCa('Bank Proxy CA');
    const section = policySection({
      source: 'HKLM\\SOFTWARE\\Policies\\CCMS Terminal Project\\CCMS Terminal',
      status: 'ok',
      values: {
        proxy: 'http://desk:Proxy-Pass-9@proxy.bank:8080',
        hostUrls: { production: 'https://ccms.bank.example' },
        extraCaCertificates: [ca.certPem, 'C:\\ca\\other.pem'],
        sharedDesk: true,
      },
      problems: ['policy.json: "logLevel" must be one of error, warn; the default is used.'],
    });
    expect(section.lines).toEqual([
      'source: HKLM\\SOFTWARE\\Policies\\CCMS Terminal Project\\CCMS Terminal (ok)',
      'proxy: http://proxy.bank:8080 (with a user name and password)',
      'hostUrls.production: https://ccms.bank.example',
      expect.stringMatching(
        /^extraCaCertificates\.1: CN=Bank Proxy CA.* \(until \d{4}-\d\d-\d\d\)$/,
      ),
      'extraCaCertificates.2: C:\\ca\\other.pem',
      'sharedDesk: true',
      'problem: policy.json: "logLevel" must be one of error, warn; the default is used.',
    ]);
    expect(JSON.stringify(section)).not.toMatch(/Proxy-Pass-9|desk:/);
  });

  it('says when no value is set', () => {
    expect(
      policySection({ source: '/etc/ccms-terminal/policy.json', values: {}, problems: [] }),
    ).toEqual({
      heading: 'Machine policy in force',
      lines: [
        'source: /etc/ccms-terminal/policy.json',
        'no value set: the built-in defaults apply',
      ],
    });
  });
});
