// The floor of `npm run bench:host`: a bare HTTPS host on the simulator's certificate and TLS
// profile that answers the two sign-in calls with nothing but what no host can skip: it reads the
// request, parses its JSON, verifies the password with argon2id through the simulator's own
// hasher (the same library, parameters and gate) and replies. No database, no TOTP check, no
// session, no request log: not a host, only a measure of what any host written this way reaches
// on these cores with this load generator. Its ratio beside the simulator's says how much of the
// gap to the argon2id limit is the simulator's own work.
// Prints {"url"} on stdout, stops on SIGTERM.
// Usage: node --import tsx bare-host.ts <dataDir> <argon2id PHC hash of the bench password>
import { createServer, type Server } from 'node:https';
import { DEFAULT_SETTINGS } from '../../simulator/settings.js';
import { PasswordHasher } from '../../simulator/auth/passwords.js';
import { dataPaths } from '../../simulator/data-dir.js';
import { ensureCertificates } from '../../simulator/tls/certificates.js';
import { TLS_CIPHERS, TLS_MIN_VERSION } from '../../shared/tls-profile.js';

/** Starts the bare host on a free loopback port; resolves once it listens. */
export async function startBareHost(
  dataDir: string,
  storedHash: string,
): Promise<{ url: string; server: Server }> {
  const tls = ensureCertificates(dataPaths(dataDir));
  const hasher = new PasswordHasher(DEFAULT_SETTINGS);
  const reply = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    return {
      status,
      text,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      },
    };
  };
  const answer = async (url: string | undefined, raw: string) => {
    let body: { password?: unknown; challengeId?: unknown };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      return reply(400, { error: { code: 'INVALID_REQUEST', message: 'not JSON' } });
    }
    if (url === '/api/v1/auth/login' && typeof body.password === 'string') {
      return (await hasher.verify(storedHash, body.password))
        ? reply(200, { next: 'otp', challengeId: 'c'.repeat(43), channel: 'totp' })
        : reply(401, { error: { code: 'INVALID_CREDENTIALS', message: 'wrong password' } });
    }
    if (url === '/api/v1/auth/otp' && typeof body.challengeId === 'string') {
      return reply(200, {
        session: { token: 't'.repeat(43), expiresAt: new Date().toISOString() },
      });
    }
    return reply(404, { error: { code: 'NOT_FOUND', message: 'no such call' } });
  };
  const server = createServer(
    {
      cert: tls.certPem,
      key: tls.keyPem,
      minVersion: TLS_MIN_VERSION,
      ciphers: TLS_CIPHERS,
      honorCipherOrder: true,
      keepAliveTimeout: 5_000,
    },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void answer(req.url, Buffer.concat(chunks).toString('utf8')).then((r) => {
          res.writeHead(r.status, r.headers);
          res.end(r.text);
        });
      });
    },
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return { url: `https://127.0.0.1:${port}`, server };
}

if (process.argv[1]?.endsWith('bare-host.ts')) {
  const [dataDir, storedHash] = process.argv.slice(2);
  if (!dataDir || !storedHash) {
    console.error('usage: bare-host.ts <dataDir> <argon2id hash>');
    process.exit(2);
  }
  const { url, server } = await startBareHost(dataDir, storedHash);
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
