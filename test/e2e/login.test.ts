// Sign-in in a real browser against the simulator (issue 7): TOTP, wrong password, locked,
// suspended; accessible names, axe scans and screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORDS, startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, submitLogin } from './sign-in-support.js';

describe('login (en)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the login screen with its accessible names, environment and tools, and passes axe', async () => {
    const { page } = app;
    await page.getByLabel('User ID', { exact: true }).waitFor();
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('type')).toBe(
      'password',
    );
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('status', { name: 'Environment: Simulator' }).isVisible()).toBe(
      true,
    );
    expect(await page.getByRole('button', { name: 'Settings' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Connectivity check' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Keyboard: the first field has focus on arrival.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe(
      'username',
    );
    await app.screenshot('login-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows and hides the password', async () => {
    const { page } = app;
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('abc');
    await page.getByRole('button', { name: 'Show password' }).click();
    expect(await password.getAttribute('type')).toBe('text');
    await page.getByRole('button', { name: 'Hide password' }).click();
    expect(await password.getAttribute('type')).toBe('password');
    await password.fill('');
  });

  it('says "wrong user ID or password" without telling which, and clears the password', async () => {
    const { page } = app;
    await submitLogin(page, 'C00101', undefined, 'Not-The-Password-1!');
    const alert = page.getByRole('alert');
    await alert.getByText('The user ID or password is not correct.').waitFor();
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    // Focus lands on the message so a screen reader reads it at once.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await app.screenshot('login-wrong-password-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // An unknown user gets the very same sentence.
    await submitLogin(page, 'C09999', undefined, 'Not-The-Password-1!');
    await alert.getByText('The user ID or password is not correct.').waitFor();
  });

  it('tells a locked user until when, and to call the DA (C00104)', async () => {
    const { page } = app;
    await submitLogin(page, 'C00104');
    const alert = page.getByRole('alert');
    await alert.getByText(/locked/).waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Delegated Administrator (DA)');
    // The seeded lock ends 30 days on (simulator/store/seed.ts): its date is named, day month
    // year in Hong Kong time, never a bare clock that reads as earlier today.
    expect(text).toMatch(/locked until \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}( HKT)?\./);
    await app.screenshot('login-locked-en');
  });

  it('tells a suspended user to call the DA (C00105)', async () => {
    const { page } = app;
    await submitLogin(page, 'C00105');
    await page
      .getByRole('alert')
      .getByText('Your account is suspended. Contact your Delegated Administrator (DA).')
      .waitFor();
    await app.screenshot('login-suspended-en');
  });

  it('signs C00101 in with password and TOTP, focus on the code field, then signs out', async () => {
    const { page } = app;
    await submitLogin(page, 'C00101');
    const otp = page.getByLabel('One-time password', { exact: true });
    await otp.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe(
      'one-time-code',
    );
    expect(await otp.getAttribute('inputmode')).toBe('numeric');
    await page.getByText(/authenticator app/).waitFor();
    await app.screenshot('otp-totp-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Typed by keyboard: the sixth digit submits.
    await otp.pressSequentially(app.totp('C00101'));
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.content()).not.toContain('Demo-Pass-101!');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User ID', { exact: true }).waitFor();
  });

  it('remembers the user ID on this workstation and puts focus on the password', async () => {
    const { page } = app;
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('autocomplete'));
    await page.waitForFunction(
      () =>
        (document.querySelector('input[autocomplete="username"]') as HTMLInputElement | null)
          ?.value === 'C00101',
    );
    expect(await focused()).toBe('current-password');
    await page.reload();
    await page.getByLabel('Password', { exact: true }).waitFor();
    expect(await page.getByLabel('User ID', { exact: true }).inputValue()).toBe('C00101');
    expect(await focused()).toBe('current-password');
  });

  it('signs in with the keyboard alone', async () => {
    const { page } = app;
    // Focus is already on the password (the user ID is remembered).
    await page.keyboard.type('Demo-Pass-101!');
    await page.keyboard.press('Enter');
    await page.getByLabel('One-time password', { exact: true }).waitFor();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('autocomplete') === 'one-time-code',
    );
    await page.keyboard.type(app.totp('C00101'));
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await signOut.waitFor();
    await signOut.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('User ID', { exact: true }).waitFor();
  });

  it('opens the connectivity check and settings before sign-in and comes back', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Connectivity check' }).click();
    await page
      .getByRole('heading', { level: 1 })
      .or(page.getByRole('heading', { level: 2 }))
      .first()
      .waitFor();
    await app.screenshot('connectivity-from-login-en');
    await page.getByRole('button', { name: 'Close' }).first().click();
    await page.getByLabel('User ID', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Close' }).first().waitFor();
    await app.screenshot('settings-from-login-en');
    await page.getByRole('button', { name: 'Close' }).first().click();
    await page.getByLabel('User ID', { exact: true }).waitFor();
  });

  it('answers a user ID that is not one at the field, and signs in with a full-width one (Chinese IME)', async () => {
    const { page } = app;
    // C00191 (TOTP) signs in: C00101's codes are the other tests'.
    const password = SEED_PASSWORDS.C00191;
    await submitLogin(page, 'C00105');
    await page
      .getByRole('alert')
      .getByText(/suspended/)
      .waitFor();
    await submitLogin(page, '陳大文', undefined, password);
    await page.getByText('User IDs look like C00101.').waitFor();
    // Answered at the field: not the bridge's "made a request it should not have", and the last
    // attempt's "suspended" is gone.
    expect(await page.getByRole('alert').allTextContents()).toEqual(['User IDs look like C00101.']);
    await app.screenshot('login-user-id-invalid-en');
    await submitLogin(page, 'Ｃ００１９１', undefined, password);
    await page.getByLabel('One-time password', { exact: true }).fill(app.totp('C00191'));
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getByTestId('shell-user').textContent()).toContain('(C00191)');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User ID', { exact: true }).waitFor();
  });
});
