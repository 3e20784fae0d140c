// The OTP prompt in a real browser against the simulator (issue 7): email OTP for C00102 with the
// resend cooldown, a wrong code with attempts left, paste with spaces, cancel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, submitLogin } from './sign-in-support.js';

/** A short cooldown so the test waits seconds, not half a minute; the rule is the same. */
const COOLDOWN_SEC = 4;

describe('OTP prompt (en)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ simSettings: { emailResendCooldownSec: COOLDOWN_SEC } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('signs C00102 in by email: masked address, countdown, resend after the cooldown, newest code', async () => {
    const { page, sim } = app;
    await submitLogin(page, 'C00102');
    const otp = page.getByLabel('One-time password', { exact: true });
    await otp.waitFor();
    // The address is masked (never the whole of it on screen).
    const sentTo = page.getByText(/sent a 6-digit code by email to \S+@cp001\.example\./);
    await sentTo.waitFor();
    expect(await sentTo.textContent()).not.toContain('c00102@');
    await page.getByText(/The code expires in \d:\d\d\./).waitFor();
    const resend = page.getByRole('button', { name: 'Resend code' });
    expect(await resend.getAttribute('aria-disabled')).toBe('true');
    await app.screenshot('otp-email-en');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const first = (await sim.outbox('C00102'))[0]?.code;
    expect(first).toMatch(/^\d{6}$/);
    // Enabled once resendAvailableAt has passed (the page's own clock drives it).
    await page.waitForFunction(
      () => document.querySelector('button[aria-disabled="true"]')?.textContent !== 'Resend code',
      undefined,
      { timeout: 30_000 },
    );
    await resend.click();
    await page.getByText('A new code was sent. Use only the newest code.').waitFor();
    const mails = await sim.outbox('C00102');
    expect(mails.length).toBeGreaterThanOrEqual(2);
    const newest = mails[0]?.code;
    expect(newest).toMatch(/^\d{6}$/);
    expect(await resend.getAttribute('aria-disabled')).toBe('true');

    // Pasted as the email shows it, with a space: trimmed and submitted at the sixth digit.
    await otp.focus();
    await page.evaluate((code) => {
      const data = new DataTransfer();
      data.setData('text/plain', `${code.slice(0, 3)} ${code.slice(3)}`);
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, newest ?? '');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User ID', { exact: true }).waitFor();
  });

  it('says a wrong code is wrong, how many attempts are left, and hints at the phone clock (C00101)', async () => {
    const { page } = app;
    await submitLogin(page, 'C00101');
    const otp = page.getByLabel('One-time password', { exact: true });
    await otp.waitFor();
    const right = app.totp('C00101');
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    await otp.fill(wrong);
    const alert = page.getByRole('alert');
    await alert.getByText(/That code is not correct\./).waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/You have \d attempts? left before your account is locked\./);
    expect(text).toContain('check that your phone sets its date and time automatically');
    expect(await otp.inputValue()).toBe('');
    await app.screenshot('otp-wrong-code-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('"Cancel" goes back to the login screen', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByLabel('User ID', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  });
  it('locks the account after too many wrong codes and says so on the login screen', async () => {
    const { page } = app;
    await submitLogin(page, 'C00101');
    const otp = page.getByLabel('One-time password', { exact: true });
    const userId = page.getByLabel('User ID', { exact: true });
    // Wrong codes until the host locks the account (5 failures in a row, docs/protocol.md); each
    // answer is awaited by its new alert text, or by the login form coming back.
    let lastAlert = '';
    await otp.waitFor();
    for (let i = 0; i < 6 && !(await userId.isVisible()); i++) {
      const right = app.totp('C00101');
      await otp.fill(String((Number(right) + 500_000) % 1_000_000).padStart(6, '0'));
      await page.waitForFunction((previous) => {
        if (document.querySelector('input[autocomplete="username"]')) return true;
        const alert = document.querySelector('[role="alert"]');
        return alert !== null && alert.textContent !== previous;
      }, lastAlert);
      lastAlert = (await page.locator('[role="alert"]').first().textContent()) ?? '';
    }
    await userId.waitFor();
    const alert = page.getByRole('alert');
    await alert.getByText(/Your account is locked/).waitFor();
    expect(await alert.textContent()).toContain('Delegated Administrator (DA)');
    await app.screenshot('login-locked-after-otp-en');
  });
});

describe('an OTP challenge that runs out', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A 3-second challenge: the same rule as the 5-minute default, without the wait.
    app = await startApp({ simSettings: { challengeTtlSec: 3 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('returns to the login screen with a message saying why', async () => {
    const { page } = app;
    await submitLogin(page, 'C00101');
    await page.getByLabel('One-time password', { exact: true }).waitFor();
    await page
      .getByText(
        'The one-time password was not entered in time, so the sign-in was cancelled. Sign in again.',
      )
      .waitFor({ timeout: 30_000 });
    await page.getByLabel('User ID', { exact: true }).waitFor();
    await app.screenshot('login-challenge-expired-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
