// The DMS exceptions in a real browser against the simulator:
// 1. C00194, a DA whose channel is email, approves C00191's request with a code the host emails
//    for that request (read from the embedded SMTP outbox).
// 2. Lost phone: C00191 asks for temporary email one-time passwords for C00110 (TOTP), C00192
//    approves, C00110 signs in with an emailed code and sees the banner; once the chosen 4 h have
//    passed on the simulator's clock (a ShiftedClock: real time, moved on by hand) the
//    authenticator app is asked again.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { ShiftedClock } from '../../simulator/index.js';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, settle, signInAs } from './shell-helpers.js';
import { submitLogin } from './sign-in-support.js';

const HOUR = 60 * 60 * 1000;

/** Waits for `userId`'s outbox to hold `count` mails; the newest one's code. */
async function newestCode(app: TestApp, userId: string, count: number): Promise<string> {
  await vi.waitFor(
    async () => expect((await app.sim.outbox(userId)).length).toBeGreaterThanOrEqual(count),
    { timeout: 20_000, interval: 200 },
  );
  const code = (await app.sim.outbox(userId))[0]?.code;
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}

/** Password, then the code the host emailed, through the UI; ends on the signed-in shell. */
async function signInByEmail(app: TestApp, userId: string): Promise<void> {
  const before = (await app.sim.outbox(userId)).length;
  await submitLogin(app.page, userId);
  await app.page.getByText(/^We sent a 6-digit code by email to /).waitFor();
  const code = await newestCode(app, userId, before + 1);
  await app.page.getByRole('textbox', { name: 'One-time password' }).fill(code);
  await app.page.getByRole('heading', { name: 'Terminal home' }).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('textbox', { name: 'User ID' }).waitFor();
}

async function openDms(page: Page, name = 'Security Management Function (DMS)'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
  await page.getByRole('heading', { name }).waitFor();
}

/** Settings → language, then back to where the caller goes next. */
async function switchLanguage(page: Page, to: 'zh-HK' | 'en'): Promise<void> {
  const settings = to === 'zh-HK' ? 'Settings' : '設定';
  await page.getByRole('navigation').getByRole('button', { name: settings }).click();
  await page.getByRole('radio', { name: to === 'zh-HK' ? '繁體中文（香港）' : 'English' }).check();
}

async function request(page: Page, userId: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Request a change for ${userId}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
  await page
    .getByRole('dialog', { name: `Request: ${action}` })
    .getByRole('button', { name: 'Send request' })
    .click();
  await page.getByText(`Request sent: ${action} for ${userId}.`, { exact: false }).waitFor();
}

