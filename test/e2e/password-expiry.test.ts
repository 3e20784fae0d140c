// "A user whose password expires soon is told at sign-in": C00115's password was set 80 days
// before the seed (the host's rule: 90 days), so the signed-in shell names the day it ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, signInLabels, submitLogin } from './sign-in-support.js';

for (const language of ['en', 'zh-HK'] as const) {
  const zh = language === 'zh-HK';
  const labels = signInLabels(language);
  describe(`password expiry notice at sign-in (${language})`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startApp({ language });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('tells C00115 the date the password ends and who can reset it', async () => {
      const { page } = app;
      await submitLogin(page, 'C00115', labels);
      await page.getByLabel(labels.code, { exact: true }).fill(app.totp('C00115'));
      const notice = page.getByTestId('password-expiry-notice');
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      expect(text).toMatch(
        zh
          ? /你的密碼將於 \d{4}年\d{1,2}月\d{1,2}日 到期.*授權管理員（DA）/
          : /Your password expires on \d{1,2} [A-Z][a-z]{2} \d{4}\. .*Delegated Administrator \(DA\)/,
      );
      await app.screenshot(`password-expiry-${language}`);
      await page.setViewportSize({ width: 900, height: 600 });
      await app.screenshot(`password-expiry-${language}-900x600`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    it('says nothing to C00101, whose password has 90 days', async () => {
      const { page } = app;
      await page.getByRole('button', { name: labels.signOut }).first().click();
      await submitLogin(page, 'C00101', labels);
      await page.getByLabel(labels.code, { exact: true }).fill(app.totp('C00101'));
      await page.getByRole('button', { name: labels.signOut }).first().waitFor();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await page.getByTestId('password-expiry-notice').count()).toBe(0);
    });
  });
}
