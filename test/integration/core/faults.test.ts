import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CcmsError } from '../../../shared/errors.js';
import type { Keychain } from '../../../electron/core/index.js';
import {
  closedPortUrl,
  makeCa,
  makeServerCert,
  startHangingServer,
  startHttpsServer,
} from '../../../electron/core/host/testing/tls-fixtures.js';
import { SEED_PASSWORDS, signInTotp, startCore, simulatorForFile } from './harness.js';

const sim = simulatorForFile();

const testCa = makeCa('Fault test CA');
const goodCert = makeServerCert(testCa);

/** A core whose production host is `url`, trusting the test CA, through its machine policy. */
function coreFor(url: string, hostTimeouts?: { connectMs?: number; totalMs?: number }) {
  const policy = {
    hostUrls: { production: url },
    allowedEnvironments: ['production'],
    extraCaCertificates: [testCa.certPem],
  };
  return startCore(null, hostTimeouts ? { hostTimeouts } : {}, policy);
}

describe('core faults', () => {
  it('FAULT host down: login is HOST_UNREACHABLE and the terminal stays signed out', async () => {
    const c = await coreFor(await closedPortUrl());
    try {
      const err = await c.fail('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      expect(err.code).toBe('HOST_UNREACHABLE');
      expect(await c.ok('getAuthState', {})).toEqual({ step: 'signedOut' });
    } finally {
      await c.close();
    }
  });

  it('FAULT host hangs past the timeout (TLS up, no answer): HOST_TIMEOUT', async () => {
    const hang = await startHangingServer(goodCert);
    const c = await coreFor(hang.url, { totalMs: 500 });
    try {
      expect(
        (await c.fail('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 })).code,
      ).toBe('HOST_TIMEOUT');
    } finally {
      await c.close();
      await hang.close();
    }
  });

  it('FAULT host hangs before the handshake (raw TCP, silent): HOST_TIMEOUT from the connect timeout', async () => {
    const hang = await startHangingServer();
    const c = await coreFor(hang.url, { connectMs: 400, totalMs: 30_000 });
    try {
      expect(
        (await c.fail('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 })).code,
      ).toBe('HOST_TIMEOUT');
    } finally {
      await c.close();
      await hang.close();
    }
  });

  it('FAULT wrong certificate (unknown CA): the simulator with a CA the core does not trust is TLS_ERROR', async () => {
    const c = await startCore(null, {
      simulatorHost: { url: sim.sim.url, caCertPem: makeCa('Some other CA').certPem },
    });
    try {
      expect(
        (await c.fail('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 })).code,
      ).toBe('TLS_ERROR');
    } finally {
      await c.close();
    }
  });

  it('FAULT expired certificate: TLS_ERROR saying so', async () => {
    const day = 86_400_000;
    const expired = makeServerCert(testCa, {
      notBefore: new Date(Date.now() - 60 * day),
      notAfter: new Date(Date.now() - day),
    });
    const server = await startHttpsServer(expired, (_q, res) => res.end('{}'));
    const c = await coreFor(server.url);
    try {
      const err = await c.fail('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      expect(err.code).toBe('TLS_ERROR');
      expect(err.message).toContain('CERT_HAS_EXPIRED');
    } finally {
      await c.close();
      await server.close();
    }
  });

  it('FAULT host answers garbage: BAD_HOST_REPLY naming the field', async () => {
    const server = await startHttpsServer(goodCert, (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          next: 'otp',
          challengeId: 'x',
          channel: 'pigeon',
          expiresAt: new Date().toISOString(),
        }),
      );
    });
    const c = await coreFor(server.url);
    try {
      expect(
        await c.fail('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 }),
      ).toMatchObject({
        code: 'BAD_HOST_REPLY',
        field: 'channel',
      });
    } finally {
      await c.close();
      await server.close();
    }
  });

  it('FAULT corrupt policy file: the core starts, names the file, and applies the most restrictive policy', async () => {
    const c = await startCore(
      sim,
      {},
      '{"allowedEnvironments": ["simulator"], "idleTimeoutCeilingSec": "ten"',
    );
    const policy = join(c.userDataDir, 'policy.json');
    try {
      const info = await c.ok('getAppInfo', {});
      expect(info.configProblems.join('\n')).toContain(policy);
      // Unreadable policy fails closed: what it might have restricted is restricted.
      expect(info.policy).toMatchObject({ status: 'unreadable' });
      expect(info.allowedEnvironments).toEqual(['production']);
      expect(info.sharedDesk).toBe(true);
    } finally {
      await c.close();
    }
  });

  it('FAULT a bad value in a readable policy file: only that setting falls back, and sign-in works', async () => {
    const c = await startCore(
      sim,
      {},
      '{"allowedEnvironments": ["simulator"], "idleTimeoutCeilingSec": "ten"}',
    );
    const policy = join(c.userDataDir, 'policy.json');
    try {
      const info = await c.ok('getAppInfo', {});
      expect(info.configProblems.join('\n')).toContain(policy);
      expect(info.configProblems.join('\n')).toContain('idleTimeoutCeilingSec');
      expect(info.allowedEnvironments).toEqual(['simulator']);
      sim.simClock.advance(30_000);
      c.clock.advance(30_000);
      expect(await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101)).toMatchObject({
        step: 'signedIn',
      });
    } finally {
      await c.close();
    }
  });

  it('FAULT keychain refuses (a Keychain that throws): sign-in works, the app says so, forgetting is a clear error', async () => {
    const refusing: Keychain = {
      get: () =>
        Promise.reject(
          new CcmsError(
            'KEYCHAIN_UNAVAILABLE',
            'The OS keychain could not read a credential: locked',
          ),
        ),
      set: () =>
        Promise.reject(
          new CcmsError(
            'KEYCHAIN_UNAVAILABLE',
            'The OS keychain could not store a credential: locked',
          ),
        ),
      delete: () =>
        Promise.reject(
          new CcmsError(
            'KEYCHAIN_UNAVAILABLE',
            'The OS keychain could not delete a credential: locked',
          ),
        ),
      list: () =>
        Promise.reject(
          new CcmsError(
            'KEYCHAIN_UNAVAILABLE',
            'The OS keychain could not list credentials: locked',
          ),
        ),
    };
    const c = await startCore(sim, { keychain: refusing });
    try {
      sim.simClock.advance(30_000);
      c.clock.advance(30_000);
      expect(await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101)).toMatchObject({
        step: 'signedIn',
      });
      const info = await c.ok('getAppInfo', {});
      expect(info.keychainAvailable).toBe(false);
      expect(info.settings.lastUserId).toBe('C00101');
      expect((await c.fail('forgetWorkstation', {})).code).toBe('KEYCHAIN_UNAVAILABLE');
      const log = await readFile(join(c.userDataDir, 'logs', 'main.log'), 'utf8');
      expect(log).toContain('could not remember');
    } finally {
      await c.close();
    }
  });

  it('FAULT log folder not writable (a file where logs/ should be): the core starts and says so', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'ccms-core-it-nolog-'));
    await writeFile(join(dir, 'logs'), 'not a folder');
    const { createCore } = await import('../../../electron/core/index.js');
    const core = await createCore({
      mode: 'browser',
      appVersion: '0',
      userDataDir: dir,
      machinePolicyPath: join(dir, 'none.json'),
    });
    try {
      const res = await core.call('getAppInfo', {});
      expect(res.ok).toBe(true);
      expect(JSON.stringify(res)).toContain('the log folder cannot be written');
    } finally {
      await core.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('FAULT phone clock skewed: a code one step behind is accepted and the skew reaches the renderer', async () => {
    const c = await startCore(sim);
    try {
      sim.simClock.advance(60_000);
      c.clock.advance(60_000);
      await c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      const state = await c.ok('submitOtp', { code: sim.sim.currentTotp('C00101', -1) });
      expect(state).toMatchObject({ step: 'signedIn', clockSkewSec: -30 });
    } finally {
      await c.close();
    }
  });
});
