import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

function parse(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

const validAt = (c: X509Certificate, now: number) =>
  Date.parse(c.validFrom) <= now && now <= Date.parse(c.validTo);

/**
 * Whether a server's chain (leaf first, as the server sent it) is vouched for by one of the
 * policy's extra CAs: every link signed by the next, every certificate in date, the leaf naming
 * the host. Electron's glue asks this from `setCertificateVerifyProc` when Chromium, which knows
 * only the OS store, refuses a host whose CA IT configured in the policy.
 */
export function chainTrustedByPolicy(
  hostname: string,
  chainPems: string[],
  extraCaPems: string[],
  now = Date.now(),
): boolean {
  const chain = chainPems.map(parse);
  const cas = extraCaPems.map(parse).filter((c): c is X509Certificate => c !== undefined && c.ca);
  const leaf = chain[0];
  if (!leaf || cas.length === 0 || chain.some((c) => c === undefined)) return false;
  const host = hostname.replace(/^\[|\]$/g, '');
  const named = isIP(host) ? leaf.checkIP(host) !== undefined : leaf.checkHost(host) !== undefined;
  if (!named) return false;
  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i] as X509Certificate;
    if (!validAt(cert, now)) return false;
    const anchor = cas.find(
      (ca) => validAt(ca, now) && cert.checkIssued(ca) && cert.verify(ca.publicKey),
    );
    if (anchor) return true;
    const next = chain[i + 1];
    if (!next || !next.ca || !cert.checkIssued(next) || !cert.verify(next.publicKey)) return false;
  }
  return false;
}
