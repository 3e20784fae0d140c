import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator/index.js';
import { dataPaths } from '../../simulator/data-dir.js';
import { ensureCertificates } from '../../simulator/tls/certificates.js';
import { healthUrl, parseArgs, processAlive, waitForHealth } from './wait-for-health.js';

let tmp: string;
let sim: RunningSimulator;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-wait-health-'));
  sim = await startSimulator({ dataDir: path.join(tmp, 'sim'), port: 0, seedIfEmpty: false });
}, 60_000);
afterAll(async () => {
  await sim?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A process id that certainly ended: a child that was started and has exited. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.once('exit', r));
  return child.pid ?? -1;
}

describe('wait-for-health', () => {
  it('returns the health reply of a host verified against its CA file', async () => {
    const reply = await waitForHealth({ url: sim.url, caFile: sim.caCertPath, timeoutMs: 10_000 });
    expect(reply.status).toBe('ok');
    expect(reply.environment).toBe('simulator');
  });

  it('keeps waiting while the CA file does not exist yet', async () => {
    const late = path.join(tmp, 'late-ca.pem');
    setTimeout(() => fs.writeFileSync(late, sim.caCertPem), 700);
    const reply = await waitForHealth({
      url: sim.url,
      caFile: late,
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    expect(reply.status).toBe('ok');
  });

  it('refuses a host whose certificate another CA signed, naming the TLS problem', async () => {
    const other = dataPaths(path.join(tmp, 'other'));
    fs.mkdirSync(path.dirname(other.caCert), { recursive: true });
    ensureCertificates(other);
    await expect(
      waitForHealth({ url: sim.url, caFile: other.caCert, timeoutMs: 1_000, intervalMs: 200 }),
    ).rejects.toThrow(/not healthy within 1 s: .*(certificate|self.signed)/i);
  });

  it('refuses a 200 reply that is not a health reply', async () => {
    // The simulator's own certificate and key, so that only the reply differs.
    const paths = dataPaths(path.join(tmp, 'sim'));
    const server = https.createServer(
      { cert: fs.readFileSync(paths.serverCert), key: fs.readFileSync(paths.serverKey) },
      (_req, res) => res.end(JSON.stringify({ status: 'starting' })),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      await expect(
        waitForHealth({
          url: `https://127.0.0.1:${port}`,
          caFile: sim.caCertPath,
          timeoutMs: 600,
          intervalMs: 200,
        }),
      ).rejects.toThrow(/not a health reply: status/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('gives up at once when the serving process has exited', async () => {
    const pid = await exitedPid();
    expect(processAlive(pid)).toBe(false);
    expect(processAlive(process.pid)).toBe(true);
    const started = Date.now();
    await expect(
      waitForHealth({
        url: 'https://127.0.0.1:9',
        caFile: sim.caCertPath,
        timeoutMs: 30_000,
        pid,
      }),
    ).rejects.toThrow(new RegExp(`process ${pid} exited`));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reads its command line and refuses a bad one', () => {
    expect(healthUrl('https://127.0.0.1:7443/')).toBe('https://127.0.0.1:7443/api/v1/health');
    expect(
      parseArgs(['--url', 'https://h:1', '--ca', 'ca.pem', '--timeout-sec', '5', '--pid', '42']),
    ).toEqual({ url: 'https://h:1', caFile: path.resolve('ca.pem'), timeoutMs: 5_000, pid: 42 });
    expect(parseArgs(['--url', 'https://h:1'])).toBeNull();
    expect(parseArgs(['--url', 'https://h:1', '--ca', 'x', '--timeout-sec', '0'])).toBeNull();
    expect(parseArgs(['--url', 'https://h:1', '--ca', 'x', '--bogus', '1'])).toBeNull();
    expect(parseArgs(['--url', 'https://h:1', '--ca'])).toBeNull();
  });
});
