// axe on the signed-in screens with their popups open, every impact (moderate and minor too), in
// a real browser against the simulator: the DMS request menu (once flagged `region`: its popover
// sat in a portal outside every landmark), the request dialog, the terminal home. The only waiver
// is aria-hidden-focus on tabster's focus sentinels (sign-in-support.ts says why).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { axeViolations, signInAs } from './shell-helpers.js';

describe('axe on popups, every impact', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the terminal home, the DMS console, its request menu and its request dialog', async () => {
    const { page } = app;
    await signInAs(app, 'C00191');
    await page.locator('table').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Security Management Function (DMS)' }).click();
    await page.locator('tr[data-user]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Request a change for C00104' }).press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The popover is in the main landmark, next to its button.
    expect(await menu.evaluate((el) => el.closest('main') !== null)).toBe(true);
    await app.screenshot('dms-menu-en');

    await page.getByRole('menuitem', { name: 'Unlock', exact: true }).press('Enter');
    await page.getByRole('dialog', { name: 'Request: Unlock' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('in Traditional Chinese, and at the minimum window size the menu is whole', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: '繁體中文（香港）' }).check();
    await page.keyboard.press('Escape');
    await page.getByRole('navigation').getByRole('button', { name: '保安管理功能（DMS）' }).click();
    await page.locator('tr[data-user]').first().waitFor();
    for (const size of [
      { width: 1280, height: 800, name: 'dms-menu-zh-HK' },
      { width: 900, height: 600, name: 'dms-menu-900-zh-HK' },
    ]) {
      await page.setViewportSize(size);
      await page.getByRole('button', { name: '為 C00104 提出更改要求' }).press('Enter');
      const menu = page.getByRole('menu');
      await menu.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // Not clipped by the table's scroll box: the whole menu is inside the window.
      const box = await menu.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= size.width).toBe(true);
      await app.screenshot(size.name);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
    }
  });
});
