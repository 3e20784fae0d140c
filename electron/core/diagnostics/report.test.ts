import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS_TEXT_MAX } from '../../../shared/bridge.js';
import { ADVICE, STEP_ORDER, cleanStep, formatReport, saveReport, stepFail } from './report.js';

const base = {
  environment: 'production' as const,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:02.000Z',
};

describe('formatReport', () => {
  it('lists every step with its status, advice and facts, and counts the outcomes', () => {
    const text = formatReport({
      ...base,
      hostUrl: 'https://ccms.example',
      about: { 'App version': '0.1.0', OS: 'win32 10.0.19045' },
      steps: [
        { id: 'dns', status: 'pass', details: { addresses: '10.0.0.1' } },
        {
          id: 'tls',
          status: 'fail',
          details: { error: 'CERT_HAS_EXPIRED' },
          adviceKey: ADVICE.tlsExpired,
        },
      ],
    });
    expect(text).toContain('Result: 1 passed, 0 warnings, 1 failed, 0 skipped');
    expect(text).toContain('App version: 0.1.0\nOS: win32 10.0.19045\n');
    expect(text).toContain('[FAIL] tls (advice: tlsExpired)\n    error: CERT_HAS_EXPIRED');
    expect(text).toContain('[PASS] dns\n    addresses: 10.0.0.1');
  });

  it('removes credentials from URLs and secrets from messages', () => {
    const text = formatReport({
      ...base,
      hostUrl: 'https://ccms.example',
      steps: [
        stepFail(
          'proxy',
          ADVICE.proxyUnreachable,
          new Error('Authorization: Bearer abcdef123456'),
          {
            proxy: 'http://it:Proxy-Pass-9@proxy.corp:8080',
          },
        ),
      ],
    });
    expect(text).not.toContain('Proxy-Pass-9');
    expect(text).not.toContain('abcdef123456');
    expect(text).toContain('proxy.corp:8080');
  });

  it('prints sections after the steps, cleaned like every other line', () => {
    const text = formatReport({
      ...base,
      hostUrl: 'https://ccms.example',
      steps: [],
      sections: [{ heading: 'Machine policy in force', lines: ['proxy: http://u:Pw-77@p:8080'] }],
    });
    expect(text).toContain('\nMachine policy in force:\n    proxy: http://[REDACTED]@p:8080\n');
    expect(text).not.toContain('Pw-77');
  });

  it('cleanStep strips user information from every detail before it leaves the check', () => {
    const step = cleanStep({
      id: 'proxy',
      status: 'fail',
      details: { proxy: 'http://desk:Pw-77@proxy.bank:8080', message: 'token=abc123456' },
    });
    expect(JSON.stringify(step)).not.toMatch(/Pw-77|desk:|abc123456/);
    expect(step.details['proxy']).toContain('proxy.bank:8080');
  });

  it('orders steps as the contract lists them', () => {
    expect(STEP_ORDER).toEqual(['dns', 'tcp', 'tls', 'health', 'clock', 'proxy', 'keychain']);
  });
});

describe('saveReport', () => {
  it('writes a new redacted file and returns its path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-report-'));
    try {
      const a = await saveReport(path.join(dir, 'sub'), 'report\npassword=hunter2\n');
      const b = await saveReport(path.join(dir, 'sub'), 'second');
      expect(a).not.toBe(b);
      expect(path.basename(a)).toMatch(/^ccms-connectivity-.*\.txt$/);
      expect(fs.readFileSync(a, 'utf8')).toBe('report\npassword=[REDACTED]\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses text longer than the bridge allows, naming the limit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-report-'));
    try {
      await expect(saveReport(dir, 'x'.repeat(DIAGNOSTICS_TEXT_MAX + 1))).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
        message: expect.stringContaining('300,000 characters'),
      });
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with a clear error when the folder cannot be written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-report-'));
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    try {
      await expect(saveReport(path.join(file, 'below'), 'text')).rejects.toMatchObject({
        message: expect.stringContaining('could not be saved'),
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
