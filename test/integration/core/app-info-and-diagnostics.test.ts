import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { startCore, simulatorForFile } from './harness.js';

const sim = simulatorForFile();

describe('core ↔ simulator: app info, settings and the connectivity check', () => {
  it('getAppInfo describes mode, environments and policy', async () => {
    const c = await startCore(sim, { versions: { node: process.versions.node, electron: 'n/a' } });
    try {
      const info = await c.ok('getAppInfo', {});
      expect(info).toMatchObject({
        version: '0.0.0-test',
        mode: 'browser',
        platform: process.platform,
        versions: { electron: 'n/a' },
        // No language chosen yet: absent, so the renderer follows the OS's.
        settings: { environment: 'simulator' },
        allowedEnvironments: ['production', 'connectivity-test', 'simulator'],
        sharedDesk: false,
        configProblems: [],
      });
      expect(typeof info.keychainAvailable).toBe('boolean');
    } finally {
      await c.close();
    }
  });

  it('updateSettings writes settings.json and answers the new AppInfo; policy limits apply', async () => {
    const c = await startCore(sim, {}, { allowedEnvironments: ['simulator', 'connectivity-test'] });
    try {
      const info = await c.ok('updateSettings', {
        language: 'zh-HK',
        environment: 'connectivity-test',
      });
      expect(info.settings).toEqual({ language: 'zh-HK', environment: 'connectivity-test' });
      const file = JSON.parse(await readFile(`${c.userDataDir}/settings.json`, 'utf8')) as unknown;
      expect(file).toEqual({ language: 'zh-HK', environment: 'connectivity-test' });
      expect(await c.fail('updateSettings', { environment: 'production' })).toMatchObject({
        code: 'CONFIG_INVALID',
        field: 'environment',
      });
      expect(await c.fail('updateSettings', { language: 'fr' })).toMatchObject({
        code: 'BRIDGE_INVALID',
        field: 'language',
      });
    } finally {
      await c.close();
    }
  });

  it('runDiagnostics checks the simulator step by step with progress events, and the report saves', async () => {
    const c = await startCore(sim);
    try {
      const report = await c.ok('runDiagnostics', {});
      expect(report).toMatchObject({
        environment: 'simulator',
        hostUrl: expect.stringContaining(sim.sim.url),
      });
      const byId = Object.fromEntries(report.steps.map((s) => [s.id, s.status]));
      expect(byId['dns']).toBe('pass');
      expect(byId['tcp']).toBe('pass');
      expect(byId['tls']).not.toBe('fail');
      expect(byId['health']).toBe('pass');
      expect(c.events.some((e) => e.name === 'diagnosticsProgress')).toBe(true);
      const saved = await c.ok('saveDiagnostics', { text: report.text });
      expect(saved.path.startsWith(`${c.userDataDir}/diagnostics/`)).toBe(true);
      expect(await readFile(saved.path, 'utf8')).toContain('health');
    } finally {
      await c.close();
    }
  });
});
