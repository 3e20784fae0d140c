// The host connection in Electron goes through Chromium's network stack (net.fetch on the default
// session), so the Windows system proxy, PAC files, proxy authentication and the Windows
// certificate store work as IT expects. Machine policy adds to that: a proxy mode (system, direct,
// fixed with a bypass list, PAC), and extra CA certificates that Chromium alone would not know.
import { session, type Certificate } from 'electron';
import type { NetworkPolicy } from './core/index.js';
import { chromiumProxyConfig } from './proxy-config.js';

/** Chromium's verify-proc answers: trust, refuse, or keep Chromium's own verdict. */
const TRUST = 0;
const USE_CHROMIUM_RESULT = -3;

/** The chain as PEMs, leaf first, as `NetworkPolicy.trustsCertificate` wants it. */
function chainPems(leaf: Certificate): string[] {
  const out: string[] = [];
  let cert: Certificate | undefined = leaf;
  // A chain longer than this is not one a clearing house host presents; stop rather than loop.
  while (cert && out.length < 10) {
    out.push(cert.data);
    cert = cert.issuerCert && cert.issuerCert !== cert ? cert.issuerCert : undefined;
  }
  return out;
}

/** The policy's verdict on a chain Chromium refused; any failure to decide is a refusal. */
async function policyVouches(
  network: NetworkPolicy,
  hostname: string,
  leaf: Certificate,
): Promise<boolean> {
  try {
    const trusted = await network.trustsCertificate(hostname, chainPems(leaf));
    return trusted;
  } catch {
    return false;
  }
}

/** Applies the policy's proxy mode and extra CAs to the session host calls go through. */
export async function setupHostNetwork(network: NetworkPolicy): Promise<void> {
  const ses = session.defaultSession;
  await ses.setProxy(chromiumProxyConfig(network.proxySettings));
  ses.setCertificateVerifyProc((request, callback) => {
    // Chromium's verdict stands when it already trusts the chain (the OS store).
    if (request.errorCode === 0) return callback(USE_CHROMIUM_RESULT);
    void policyVouches(network, request.hostname, request.certificate).then((trusted) =>
      callback(trusted ? TRUST : USE_CHROMIUM_RESULT),
    );
  });
}