describe('DMS approval by a DA whose channel is email', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('C00194 approves C00191 request with a code emailed for that request', async () => {
    const { page } = app;
    await signInAs(app, 'C00191');
    await openDms(page);
    await request(page, 'C00104', 'Unlock');
    await request(page, 'C00105', 'Reactivate');
    await signOut(page);

    await signInByEmail(app, 'C00194');
    await openDms(page);
    const opener = page.getByRole('button', { name: 'Approve: Unlock for C00104' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Approve: Unlock for C00104' });
    await dialog.getByText('Your one-time passwords come by email').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'One-time password' }).count()).toBe(0);
    const mails = (await app.sim.outbox('C00194')).length;
    await dialog.getByRole('button', { name: 'Send a code to my email' }).press('Enter');
    await dialog
      .getByText(/^We sent a code to c\*+4@cp001\.example\. It approves this request only\./)
      .waitFor();
    // The field takes the focus: the code can be typed at once.
    const field = dialog.getByRole('textbox', { name: 'One-time password' });
    await vi.waitFor(async () =>
      expect(await field.evaluate((e) => e === document.activeElement)).toBe(true),
    );
    expect(await dialog.getByTestId('approval-code-countdown').textContent()).toMatch(
      /^The code expires in [45]:\d\d\.$/,
    );
    expect(
      await dialog.getByRole('button', { name: 'Resend code' }).getAttribute('aria-disabled'),
    ).toBe('true');
    const code = await newestCode(app, 'C00194', mails + 1);
    const [mail] = await app.sim.outbox('C00194');
    expect(mail?.text).toContain('unlock for C00104');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await settle(page);
    await app.screenshot('dms-email-approve-en');
    await page.setViewportSize({ width: 900, height: 600 });
    await settle(page);
    await app.screenshot('dms-email-approve-900-en');
    await page.setViewportSize({ width: 1280, height: 800 });

    await field.fill(code);
    await page.getByText('Approved: Unlock for C00104.').waitFor();
    await page.locator('tr[data-user="C00104"] [data-state="active"]').waitFor();

    // In Traditional Chinese: the other request's dialog, after its code was sent.
    await switchLanguage(page, 'zh-HK');
    await openDms(page, '保安管理功能（DMS）');
    await page.getByRole('button', { name: '批核：為 C00105 重新啟用' }).click();
    const zh = page.getByRole('dialog', { name: '批核：為 C00105 重新啟用' });
    await zh.getByRole('button', { name: '發送一次性密碼到我的電郵' }).click();
    await zh.getByText(/^一次性密碼已發送到 c\*+4@cp001\.example/).waitFor();
    await settle(page);
    await app.screenshot('dms-email-approve-zh-HK');
    await page.setViewportSize({ width: 900, height: 600 });
    await settle(page);
    await app.screenshot('dms-email-approve-900-zh-HK');
    await page.setViewportSize({ width: 1280, height: 800 });
    await zh.getByRole('button', { name: '取消' }).click();
    await switchLanguage(page, 'en');

    // The approval code is kept nowhere on the workstation: no file, no browser storage.
    const entries = await readdir(app.userDataDir, { withFileTypes: true, recursive: true });
    for (const e of entries.filter((f) => f.isFile())) {
      // A settings write in flight renames its temporary file away: gone is fine, unread is not.
      const text = await readFile(join(e.parentPath, e.name), 'utf8').catch((err: unknown) => {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
        throw err;
      });
      expect(text).not.toContain(code);
    }
    const storage = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    expect(storage).not.toContain(code);
  }, 180_000);
});

