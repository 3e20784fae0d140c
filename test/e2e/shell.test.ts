// The signed-in shell in a real browser against the simulator: header, terminal home, tools,
// language switch while signed in, sign out; axe-scanned and photographed in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, signInAs } from './shell-helpers.js';

describe('terminal shell', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the user, participant, environment, session time and the terminal home, then signs out', async () => {
    const { page } = app;
    await signInAs(app, 'C00101');
    await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    expect(await page.getByTestId('shell-user').textContent()).toContain('(C00101)');
    expect(await page.getByTestId('shell-participant').textContent()).toMatch(/\S \(CP001\)$/);
    expect(await page.getByRole('status', { name: 'Environment: Simulator' }).isVisible()).toBe(
      true,
    );
    // Hours and minutes in words: a session's time left must not read as a time of day.
    expect(await page.getByTestId('session-left').textContent()).toMatch(/^(\d+ h )?\d{1,2} min$/);
    expect(
      await page
        .getByRole('table', { name: 'Collateral balances by currency' })
        .locator('tbody tr')
        .count(),
    ).toBeGreaterThan(0);
    // A plain user has no DMS entry.
    expect(
      await page.getByRole('button', { name: 'Security Management Function (DMS)' }).count(),
    ).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('shell-home-en');

    // Keyboard only: Tab reaches the navigation and Enter opens a tool; Close returns focus.
    const settingsButton = page.getByRole('navigation').getByRole('button', { name: 'Settings' });
    await settingsButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('settings-heading');
    expect(await page.getByRole('radio', { name: 'Simulator' }).isDisabled()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('shell-settings-en');

    // Traditional Chinese at once, while signed in.
    await page.getByRole('radio', { name: '繁體中文（香港）' }).check();
    await page.getByRole('heading', { name: '設定' }).waitFor();
    await page.getByRole('button', { name: '關閉設定' }).click();
    await page.getByRole('heading', { name: '終端機主頁' }).waitFor();
    await page.getByRole('heading', { name: '戶口' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('shell-home-zh-HK');

    await page.getByRole('button', { name: '登出' }).click();
    await page.getByRole('textbox', { name: '用戶編號' }).waitFor();
    expect(await page.getByRole('button', { name: '登出' }).count()).toBe(0);
  });
});
