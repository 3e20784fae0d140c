// Test support only: certificate chains with chosen constraints, for the policy-CA path checks.
// Never imported by the app.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A certificate with its signing key. */
export interface Issued {
  cert: forge.pki.Certificate;
  priv: forge.pki.rsa.PrivateKey;
  certPem: string;
  keyPem: string;
}

/** What a test may vary. */
export interface CertSpec {
  commonName: string;
  /** Signs the certificate; absent: self-signed. */
  issuer?: Issued;
  ca?: boolean;
  pathLen?: number;
  /** extKeyUsage purposes (forge names: serverAuth, clientAuth …); absent: no extension. */
  eku?: string[];
  /** keyUsage flags (forge names); absent: the usual ones for a CA or a TLS server. */
  keyUsage?: string[];
  dnsNames?: string[];
  ips?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

const DAY = 86_400_000;

function keys() {
  // Node generates the key natively (forge's pure-JS RSA takes seconds); forge signs the cert.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const priv = forge.pki.privateKeyFromPem(keyPem);
  return { priv, keyPem, pub: forge.pki.setRsaPublicKey(priv.n, priv.e) };
}

/** Issues one certificate by `spec`. */
export function issue(spec: CertSpec): Issued {
  const k = keys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = k.pub;
  cert.serialNumber = '03' + randomBytes(8).toString('hex');
  cert.validity.notBefore = spec.notBefore ?? new Date(Date.now() - DAY);
  cert.validity.notAfter = spec.notAfter ?? new Date(Date.now() + 30 * DAY);
  const subject = [{ name: 'commonName', value: spec.commonName }];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ? spec.issuer.cert.subject.attributes : subject);
  const usage = spec.keyUsage ?? (spec.ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature']);
  const ext: object[] = [
    {
      name: 'basicConstraints',
      cA: spec.ca === true,
      ...(spec.pathLen !== undefined && { pathLenConstraint: spec.pathLen }),
      critical: true,
    },
    { name: 'keyUsage', ...Object.fromEntries(usage.map((u) => [u, true])), critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (spec.eku)
    ext.push({ name: 'extKeyUsage', ...Object.fromEntries(spec.eku.map((u) => [u, true])) });
  if (spec.dnsNames || spec.ips) {
    ext.push({
      name: 'subjectAltName',
      altNames: [
        ...(spec.dnsNames ?? []).map((value) => ({ type: 2, value })),
        ...(spec.ips ?? []).map((ip) => ({ type: 7, ip })),
      ],
    });
  }
  cert.setExtensions(ext);
  cert.sign(spec.issuer?.priv ?? k.priv, forge.md.sha256.create());
  return { cert, priv: k.priv, keyPem: k.keyPem, certPem: forge.pki.certificateToPem(cert) };
}
