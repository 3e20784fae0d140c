// The sign-in screens in Traditional Chinese (Hong Kong) in a real browser (issue 7): login,
// errors, OTP by app and by email, and the 2FA wizard; axe scans and a screenshot of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { authenticatorTotp, seriousAxeViolations, submitLogin } from './sign-in-support.js';

const ZH = { userId: '用戶編號', password: '密碼', signIn: '登入' };

describe('sign-in in zh-HK', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ language: 'zh-HK' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the login screen in Hong Kong Chinese with <html lang="zh-HK">', async () => {
    const { page } = app;
    await page.getByLabel(ZH.userId, { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-HK');
    await page.getByRole('heading', { name: '登入' }).waitFor();
    await page.getByRole('button', { name: '設定' }).waitFor();
    await page.getByRole('button', { name: '連接檢查', exact: true }).waitFor();
    await page.getByRole('status', { name: '環境：模擬環境' }).waitFor();
    await app.screenshot('login-zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('says a wrong user ID or password in Chinese', async () => {
    const { page } = app;
    await submitLogin(page, 'C00101', ZH, 'Not-The-Password-1!');
    await page.getByRole('alert').getByText('用戶編號或密碼不正確。請檢查兩者後再試。').waitFor();
    await app.screenshot('login-wrong-password-zh-HK');
    await submitLogin(page, 'C00105', ZH);
    await page
      .getByRole('alert')
      .getByText(/帳戶已被暫停.*授權管理員（DA）/)
      .waitFor();
    await app.screenshot('login-suspended-zh-HK');
    await submitLogin(page, 'C00104', ZH);
    await page
      .getByRole('alert')
      .getByText(
        /帳戶已被鎖定，直至 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}(（香港時間）)?。.*授權管理員（DA）/,
      )
      .waitFor();
    // The answer ends the progress state: "Sign in" is usable again at once.
    expect(
      await page
        .getByRole('button', { name: ZH.signIn, exact: true })
        .getAttribute('aria-disabled'),
    ).not.toBe('true');
    await app.screenshot('login-locked-zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('signs C00101 in with the authenticator app', async () => {
    const { page } = app;
    await submitLogin(page, 'C00101', ZH);
    const otp = page.getByLabel('一次性密碼', { exact: true });
    await otp.waitFor();
    await page.getByRole('button', { name: '驗證' }).waitFor();
    await page.getByText(/身份驗證流動應用程式/).waitFor();
    await app.screenshot('otp-totp-zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await otp.fill(app.totp('C00101'));
    await page.getByRole('button', { name: '登出' }).waitFor();
    await page.getByRole('button', { name: '登出' }).click();
    await page.getByLabel(ZH.userId, { exact: true }).waitFor();
  });

  it('signs C00102 in by email (電郵)', async () => {
    const { page, sim } = app;
    await submitLogin(page, 'C00102', ZH);
    const otp = page.getByLabel('一次性密碼', { exact: true });
    await otp.waitFor();
    await page.getByText(/以電郵發送至 \S+@cp001\.example/).waitFor();
    await page.getByRole('button', { name: '重新發送' }).waitFor();
    await app.screenshot('otp-email-zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const code = (await sim.outbox('C00102'))[0]?.code ?? '';
    await otp.fill('000000' === code ? '111111' : '000000');
    await page
      .getByRole('alert')
      .getByText(/一次性密碼不正確/)
      .waitFor();
    await page
      .getByRole('alert')
      .getByText(/還有 \d 次機會/)
      .waitFor();
    await app.screenshot('otp-wrong-code-zh-HK');
    await otp.fill(code);
    await page.getByRole('button', { name: '登出' }).waitFor();
    await page.getByRole('button', { name: '登出' }).click();
    await page.getByLabel(ZH.userId, { exact: true }).waitFor();
  });

  it('walks the 2FA wizard for C00103 in Chinese', async () => {
    const { page } = app;
    await submitLogin(page, 'C00103', ZH);
    await page.getByRole('heading', { name: '雙重認證初始設定', exact: true }).waitFor();
    await page.getByText('設定你的新密碼及一次性密碼', { exact: true }).waitFor();
    await page.getByText('你的新密碼必須：').waitFor();
    await app.screenshot('init-password-zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('新密碼', { exact: true }).fill('Fresh-Start-2026#');
    await page.getByLabel('確認新密碼', { exact: true }).fill('Fresh-Start-2026#');
    await page.getByRole('button', { name: '儲存密碼' }).click();
    await page.getByRole('radio', { name: /身份驗證流動應用程式/ }).waitFor();
    await app.screenshot('init-channel-zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '繼續', exact: true }).click();
    await page.getByRole('button', { name: '無法掃描？' }).click();
    const key = ((await page.getByTestId('totp-key').textContent()) ?? '').replace(/ /g, '');
    await app.screenshot('init-app-zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('一次性密碼', { exact: true }).fill(authenticatorTotp(key));
    await page.getByRole('heading', { name: '雙重認證初始設定已完成' }).waitFor();
    await app.screenshot('init-done-zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '繼續使用 CCMS 終端機' }).click();
    await page.getByRole('button', { name: '登出' }).waitFor();
  });
});
