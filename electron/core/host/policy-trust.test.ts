import { describe, expect, it } from 'vitest';
import { chainTrustedByPolicy } from './policy-trust.js';
import { makeCa, makeServerCert } from './testing/tls-fixtures.js';

const ca = makeCa('Corporate CA');
const other = makeCa('Stranger CA');
const leaf = makeServerCert(ca);
const DAY = 86_400_000;

describe('chainTrustedByPolicy', () => {
  it('trusts a chain signed by a policy CA for the name in the certificate', () => {
    expect(chainTrustedByPolicy('127.0.0.1', [leaf.certPem], [ca.certPem])).toBe(true);
    expect(chainTrustedByPolicy('localhost', [leaf.certPem, ca.certPem], [ca.certPem])).toBe(true);
  });

  it('refuses a chain from a CA that is not in the policy', () => {
    expect(chainTrustedByPolicy('127.0.0.1', [leaf.certPem], [other.certPem])).toBe(false);
    expect(chainTrustedByPolicy('127.0.0.1', [leaf.certPem], [])).toBe(false);
  });

  it('refuses a certificate for another host name', () => {
    expect(chainTrustedByPolicy('ccms.example.com', [leaf.certPem], [ca.certPem])).toBe(false);
  });

  it('refuses an expired certificate', () => {
    const expired = makeServerCert(ca, {
      notBefore: new Date(Date.now() - 10 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    expect(chainTrustedByPolicy('127.0.0.1', [expired.certPem], [ca.certPem])).toBe(false);
  });

  it('refuses garbage and a leaf posing as its own CA', () => {
    expect(chainTrustedByPolicy('127.0.0.1', ['not a pem'], [ca.certPem])).toBe(false);
    expect(chainTrustedByPolicy('127.0.0.1', [leaf.certPem], [leaf.certPem])).toBe(false);
  });
});
