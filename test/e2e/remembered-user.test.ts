// Two users take turns in one window: after each sign-out the login form offers the last user who
// signed in on this workstation (settings' last user ID, which the core saves at sign-in), not the
// first one the window remembered. C00101 signs in with the app, C00102 with an emailed code.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEED_PASSWORDS, startApp, type TestApp } from './harness.js';

describe('remembered user ID', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const userIdField = () => app.page.getByRole('textbox', { name: 'User ID' });
  const signOut = async () => {
    await app.page.getByRole('button', { name: 'Sign out' }).click();
    await userIdField().waitFor();
  };
  /** The saved settings' last user ID (what the core remembers). */
  const savedLastUserId = async (): Promise<unknown> => {
    const file = JSON.parse(await readFile(join(app.userDataDir, 'settings.json'), 'utf8')) as {
      lastUserId?: unknown;
    };
    return file.lastUserId;
  };

  it('after C00101 and then C00102 sign in and out, the form offers C00102', async () => {
    const { page } = app;
    await app.signIn('C00101');
    await signOut();
    expect(await userIdField().inputValue()).toBe('C00101');

    // C00102 types their own ID over the offered one, signs in with the emailed code, signs out.
    await userIdField().fill('C00102');
    await page.getByLabel('Password', { exact: true }).fill(SEED_PASSWORDS.C00102!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await vi.waitFor(async () => expect(await app.sim.outbox('C00102')).toHaveLength(1), {
      timeout: 30_000,
      interval: 200,
    });
    const code = (await app.sim.outbox('C00102'))[0]?.code ?? '';
    await page.getByRole('textbox', { name: 'One-time password' }).fill(code);
    await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
    await signOut();

    expect(await savedLastUserId()).toBe('C00102');
    expect(await userIdField().inputValue()).toBe('C00102');
    // It stays so once the sign-out's own refresh of app info has come back too.
    await page.waitForTimeout(500);
    expect(await userIdField().inputValue()).toBe('C00102');
    // A known user only types the password.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe(
      'current-password',
    );
  });
});
