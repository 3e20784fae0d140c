// The connectivity check against the real simulator over HTTPS, trusting only the simulator's own
// CA (given as the environment's extra CA, as policy would give the clearing house's).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../simulator/index.js';
import { runDiagnostics, saveReport } from '../../../electron/core/diagnostics/run-diagnostics.js';
import { HostClient } from '../../../electron/core/host/host-client.js';
import { Vault, createOsKeychain } from '../../../electron/core/vault/vault.js';
import type { DiagnosticStep } from '../../../shared/bridge.js';

let sim: RunningSimulator;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-diag-sim-'));
  sim = await startSimulator({ dataDir, port: 0 });
});
afterAll(async () => {
  await sim?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('connectivity check against the simulator', () => {
  it('passes every step, reports the host version and clock offset, and saves a report IT can send', async () => {
    const vault = new Vault(createOsKeychain(), {
      sharedDesk: false,
      service: `CCMS Terminal diag ${randomUUID()}`,
    });
    const progress: DiagnosticStep[] = [];
    const host = new HostClient({ baseUrl: sim.url, extraCaPems: [sim.caCertPem] });
    const report = await runDiagnostics(
      { environment: 'simulator', url: sim.url, caPems: [sim.caCertPem] },
      { host, vault, onProgress: (s) => progress.push(s) },
    );
    host.close();
    expect(report.steps.map((s) => `${s.id}:${s.status}`)).toEqual([
      'dns:pass',
      'tcp:pass',
      'tls:pass',
      'health:pass',
      'clock:pass',
      'proxy:pass',
      'keychain:pass',
    ]);
    const health = report.steps.find((s) => s.id === 'health');
    expect(health?.details['version']).toMatch(/\S/);
    expect(health?.details['status']).toBe('ok');
    expect(
      Math.abs(Number(report.steps.find((s) => s.id === 'clock')?.details['offsetSec'])),
    ).toBeLessThan(30);
    expect(report.hostUrl).toBe(sim.url);
    // Each of the seven steps is announced as running, then reported once.
    for (const id of report.steps.map((s) => s.id))
      expect(progress.filter((p) => p.id === id).map((p) => p.status)).toEqual(['running', 'pass']);

    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-diag-out-'));
    try {
      const file = await saveReport(out, report.text);
      const saved = fs.readFileSync(file, 'utf8');
      expect(saved).toBe(report.text);
      expect(saved).toContain('CCMS Terminal connectivity check');
      expect(saved).toContain('[PASS] health');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('fault: wrong CA (the simulator is not trusted without its CA)', async () => {
    const vault = new Vault(createOsKeychain(), {
      sharedDesk: true,
      service: `CCMS Terminal diag ${randomUUID()}`,
    });
    const host = new HostClient({ baseUrl: sim.url, extraCaPems: [] });
    const report = await runDiagnostics(
      { environment: 'simulator', url: sim.url, caPems: [] },
      { host, vault, onProgress: () => {} },
    );
    host.close();
    expect(report.steps.find((s) => s.id === 'tls')).toMatchObject({
      status: 'fail',
      adviceKey: 'tlsUntrusted',
    });
    expect(report.steps.find((s) => s.id === 'health')).toMatchObject({
      status: 'fail',
      adviceKey: 'tlsUntrusted',
      details: { error: 'TLS_ERROR' },
    });
  });
});
