// Issue item 11: a lost connection shows by itself. The simulator is stopped (its port refuses
// connections, as a host that went down) and started again on the same port and data; the core
// probes the host (here every second, 0.5 s doubling to 2 s after a failure, instead of a minute).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, signInLabels, submitLogin } from './sign-in-support.js';

const PROBE = { everyMs: 1_000, firstBackoffMs: 500, maxBackoffMs: 2_000 };

for (const language of ['en', 'zh-HK'] as const) {
  const zh = language === 'zh-HK';
  const text = {
    ...signInLabels(language),
    lost: zh
      ? 'CCMS 終端機未能連接 CCMS 主機，正在重新連接'
      : 'CCMS Terminal cannot reach the CCMS host. Reconnecting',
    unknown: zh ? '重新連接期間未能確定' : 'Unknown while reconnecting',
    sessionEnded: zh ? '登入時段' : 'session',
  };

  describe(`a lost connection (${language})`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startApp({ language, hostProbe: PROBE });
    });
    afterAll(async () => {
      await app?.close();
    });

    async function signIn(userId: string) {
      await submitLogin(app.page, userId, text);
      await app.page.getByLabel(text.code, { exact: true }).fill(app.totp(userId));
      await app.page.getByRole('button', { name: text.signOut }).first().waitFor();
    }

    it('signed in: shows reconnecting without any action, stops the countdown, and recovers by itself', async () => {
      const { page } = app;
      await signIn('C00101');
      const banner = page.getByTestId('connection-banner');
      const left = page.getByTestId('session-left');
      expect(await banner.textContent()).toBe('');
      await app.stopHost();
      await banner.getByText(text.lost).waitFor({ timeout: 15_000 });
      expect(await left.textContent()).toBe(text.unknown);
      await app.screenshot(`connection-lost-shell-${language}`);
      await page.setViewportSize({ width: 900, height: 600 });
      await app.screenshot(`connection-lost-shell-${language}-900x600`);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await seriousAxeViolations(page)).toEqual([]);

      await app.restartHost();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="connection-banner"]')?.textContent === '',
        undefined,
        { timeout: 15_000 },
      );
      expect(await left.textContent()).not.toBe(text.unknown);
      // Still signed in: the host kept the session.
      await page.getByRole('button', { name: text.signOut }).first().waitFor();
    });

    it('signed in: a host that lost the session while down signs the user out, saying why', async () => {
      const { page } = app;
      await app.stopHost();
      await page.getByTestId('connection-banner').getByText(text.lost).waitFor({ timeout: 15_000 });
      await app.restartHost({ forgetSessions: true });
      await page.getByLabel(text.userId, { exact: true }).waitFor({ timeout: 15_000 });
      const note = page.getByText(zh ? /登入時段已結束/ : /Your session (has )?ended/).first();
      await note.waitFor();
      await app.screenshot(`connection-lost-session-gone-${language}`);
    });

    it('on the sign-in screen: shows reconnecting too, and goes when the host is back', async () => {
      const { page } = app;
      await app.stopHost();
      const banner = page.getByTestId('connection-banner');
      await banner.getByText(text.lost).waitFor({ timeout: 15_000 });
      await app.screenshot(`connection-lost-login-${language}`);
      await app.restartHost();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="connection-banner"]')?.textContent === '',
        undefined,
        { timeout: 15_000 },
      );
      await signIn('C00101');
    });
  });
}
