// Issue item 10: the login says so when one password attempt is left before the 15-minute lock,
// in both languages, for a known and an unknown user ID alike (docs/protocol.md, Lockout).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, signInLabels, submitLogin } from './sign-in-support.js';

for (const language of ['en', 'zh-HK'] as const) {
  const zh = language === 'zh-HK';
  const labels = signInLabels(language);
  const wrongText = zh ? '用戶編號或密碼不正確。' : 'The user ID or password is not correct.';
  const lastText = zh
    ? '尚餘一次機會。再輸入錯誤，帳戶將被鎖定 15 分鐘。'
    : 'One attempt left before your account is locked for 15 minutes.';
  const lockedText = zh ? '你的帳戶已被鎖定' : 'Your account is locked until';

  describe(`the last password attempt (${language})`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startApp({ language });
    });
    afterAll(async () => {
      await app?.close();
    });

    async function wrongPassword(userId: string, n: number): Promise<string> {
      const { page } = app;
      await submitLogin(page, userId, labels, `Wrong-Pass-${n}00!`);
      const alert = page.getByRole('alert');
      // Each answer is a new alert: wait for this attempt's (the button is back when it came).
      await page.getByRole('button', { name: labels.signIn, exact: true }).waitFor();
      await page.waitForFunction(() => !document.querySelector('button[aria-busy="true"]'));
      return (await alert.first().textContent()) ?? '';
    }

    it('is said at the fourth wrong password, then the fifth locks', async () => {
      const texts: string[] = [];
      for (let n = 1; n <= 4; n++) texts.push(await wrongPassword('C00101', n));
      expect(texts.slice(0, 3).every((t) => t.includes(wrongText) && !t.includes(lastText))).toBe(
        true,
      );
      await app.page.getByText(lastText).waitFor();
      await app.screenshot(`login-last-attempt-${language}`);
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      await submitLogin(app.page, 'C00101', labels, 'Wrong-Pass-500!');
      await app.page.getByRole('alert').getByText(lockedText).waitFor();
    });

    it('is said the same for an unknown user ID', async () => {
      for (let n = 1; n <= 3; n++) await wrongPassword('C09999', n);
      await submitLogin(app.page, 'C09999', labels, 'Wrong-Pass-400!');
      await app.page.getByText(lastText).waitFor();
    });
  });
}
