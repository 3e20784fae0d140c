import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../simulator/index.js';
import { SEED_PASSWORDS } from './harness.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../simulator/cli.ts', import.meta.url));

describe('the command line works on the data folder of a simulator running in another process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccms-sim-cli-'));
  let sim: RunningSimulator;
  let agent: Agent;
  const cli = async (...args: string[]): Promise<string> =>
    (
      await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
        env: { ...process.env, CCMS_SIM_DATA: dataDir },
      })
    ).stdout;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are inspected as free JSON
  const post = (path: string, body: unknown): Promise<{ status: number; body: any }> =>
    new Promise((resolve, reject) => {
      const req = request(
        `${sim.url}/api/v1${path}`,
        { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
        (res) => {
          let raw = '';
          res.on('data', (d: Buffer) => (raw += d.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(raw) }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  beforeAll(async () => {
    sim = await startSimulator({ dataDir, port: 0 });
    agent = new Agent({ ca: sim.caCertPem });
  });
  afterAll(async () => {
    agent.destroy();
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('`otp <userId>` prints a code the running simulator accepts', async () => {
    const login = await post('/auth/login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
    const code = (await cli('otp', 'C00101')).trim();
    expect(code).toMatch(/^\d{6}$/);
    expect((await post('/auth/otp', { challengeId: login.body.challengeId, code })).status).toBe(
      200,
    );
  });

  it('`outbox <userId>` prints the mail with the code, newest first', async () => {
    await post('/auth/login', { userId: 'C00102', password: SEED_PASSWORDS.C00102 });
    const out = await cli('outbox', 'C00102');
    const [mail] = await sim.outbox('C00102');
    expect(out).toContain(`Code: ${mail?.code}`);
    expect(out).toContain('CCMS 一次性密碼');
  });

  it('`seed` resets the data while the simulator runs', async () => {
    for (let i = 0; i < 5; i++)
      await post('/auth/login', { userId: 'C00101', password: 'Wrong-Pass-000!' });
    expect(
      (await post('/auth/login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 })).status,
    ).toBe(423);
    expect(await cli('seed')).toContain('seeded');
    expect(
      (await post('/auth/login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 })).status,
    ).toBe(200);
    expect(await sim.outbox()).toEqual([]);
  });

  it('explains a wrong command and an unknown user', async () => {
    await expect(cli('bogus')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage'),
    });
    await expect(cli('otp', 'C00102')).rejects.toMatchObject({
      stderr: expect.stringContaining('no authenticator app'),
    });
  });
});
