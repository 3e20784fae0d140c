import { describe, expect, it } from 'vitest';
import { chainTrustedByPolicy, type TrustAnchors } from './policy-trust.js';
import { issue } from './testing/chain-fixtures.js';

const HOST = 'ccms.bank.example';
const DAY = 86_400_000;
const root = issue({ commonName: 'Bank Root CA', ca: true });
const stranger = issue({ commonName: 'Stranger CA', ca: true });
const server = (over: Partial<Parameters<typeof issue>[0]> = {}) =>
  issue({ commonName: HOST, issuer: root, dnsNames: [HOST], eku: ['serverAuth'], ...over });
const anchors = (caPems = [root.certPem], hosts = [HOST]): TrustAnchors[] => [{ caPems, hosts }];
const trusts = (chain: string[], a = anchors(), host = HOST) =>
  chainTrustedByPolicy(host, chain, a);

describe('chainTrustedByPolicy (policy CAs, @peculiar/x509 path building)', () => {
  it('trusts a server certificate issued by a policy CA, for a host the policy names', async () => {
    const leaf = server();
    expect(await trusts([leaf.certPem])).toBe(true);
    expect(await trusts([leaf.certPem, root.certPem])).toBe(true);
    expect(await trusts([leaf.certPem], anchors(), 'CCMS.Bank.Example')).toBe(true);
  });

  it('trusts through an intermediate within its path length', async () => {
    const mid = issue({ commonName: 'Bank Issuing CA', issuer: root, ca: true, pathLen: 0 });
    const leaf = issue({ commonName: HOST, issuer: mid, dnsNames: [HOST], eku: ['serverAuth'] });
    expect(await trusts([leaf.certPem, mid.certPem])).toBe(true);
  });

  it('refuses a host the policy does not name, even with a good chain', async () => {
    const leaf = server({ dnsNames: [HOST, 'intranet.bank.example'] });
    expect(await trusts([leaf.certPem], anchors(), 'intranet.bank.example')).toBe(false);
  });

  it('refuses a certificate that does not name the host', async () => {
    const leaf = server({ dnsNames: ['other.bank.example'] });
    expect(await trusts([leaf.certPem])).toBe(false);
  });

  it('refuses a leaf whose extended key usage is only clientAuth', async () => {
    expect(await trusts([server({ eku: ['clientAuth'] }).certPem])).toBe(false);
  });

  it('refuses a leaf that is itself a CA', async () => {
    const leaf = server({ ca: true, keyUsage: ['keyCertSign', 'digitalSignature'] });
    expect(await trusts([leaf.certPem])).toBe(false);
  });

  it('refuses a leaf whose key usage does not allow a TLS server key', async () => {
    expect(await trusts([server({ keyUsage: ['cRLSign'] }).certPem])).toBe(false);
  });

  it('refuses a chain that breaks pathLen:0', async () => {
    const constrained = issue({ commonName: 'Bank Policy CA', issuer: root, ca: true, pathLen: 0 });
    const mid = issue({ commonName: 'Sub CA', issuer: constrained, ca: true });
    const leaf = issue({ commonName: HOST, issuer: mid, dnsNames: [HOST], eku: ['serverAuth'] });
    expect(await trusts([leaf.certPem, mid.certPem, constrained.certPem])).toBe(false);
    // The same chain is trusted when the constraint allows one more intermediate.
    const roomy = issue({ commonName: 'Bank Policy CA 2', issuer: root, ca: true, pathLen: 1 });
    const mid2 = issue({ commonName: 'Sub CA 2', issuer: roomy, ca: true });
    const leaf2 = issue({ commonName: HOST, issuer: mid2, dnsNames: [HOST], eku: ['serverAuth'] });
    expect(await trusts([leaf2.certPem, mid2.certPem, roomy.certPem])).toBe(true);
  });

  it('refuses an intermediate that is not a CA', async () => {
    const notCa = issue({ commonName: 'Not a CA', issuer: root, keyUsage: ['keyCertSign'] });
    const leaf = issue({ commonName: HOST, issuer: notCa, dnsNames: [HOST], eku: ['serverAuth'] });
    expect(await trusts([leaf.certPem, notCa.certPem])).toBe(false);
  });

  it('refuses a chain from a CA that is not in the policy, and an empty policy', async () => {
    const leaf = issue({ commonName: HOST, issuer: stranger, dnsNames: [HOST] });
    expect(await trusts([leaf.certPem, stranger.certPem])).toBe(false);
    expect(await trusts([server().certPem], anchors([]))).toBe(false);
  });

  it('refuses an expired leaf and an expired CA', async () => {
    const expired = server({
      notBefore: new Date(Date.now() - 10 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    expect(await trusts([expired.certPem])).toBe(false);
    const oldCa = issue({
      commonName: 'Old CA',
      ca: true,
      notBefore: new Date(Date.now() - 10 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    const leaf = issue({ commonName: HOST, issuer: oldCa, dnsNames: [HOST] });
    expect(await trusts([leaf.certPem], anchors([oldCa.certPem]))).toBe(false);
  });

  it('refuses garbage and a leaf posing as its own CA', async () => {
    expect(await trusts(['not a pem'])).toBe(false);
    const self = issue({ commonName: HOST, dnsNames: [HOST] });
    expect(await trusts([self.certPem], anchors([self.certPem]))).toBe(false);
  });

  it('refuses a forged issuer: same name as the policy CA, another key', async () => {
    const forger = issue({ commonName: 'Bank Root CA', ca: true });
    const leaf = issue({ commonName: HOST, issuer: forger, dnsNames: [HOST] });
    expect(await trusts([leaf.certPem, forger.certPem])).toBe(false);
  });
});
