// Trust in the CA certificates IT adds by machine policy, for the hosts IT names and no others.
// Chromium knows only the OS store; when it refuses a host's chain, Electron's verify proc asks
// this whether a policy CA vouches for it. The path is built and checked with a maintained X.509
// library (@peculiar/x509) by the rules of RFC 5280 §6 that matter for a TLS server: signatures,
// validity, basic constraints, path length, key usage and extended key usage.
// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { X509Certificate as NodeX509 } from 'node:crypto';
import { isIP } from 'node:net';
import {
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  X509Certificate,
  X509ChainBuilder,
} from '@peculiar/x509';

/** CA certificates (PEM) trusted only for connections to the named hosts. */
export interface TrustAnchors {
  caPems: string[];
  /** Host names or IP addresses, as in the host URLs (case-insensitive). */
  hosts: string[];
}

const ANY_EKU = '2.5.29.37.0';

function parse(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

const bare = (host: string) => host.replace(/^\[|\]$/g, '').toLowerCase();

function inDate(c: X509Certificate, now: number): boolean {
  return c.notBefore.getTime() <= now && now <= c.notAfter.getTime();
}

function serverAuthAllowed(c: X509Certificate): boolean {
  const eku = c.getExtension(ExtendedKeyUsageExtension);
  // No EKU extension means any purpose (RFC 5280 §4.2.1.12); present, it must name serverAuth.
  if (!eku) return true;
  return eku.usages.some((u) => u === ExtendedKeyUsage.serverAuth || u === ANY_EKU);
}

/** The leaf: not a CA, usable for a TLS server's key, naming the host. */
function leafAcceptable(leaf: X509Certificate, pem: string, host: string): boolean {
  if (leaf.getExtension(BasicConstraintsExtension)?.ca) return false;
  const ku = leaf.getExtension(KeyUsagesExtension);
  const tlsUsages = KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment;
  if (ku && (ku.usages & tlsUsages) === 0) return false;
  if (!serverAuthAllowed(leaf)) return false;
  const node = new NodeX509(pem);
  return isIP(host) ? node.checkIP(host) !== undefined : node.checkHost(host) !== undefined;
}

/** A CA at `depth` (1 = the leaf's issuer): may sign certificates, with room for those below. */
function caAcceptable(ca: X509Certificate, depth: number): boolean {
  const bc = ca.getExtension(BasicConstraintsExtension);
  if (!bc?.ca) return false;
  // pathLength counts the intermediates that may follow this CA; depth - 1 of them do.
  if (bc.pathLength !== undefined && depth - 1 > bc.pathLength) return false;
  const ku = ca.getExtension(KeyUsagesExtension);
  if (ku && (ku.usages & KeyUsageFlags.keyCertSign) === 0) return false;
  return serverAuthAllowed(ca);
}

async function sameCert(a: X509Certificate, b: X509Certificate): Promise<boolean> {
  const [x, y] = await Promise.all([a.getThumbprint(), b.getThumbprint()]);
  return Buffer.from(x).equals(Buffer.from(y));
}

/**
 * Whether a server's chain (leaf first, as the server sent it) leads to one of the policy's CAs
 * by a valid path, for a host the policy names. Any doubt is a refusal: Chromium's own verdict
 * then stands.
 */
export async function chainTrustedByPolicy(
  hostname: string,
  chainPems: string[],
  anchors: TrustAnchors[],
  now = Date.now(),
): Promise<boolean> {
  const host = bare(hostname);
  const usable = anchors.filter((a) => a.hosts.some((h) => bare(h) === host));
  const cas = usable.flatMap((a) => a.caPems.map(parse)).filter((c) => c !== undefined);
  const chain = chainPems.map(parse);
  const [leaf, ...sent] = chain;
  const leafPem = chainPems[0];
  if (!leaf || !leafPem || cas.length === 0 || sent.some((c) => c === undefined)) return false;
  if (!leafAcceptable(leaf, leafPem, host)) return false;
  let path: X509Certificate[];
  try {
    const builder = new X509ChainBuilder({
      certificates: [...(sent as X509Certificate[]), ...cas],
    });
    path = [...(await builder.build(leaf))];
  } catch {
    return false;
  }
  // The path ends at the first policy CA on it (IT may deploy an intermediate as the anchor).
  let end = -1;
  for (let i = 1; i < path.length && end < 0; i++) {
    for (const ca of cas) if (await sameCert(path[i] as X509Certificate, ca)) end = i;
  }
  if (end < 0) return false;
  const trusted = path.slice(0, end + 1);
  if (!trusted.every((c) => inDate(c, now))) return false;
  return trusted.slice(1).every((ca, i) => caAcceptable(ca, i + 1));
}
