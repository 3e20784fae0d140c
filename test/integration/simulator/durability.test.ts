import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../simulator/index.js';
import { openOffline } from '../../../simulator/offline.js';
import { currentTotpOf } from '../../../simulator/phone.js';
import { SEED_PASSWORDS } from './harness.js';

const CHILD = fileURLToPath(new URL('./child-simulator.ts', import.meta.url));

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string; ca: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        const { url, ca } = JSON.parse(line) as { url: string; ca: string };
        resolve({ child, url, ca });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`child simulator exited (${code}) before listening`)),
    );
  });
}

function post(
  agent: Agent,
  url: string,
  path: string,
  body: unknown,
  token?: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are inspected as free JSON
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/v1${path}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        agent,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let raw = '';
        res.on('data', (d: Buffer) => (raw += d.toString('utf8')));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: raw ? JSON.parse(raw) : undefined }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

describe('durability: every acknowledged write survives kill -9 of the simulator process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccms-sim-durable-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps a burst of 60 acknowledged DMS requests and the session after SIGKILL and restart', async () => {
    const { child, url, ca } = await startChild(dataDir);
    const agent = new Agent({ ca, keepAlive: true, maxSockets: 16 });
    let token = '';
    const ids: string[] = [];
    try {
      const login = await post(agent, url, '/auth/login', {
        userId: 'C00191',
        password: SEED_PASSWORDS.C00191,
      });
      const off = openOffline(dataDir);
      const code = currentTotpOf(off.db, off.box, 'C00191', Date.now());
      off.close();
      const otp = await post(agent, url, '/auth/otp', {
        challengeId: login.body.challengeId,
        code,
      });
      expect(otp.status).toBe(200);
      token = otp.body.session.token as string;
      // 60 different changes (one pending request per change, docs/protocol.md): a new email each.
      const targets = ['C00101', 'C00102', 'C00104', 'C00105'];
      const replies = await Promise.all(
        Array.from({ length: 60 }, (_v, i) =>
          post(
            agent,
            url,
            '/dms/requests',
            { action: 'set_email', userId: targets[i % 4], email: `desk${i}@cp001.example` },
            token,
          ),
        ),
      );
      for (const r of replies) {
        expect(r.status).toBe(200);
        ids.push(r.body.request.id as string);
      }
    } finally {
      agent.destroy();
      // No graceful shutdown: the process dies mid-flight, as in a power cut of the process.
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }

    const sim = await startSimulator({ dataDir, port: 0 });
    const agent2 = new Agent({ ca: sim.caCertPem });
    try {
      const list = await post(agent2, sim.url, '/dms/requests?status=pending', undefined, token);
      expect(list.status).toBe(200);
      const listed = new Set((list.body.requests as Array<{ id: string }>).map((r) => r.id));
      expect(ids.filter((id) => !listed.has(id))).toEqual([]);
      expect(listed.size).toBe(60);
    } finally {
      agent2.destroy();
      await sim.close();
    }
  });
});
