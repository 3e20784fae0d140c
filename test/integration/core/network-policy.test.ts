import { describe, expect, it } from 'vitest';
import tls from 'node:tls';
import { startConnectProxy } from '../../../electron/core/host/testing/tls-fixtures.js';
import { SEED_PASSWORDS, signInTotp, startCore, simulatorForFile } from './harness.js';

const sim = simulatorForFile();

/** The chain the simulator presents, leaf first, as Electron hands it to setCertificateVerifyProc. */
async function presentedChain(url: string): Promise<string[]> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const s = tls.connect(
      { host: u.hostname, port: Number(u.port), rejectUnauthorized: false },
      () => {
        const pems: string[] = [];
        let cert: tls.DetailedPeerCertificate | undefined = s.getPeerCertificate(true);
        while (cert?.raw && pems.length < 5) {
          pems.push(
            `-----BEGIN CERTIFICATE-----\n${cert.raw
              .toString('base64')
              .match(/.{1,64}/g)
              ?.join('\n')}\n-----END CERTIFICATE-----\n`,
          );
          cert = cert.issuerCertificate === cert ? undefined : cert.issuerCertificate;
        }
        s.end();
        resolve(pems);
      },
    );
    s.on('error', reject);
  });
}

describe('core: the network part of the machine policy', () => {
  it('signs in through the policy proxy (CONNECT tunnel) to a host whose CA the policy names', async () => {
    const proxy = await startConnectProxy();
    await sim.sim.seed();
    sim.simClock.advance(30_000);
    const c = await startCore(
      null,
      {},
      {
        hostUrls: { production: sim.sim.url },
        allowedEnvironments: ['production'],
        extraCaCertificates: [sim.sim.caCertPem],
        proxy: proxy.url,
      },
    );
    try {
      c.clock.advanceTo(sim.simClock.now());
      expect(await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101)).toMatchObject({
        step: 'signedIn',
        environment: 'production',
      });
      expect(proxy.connects.map((x) => x.target)).toContain(new URL(sim.sim.url).host);
      expect(c.core.network.proxy).toBe(proxy.url);
    } finally {
      await c.close();
      await proxy.close();
    }
  });

  it('network.trustsCertificate vouches for the host chain with the policy CA, for the policy host only', async () => {
    const chain = await presentedChain(sim.sim.url);
    const host = new URL(sim.sim.url).hostname;
    const policy = {
      hostUrls: { production: sim.sim.url },
      allowedEnvironments: ['production'],
      extraCaCertificates: [sim.sim.caCertPem],
    };
    const withCa = await startCore(null, {}, policy);
    const otherHost = await startCore(null, {}, { extraCaCertificates: [sim.sim.caCertPem] });
    const without = await startCore(null, {}, { ...policy, extraCaCertificates: [] });
    try {
      expect(await withCa.core.network.trustsCertificate(host, chain)).toBe(true);
      // The same CA, but the policy names no host at this address: not trusted for it.
      expect(await otherHost.core.network.trustsCertificate(host, chain)).toBe(false);
      expect(await without.core.network.trustsCertificate(host, chain)).toBe(false);
    } finally {
      await withCa.close();
      await otherHost.close();
      await without.close();
    }
  });
});
