import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import forge from 'node-forge';
import { writePrivate, type DataPaths } from '../data-dir.js';

/** The PEM material the HTTPS server needs. */
export interface TlsMaterial {
  caCertPem: string;
  certPem: string;
  keyPem: string;
}

// node-forge's pure-JS RSA key generation takes seconds; Node's native one takes milliseconds.
function rsaKeyPair(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
} {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.rsa.setPublicKey(key.n, key.e) };
}

function serial(): string {
  // Positive, 16 bytes: clear the top bit so DER does not read it as negative.
  const b = randomBytes(16);
  b[0] = (b[0] ?? 0) & 0x7f;
  return b.toString('hex');
}

function newCertificate(
  publicKey: forge.pki.rsa.PublicKey,
  subjectCn: string,
  years: number,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + years * 365 * 24 * 60 * 60 * 1000);
  cert.setSubject([
    { name: 'commonName', value: subjectCn },
    { name: 'organizationName', value: 'CCMS Host Simulator' },
  ]);
  return cert;
}

function generate(paths: DataPaths): void {
  const ca = rsaKeyPair();
  const caCert = newCertificate(ca.publicKey, 'CCMS Simulator Local CA', 10);
  caCert.setIssuer(caCert.subject.attributes);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const server = rsaKeyPair();
  // Browsers and Node refuse leaf certificates valid for more than ~398 days only from public CAs;
  // two years is fine for a private CA, and a new data folder makes a new one.
  const cert = newCertificate(server.publicKey, 'localhost', 2);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
  ]);
  cert.sign(ca.privateKey, forge.md.sha256.create());

  writePrivate(paths.caKey, forge.pki.privateKeyToPem(ca.privateKey));
  writePrivate(paths.serverKey, forge.pki.privateKeyToPem(server.privateKey));
  writePrivate(paths.serverCert, forge.pki.certificateToPem(cert));
  // The CA certificate last: its presence means the set is complete.
  writePrivate(paths.caCert, forge.pki.certificateToPem(caCert));
}

/** Loads the CA and server certificate from the data folder, generating them on first start. */
export function ensureCertificates(paths: DataPaths): TlsMaterial {
  const complete = [paths.caCert, paths.caKey, paths.serverCert, paths.serverKey].every((p) =>
    existsSync(p),
  );
  if (!complete) generate(paths);
  return {
    caCertPem: readFileSync(paths.caCert, 'utf8'),
    certPem: readFileSync(paths.serverCert, 'utf8'),
    keyPem: readFileSync(paths.serverKey, 'utf8'),
  };
}