describe('DMS temporary email one-time passwords (lost phone)', () => {
  let app: TestApp;
  const clock = new ShiftedClock();
  beforeAll(async () => {
    app = await startApp({ simClock: clock });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('from the request to the approval, an emailed sign-in with the banner, and TOTP again at its end', async () => {
    const { page } = app;
    // Maker: C00191. C00101 has no email: the action says why it is not offered.
    await signInAs(app, 'C00191');
    await openDms(page);
    await page.getByRole('button', { name: 'Request a change for C00101' }).click();
    const blocked = page.getByRole('menuitem', { name: /Temporary email one-time passwords/ });
    expect(await blocked.getAttribute('aria-disabled')).toBe('true');
    expect(await blocked.textContent()).toContain('Register an email first');
    await settle(page);
    await app.screenshot('dms-temp-email-otp-menu-en');
    await page.keyboard.press('Escape');

    // Keyboard only: the menu, the action, the duration, send.
    await page.getByRole('button', { name: 'Request a change for C00110' }).press('Enter');
    await page.getByRole('menuitem', { name: 'Temporary email one-time passwords' }).press('Enter');
    const create = page.getByRole('dialog', {
      name: 'Request: Temporary email one-time passwords',
    });
    await create.waitFor();
    await create.getByRole('radio', { name: '4 hours', exact: true }).check();
    await create
      .getByText(
        /^For 4 hours from approval, C00110 signs in with one-time passwords emailed to c\*+0@cp001\.example/,
      )
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await settle(page);
    await app.screenshot('dms-temp-email-otp-request-en');
    await page.setViewportSize({ width: 900, height: 600 });
    await settle(page);
    await app.screenshot('dms-temp-email-otp-request-900-en');
    await page.setViewportSize({ width: 1280, height: 800 });
    await create.getByRole('button', { name: 'Send request' }).click();
    await page
      .getByText('Request sent: Temporary email one-time passwords for C00110.', { exact: false })
      .waitFor();

    // The same dialog in Traditional Chinese (not sent). C00110's request is pending now, so its
    // menu leads to that request; C00192 (TOTP, email registered) shows the dialog.
    await switchLanguage(page, 'zh-HK');
    await openDms(page, '保安管理功能（DMS）');
    await page.getByRole('button', { name: '為 C00110 提出更改要求' }).click();
    await page
      .getByRole('menuitem', { name: /^臨時以電郵接收一次性密碼\s*要求正等候批核/ })
      .waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '為 C00192 提出更改要求' }).click();
    await page.getByRole('menuitem', { name: '臨時以電郵接收一次性密碼' }).click();
    await page.getByRole('dialog', { name: '要求：臨時以電郵接收一次性密碼' }).waitFor();
    await settle(page);
    await app.screenshot('dms-temp-email-otp-request-zh-HK');
    await page.getByRole('button', { name: '取消' }).click();
    await switchLanguage(page, 'en');
    await signOut(page);

    // Checker: C00192 approves with their own TOTP.
    await signInAs(app, 'C00192');
    await openDms(page);
    await page
      .getByRole('button', { name: 'Approve: Temporary email one-time passwords for C00110' })
      .click();
    const approvedAt = clock.now();
    await page
      .getByRole('dialog', { name: 'Approve: Temporary email one-time passwords for C00110' })
      .getByRole('textbox', { name: 'One-time password' })
      .fill(app.totp('C00192'));
    await page.getByText('Approved: Temporary email one-time passwords for C00110.').waitFor();
    const note = page.locator('tr[data-user="C00110"] [data-temp-email-otp]');
    expect(await note.textContent()).toMatch(/^Email codes until (\d{1,2} \w{3} \d{4} )?\d\d:\d\d/);
    await settle(page);
    await app.screenshot('dms-temp-email-otp-users-en');
    // At 900x600 the note shares the row with the readiness lines and the email, in both languages.
    await page.setViewportSize({ width: 900, height: 600 });
    await settle(page);
    await app.screenshot('dms-temp-email-otp-users-900-en');
    await switchLanguage(page, 'zh-HK');
    await openDms(page, '保安管理功能（DMS）');
    await note.getByText(/^以電郵接收一次性密碼，直至/).waitFor();
    await settle(page);
    await app.screenshot('dms-temp-email-otp-users-900-zh-HK');
    await switchLanguage(page, 'en');
    await page.setViewportSize({ width: 1280, height: 800 });
    await signOut(page);

    // The user: an email code instead of the authenticator app, and the banner.
    await signInByEmail(app, 'C00110');
    expect((await app.sim.outbox('C00110'))[0]?.to).toBe('c00110@cp001.example');
    const banner = page.getByTestId('temp-email-otp-banner');
    expect(await banner.textContent()).toMatch(
      /^Your authenticator app is not being used until (\d{1,2} \w{3} \d{4} )?\d\d:\d\d/,
    );
    expect(await banner.textContent()).toContain('reset your two-factor authentication');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await settle(page);
    await app.screenshot('temp-email-otp-banner-en');
    await page.setViewportSize({ width: 900, height: 600 });
    await settle(page);
    await app.screenshot('temp-email-otp-banner-900-en');
    await switchLanguage(page, 'zh-HK');
    await page.getByRole('navigation').getByRole('button', { name: '終端機主頁' }).click();
    await page
      .getByTestId('temp-email-otp-banner')
      .getByText(/系統不會使用你的身份驗證流動應用程式/)
      .waitFor();
    await settle(page);
    await app.screenshot('temp-email-otp-banner-900-zh-HK');
    await page.setViewportSize({ width: 1280, height: 800 });
    await settle(page);
    await app.screenshot('temp-email-otp-banner-zh-HK');
    await switchLanguage(page, 'en');
    await signOut(page);

    // Four hours later (the simulator's clock): the exception has ended by itself.
    clock.advance(approvedAt + 4 * HOUR - clock.now());
    await submitLogin(page, 'C00110');
    await page.getByText(/^Open the authenticator app on your phone/).waitFor();
    await page.getByRole('textbox', { name: 'One-time password' }).fill(app.totp('C00110'));
    await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
    expect(await page.getByTestId('temp-email-otp-banner').count()).toBe(0);
  }, 240_000);
});
