// The walking skeleton (issue 4): sign in C00101 with password + TOTP in a real browser, see the
// signed-in screen naming the user, sign out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';

describe('walking skeleton in browser mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('signs in C00101 with password and TOTP, names the user, and signs out', async () => {
    const { page } = app;
    await page.getByLabel('User ID', { exact: true }).fill('C00101');
    await page.getByLabel('Password', { exact: true }).fill('Demo-Pass-101!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const otp = page.getByLabel('One-time password', { exact: true });
    await otp.waitFor();
    await app.screenshot('skeleton-otp-en');
    await expect(page.getByRole('button', { name: 'Verify' }).isVisible()).resolves.toBe(true);
    // The sixth digit submits the code (issue 7): no Enter, no click.
    await otp.fill(app.totp('C00101'));
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await signOut.waitFor();
    await expect(page.getByText('C00101').first().isVisible()).resolves.toBe(true);
    await app.screenshot('skeleton-signed-in-en');
    // The token never reaches the page: the renderer only ever sees AuthState.
    const html = await page.content();
    expect(html).not.toMatch(/Demo-Pass-101!/);
    await signOut.click();
    await page.getByLabel('User ID', { exact: true }).waitFor();
    await app.screenshot('skeleton-signed-out-en');
  });
});
