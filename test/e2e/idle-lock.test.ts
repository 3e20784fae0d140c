// Idle warning, idle lock and unlock with the in-app OTP prompt, in a real browser against the
// simulator. The simulator's idle timeout is shortened to 70 s so the warning (60 s before the
// lock) comes 10 s after the last activity; the core's timers run on the real clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, settle, signInAs } from './shell-helpers.js';

const IDLE_SEC = 70;

describe('idle lock', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ simSettings: { sessionIdleSec: IDLE_SEC } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('warns before the idle lock, stays signed in on request, locks, and unlocks with an OTP', async () => {
    const { page } = app;
    await signInAs(app, 'C00101');

    // The warning: an alert dialog with a live countdown, focus on "Stay signed in".
    const warning = page.getByRole('alertdialog');
    await warning.waitFor({ timeout: 30_000 });
    const first = await page.getByTestId('idle-countdown').textContent();
    expect(first).toMatch(/locks in \d+ seconds?/);
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="idle-countdown"]')?.textContent !== before,
      first,
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stay signed in');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await settle(page);
    await app.screenshot('idle-warning-en');
    await page.keyboard.press('Enter');
    await warning.waitFor({ state: 'hidden' });

    // Switch to Traditional Chinese, then leave the terminal alone until it locks.
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: '繁體中文（香港）' }).check();
    await page.getByRole('button', { name: '關閉設定' }).click();
    await warning.waitFor({ timeout: 30_000 });
    await page.getByText(/終端機將於 \d+ 秒後鎖定/).waitFor();
    await settle(page);
    await app.screenshot('idle-warning-zh-HK');

    await page
      .getByRole('heading', { name: '終端機已鎖定' })
      .waitFor({ timeout: (IDLE_SEC + 30) * 1000 });
    expect(await page.getByRole('heading', { name: '終端機主頁' }).count()).toBe(0);
    const code = page.getByRole('textbox', { name: '一次性密碼' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe(
      'one-time-code',
    );
    expect(await page.getByRole('button', { name: '登出' }).isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('lock-zh-HK');

    // A wrong code says how many attempts are left.
    await code.fill('000000');
    await page.getByText(/還有 \d+ 次機會/).waitFor();
    await app.screenshot('lock-wrong-code-zh-HK');

    // Back to English from the lock screen's own settings, then unlock with a fresh code.
    await page.getByRole('button', { name: '設定' }).click();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Close settings' }).click();
    await page.getByRole('heading', { name: 'Terminal locked' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('lock-en');
    await page.getByRole('textbox', { name: 'One-time password' }).fill(app.totp('C00101'));
    await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
    expect(await page.getByTestId('shell-user').textContent()).toContain('(C00101)');
  }, 240_000);
});
