// Settings in a real browser: from the sign-in screen, language switch that survives a reload,
// forget this workstation with its confirmation; axe-scanned and photographed in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, settle, signInAs } from './shell-helpers.js';

describe('settings', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('forgets the workstation after confirmation', async () => {
    const { page } = app;
    // Sign in and out once so the workstation remembers something (the last user ID).
    await signInAs(app, 'C00101');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('textbox', { name: 'User ID' }).waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Simulator' }).isChecked()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('settings-en');

    await page.getByRole('button', { name: 'Forget this workstation' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Forget this workstation?' });
    await dialog.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await settle(page);
    await app.screenshot('settings-forget-confirm-en');
    await dialog.getByRole('button', { name: 'Forget', exact: true }).click();
    await page
      .getByText(
        /^Done: \d+ entr(y was|ies were) removed from this workstation\.$|^Nothing was stored/,
      )
      .waitFor();
    await settle(page);
    await app.screenshot('settings-forget-done-en');

    await page.getByRole('button', { name: 'Close settings' }).click();
    expect(await page.getByRole('textbox', { name: 'User ID' }).inputValue()).toBe('');
  });

  it('switches to Traditional Chinese at once and keeps it after a reload', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: '繁體中文（香港）' }).check();
    await page.getByRole('heading', { name: '設定' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('settings-zh-HK');

    await page.getByRole('button', { name: '忘記此工作站' }).click();
    await page.getByRole('alertdialog', { name: '忘記此工作站？' }).waitFor();
    await settle(page);
    await app.screenshot('settings-forget-confirm-zh-HK');
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'hidden' });

    await page.reload();
    await page.getByRole('textbox', { name: '用戶編號' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-HK');
    await page.getByRole('button', { name: '設定' }).click();
    expect(await page.getByRole('radio', { name: '繁體中文（香港）' }).isChecked()).toBe(true);
  });
});
