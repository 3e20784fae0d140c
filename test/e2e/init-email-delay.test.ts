// The email deliverability check of 2FA initialization by email, in a real browser against the
// simulator (C00103): the terminal measures from the code's send to the code being typed. The
// browser's clock is moved on (Playwright's page.clock) to play a slow mail server; the host keeps
// real time, so the code is still valid when typed, as a slow mail that still arrives in time.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, submitLogin } from './sign-in-support.js';

const NEW_PASSWORD = 'Slow-Mail-2026#';

const WORDS = {
  en: {
    login: { userId: 'User ID', password: 'Password', signIn: 'Sign in' },
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    save: 'Save password',
    email: 'Email',
    continue: 'Continue',
    code: 'One-time password',
    useApp: 'Use the authenticator app instead',
    hint: /^No email after 2 min 30 s\? Email may be slow on this network/,
    done: /^Your code took 4 min \d{1,2} s to arrive; codes are valid for 5 minutes\. Email may be too slow on this network: we recommend the authenticator app\./,
    doneHeading: '2FA Initialization is complete',
  },
  'zh-HK': {
    login: { userId: '用戶編號', password: '密碼', signIn: '登入' },
    newPassword: '新密碼',
    confirmPassword: '確認新密碼',
    save: '儲存密碼',
    email: '電郵',
    continue: '繼續',
    code: '一次性密碼',
    useApp: '改用身份驗證流動應用程式',
    hint: /^2 分 30 秒後仍未收到電郵？/,
    done: /^你的一次性密碼用了 4 分 \d{1,2} 秒才送達，而一次性密碼的有效時間為 5 分鐘。/,
    doneHeading: '雙重認證初始設定已完成',
  },
} as const;

describe('2FA initialization by email: the deliverability check (C00103)', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  for (const language of ['en', 'zh-HK'] as const) {
    const w = WORDS[language];
    it(`${language}: a code typed 4 min after its send is said to be slow, with the app offered on the way`, async () => {
      app = await startApp({ language });
      const { page, sim } = app;
      await submitLogin(page, 'C00103', w.login);
      await page.getByLabel(w.newPassword, { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(w.confirmPassword, { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: w.save }).click();
      await page.getByRole('radio', { name: w.email, exact: true }).check();
      await page.clock.install();
      await page.getByRole('button', { name: w.continue, exact: true }).click();
      const field = page.getByLabel(w.code, { exact: true });
      await field.waitFor();

      // Half the code's life later the step says email may be slow and offers the app.
      await page.clock.fastForward(151_000);
      const hint = page.getByTestId('slow-email-hint');
      await hint.waitFor();
      expect(await hint.textContent()).toMatch(w.hint);
      await page.getByRole('button', { name: w.useApp }).waitFor();
      await app.screenshot(`init-email-slow-hint-${language}`);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // The code arrives at last and is typed 4 minutes after its send.
      await page.clock.fastForward(100_000);
      const code = (await sim.outbox('C00103'))[0]?.code ?? '';
      expect(code).toMatch(/^\d{6}$/);
      await field.fill(code);
      await page.getByRole('heading', { name: w.doneHeading }).waitFor();
      expect(await page.getByTestId('slow-email').textContent()).toMatch(w.done);
      await app.screenshot(`init-done-slow-email-${language}`);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }
});
