// Nothing secret is kept: after a whole 2FA initialization by authenticator app, a sign-in, a
// connectivity report saved and a sign-out, no file the terminal wrote (settings, logs, reports,
// the workstation history) and no browser storage holds a password, a one-time password or the
// TOTP secret.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORDS, startApp, type TestApp } from './harness.js';
import { authenticatorTotp, submitLogin } from './sign-in-support.js';

const NEW_PASSWORD = 'Kept-Nowhere-2026#';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('no secret is kept on the workstation (browser mode, real core and simulator)', () => {
  let app: TestApp;
  const secrets: Record<string, string> = {};
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('initializes C00103 by app, signs in again with the new password, and signs out', async () => {
    const { page } = app;
    secrets.temporaryPassword = SEED_PASSWORDS.C00103 ?? '';
    secrets.newPassword = NEW_PASSWORD;
    await submitLogin(page, 'C00103');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('radio', { name: /Authenticator app/ }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: "Can't scan?" }).click();
    const key = ((await page.getByTestId('totp-key').textContent()) ?? '').replace(/ /g, '');
    expect(key).toMatch(/^[A-Z2-7]{16,}$/);
    secrets.totpSecret = key;
    secrets.enrolmentCode = authenticatorTotp(key);
    await page.getByLabel('One-time password', { exact: true }).fill(secrets.enrolmentCode);
    await page.getByRole('button', { name: 'Continue to CCMS Terminal' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Again, as on the next morning: the new password and a code from the phone.
    await submitLogin(page, 'C00103', undefined, NEW_PASSWORD);
    const otp = page.getByLabel('One-time password', { exact: true });
    await otp.waitFor();
    // A step the enrolment did not use: the host never accepts the same step twice.
    const next = authenticatorTotp(key);
    secrets.signInCode = next === secrets.enrolmentCode ? app.sim.currentTotp('C00103', 1) : next;
    await otp.fill(secrets.signInCode);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    // A saved connectivity report is a file the terminal writes too.
    const saved = await app.mode.core.call('saveDiagnostics', { text: 'report body' });
    expect(saved.ok).toBe(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User ID', { exact: true }).waitFor();
  });

  it('finds none of the secrets in any file under the user data folder', async () => {
    const files = await filesUnder(app.userDataDir);
    // The test must look at something: settings and the log at least.
    expect(files.some((f) => f.endsWith('.log'))).toBe(true);
    expect(files.some((f) => f.endsWith('settings.json'))).toBe(true);
    const history = files.find((f) => f.endsWith('workstation-history.json'));
    expect(history).toBeDefined();
    // Real entries: both sign-ins and the sign-outs of this run are in it.
    expect(await readFile(history ?? '', 'utf8')).toMatch(/"kind":"signedIn".*"kind":"signedOut"/s);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const [name, value] of Object.entries(secrets)) {
        expect(value.length, name).toBeGreaterThan(5);
        expect(text.includes(value), `${name} found in ${file}`).toBe(false);
      }
    }
  });

  it('finds none of the secrets in the page or its storage', async () => {
    const stored = await app.page.evaluate(() =>
      JSON.stringify({
        local: { ...localStorage },
        session: { ...sessionStorage },
        cookie: document.cookie,
        html: document.documentElement.outerHTML,
      }),
    );
    for (const [name, value] of Object.entries(secrets)) {
      expect(stored.includes(value), `${name} found in the page or its storage`).toBe(false);
    }
  });
});
