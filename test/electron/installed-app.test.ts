// The smoke test the Windows install job runs against the installed CCMS Terminal: it starts,
// takes its hosts from machine policy (the registry there; CCMS_POLICY_FILE elsewhere), signs
// C00101 in, and quits cleanly. The simulator is the job's (CCMS_SMOKE_SIM_URL, _CA, _DATA, the
// one its registry policy names) or, off Windows, one of the test's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronAvailability, suiteTitle, type ElectronTarget } from './electron-target.js';
import { launchApp, type LaunchedApp } from './electron-harness.js';
import { bridgeCall, loginScreen, signIn, signOut } from './journeys.js';
import { smokeEnvironment } from './smoke-policy.js';
import { externalSimulator, startTestSimulator, type TestSimulator } from './test-simulator.js';

const installed = process.env['CCMS_ELECTRON_EXECUTABLE'];
const availability = installed ? await electronAvailability() : undefined;
const target: ElectronTarget | undefined = availability?.target;
const reason = installed
  ? (availability?.reason ?? '')
  : 'CCMS_ELECTRON_EXECUTABLE is not set: no installed CCMS Terminal to test';

/** The job's simulator, or off Windows (where the test writes the policy file) one of our own. */
async function smokeSimulator(): Promise<TestSimulator> {
  const external = externalSimulator();
  if (external) return external;
  if (process.platform === 'win32') {
    throw new Error(
      'on Windows the registry policy names the simulator: start it first and pass CCMS_SMOKE_SIM_URL, CCMS_SMOKE_SIM_CA and CCMS_SMOKE_SIM_DATA',
    );
  }
  return startTestSimulator();
}

describe.skipIf(!target)(suiteTitle('installed CCMS Terminal smoke test', reason), () => {
  let sim: TestSimulator;
  let app: LaunchedApp;
  let exitCode: number | null | undefined;
  beforeAll(async () => {
    if (!target) return;
    sim = await smokeSimulator();
    app = await launchApp(target, { host: sim });
  });
  afterAll(async () => {
    if (exitCode === undefined) await app?.quit();
    await sim?.close();
  });

  it('starts as a packaged app on the simulator its policy names, without configuration problems', async () => {
    const { page } = app;
    await loginScreen(page);
    expect(await bridgeCall(page, 'getAppInfo')).toMatchObject({
      ok: true,
      value: {
        mode: 'electron',
        allowedEnvironments: [smokeEnvironment()],
        settings: { environment: smokeEnvironment() },
        configProblems: [],
      },
    });
    if (app.electronApp)
      expect(await app.electronApp.evaluate(({ app: a }) => a.isPackaged)).toBe(true);
    await app.screenshot('installed-login');
  });

  it('signs C00101 in with password and TOTP, and signs out', async () => {
    const { page } = app;
    await signIn(page, sim, 'C00101');
    expect(await page.getByTestId('shell-user').textContent()).toContain('(C00101)');
    await app.screenshot('installed-signed-in');
    await signOut(page);
  });

  it('quits cleanly when its window is closed', async () => {
    exitCode = await app.quit();
    expect(exitCode).toBe(0);
  });
});
