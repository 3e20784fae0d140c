// Maintenance awareness: the host announces windows in /health (the simulator's
// maintenanceWindows); the sign-in screen shows the next one, and during one says so with Sign in
// unavailable, while the host itself refuses login (HOST_MAINTENANCE) without counting an attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORDS } from '../../simulator/store/seed.js';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations } from './sign-in-support.js';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

for (const language of ['en', 'zh-HK'] as const) {
  const zh = language === 'zh-HK';
  const signInName = zh ? '登入' : 'Sign in';

  describe(`maintenance ahead (${language})`, () => {
    let app: TestApp;
    // Two days ahead at 10:00 Hong Kong time (02:00 UTC), so the 90-minute window ends the same
    // day whenever the test runs and its end is written without a date.
    const day = new Date();
    day.setUTCDate(day.getUTCDate() + 2);
    const startsAt = day.setUTCHours(2, 0, 0, 0);
    beforeAll(async () => {
      app = await startApp({
        language,
        simSettings: {
          maintenanceWindows: [
            {
              startsAt: iso(startsAt),
              endsAt: iso(startsAt + 90 * MIN),
              title: 'Quarterly upgrade',
              titleZh: '季度系統升級',
            },
          ],
        },
      });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('shows the next window on the sign-in screen; Sign in stays available', async () => {
      const notice = app.page.getByTestId('maintenance-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(
        zh
          ? /系統維護時段：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d.* – \d\d:\d\d.*。季度系統升級/
          : /Scheduled maintenance: \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d.* – .*\d\d:\d\d.*\. Quarterly upgrade/,
      );
      const button = app.page.getByRole('button', { name: signInName, exact: true });
      expect(await button.getAttribute('aria-disabled')).not.toBe('true');
      await app.screenshot(`maintenance-ahead-${language}`);
      await app.page.setViewportSize({ width: 900, height: 600 });
      await app.screenshot(`maintenance-ahead-${language}-900x600`);
      await app.page.setViewportSize({ width: 1280, height: 800 });
      expect(await seriousAxeViolations(app.page)).toEqual([]);
    });
  });

  describe(`maintenance now (${language})`, () => {
    let app: TestApp;
    const endsAt = Date.now() + 90 * MIN;
    beforeAll(async () => {
      app = await startApp({
        language,
        simSettings: {
          maintenanceWindows: [{ startsAt: iso(Date.now() - MIN), endsAt: iso(endsAt) }],
        },
      });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('says until when, and Sign in sends nothing; the host refuses without counting', async () => {
      const { page } = app;
      const notice = page.getByTestId('maintenance-notice');
      await notice
        .getByText(zh ? /CCMS 正進行系統維護，直至 / : /CCMS is under maintenance until /)
        .waitFor();
      expect(await notice.textContent()).toContain(
        zh ? '屆時方可登入。' : 'Sign-in will be possible after that.',
      );
      const button = page.getByRole('button', { name: signInName, exact: true });
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      await page.getByLabel(zh ? '用戶編號' : 'User ID', { exact: true }).fill('C00101');
      const password = page.getByLabel(zh ? '密碼' : 'Password', { exact: true });
      await password.fill(SEED_PASSWORDS.C00101);
      await password.press('Enter');
      await app.screenshot(`maintenance-now-${language}`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      const before = app.sim.passwordVerifies();
      // The host's own answer, straight through the core: refused before any password check.
      const refused = await app.mode.core.call('login', {
        userId: 'C00101',
        password: 'Wrong-Pass-000!',
      });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'HOST_MAINTENANCE', endsAt: new Date(endsAt).toISOString() },
      });
      expect(app.sim.passwordVerifies()).toBe(before);
      expect(await page.getByRole('alert').count()).toBe(0);
    });
  });
}
