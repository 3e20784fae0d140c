// The language of a first run follows the OS's (the browser context's locale) until the user
// chooses one, and the sign-in screen offers the switch (renderer/screens/login/LanguageSwitch.tsx).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations } from './sign-in-support.js';

describe('first run on a zh-HK Windows', () => {
  let app: TestApp;
  beforeAll(async () => {
    // No language in the settings: nobody has chosen one yet.
    app = await startApp({ locale: 'zh-HK' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens in Traditional Chinese', async () => {
    const { page } = app;
    await page.getByLabel('用戶編號', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-HK');
    await page.getByRole('heading', { name: '登入' }).waitFor();
    expect(await page.title()).toBe('CCMS 終端機');
    await app.screenshot('first-run-zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('switches to English from the sign-in screen with the keyboard, and keeps the choice', async () => {
    const { page } = app;
    const toEn = page.getByRole('button', { name: 'English（更改介面語言）' });
    await toEn.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('User ID', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await app.screenshot('first-run-switched-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Chosen now: the OS's language no longer decides.
    await page.reload();
    await page.getByLabel('User ID', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // And back.
    await page.getByRole('button', { name: '繁體中文 (change the interface language)' }).click();
    await page.getByLabel('用戶編號', { exact: true }).waitFor();
  });
});

describe('first run on an English Windows', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ locale: 'en-GB' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens in English', async () => {
    await app.page.getByLabel('User ID', { exact: true }).waitFor();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
