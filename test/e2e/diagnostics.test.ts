// The connectivity check in a real browser against the simulator: live steps, all passing (or at
// most warning), the report saved to disk; axe-scanned and photographed in both languages.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations } from './shell-helpers.js';

describe('connectivity check', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('passes against the simulator and saves the report', async () => {
    app = await startApp();
    const { page } = app;
    await page.getByRole('button', { name: 'Connectivity check' }).click();
    await page.getByRole('heading', { name: 'Connectivity check' }).waitFor();
    // The check starts on its own; its result line appears when every step has reported.
    await page.getByText('Result:', { exact: true }).waitFor({ timeout: 60_000 });
    const statuses = await page
      .locator('li[data-step]')
      .evaluateAll((items) =>
        items.map((li) => `${li.getAttribute('data-step')}=${li.getAttribute('data-status')}`),
      );
    expect(statuses).toHaveLength(7);
    expect(statuses.filter((s) => s.endsWith('=fail'))).toEqual([]);
    for (const step of ['dns', 'tcp', 'tls', 'health']) expect(statuses).toContain(`${step}=pass`);
    expect(await page.getByText('DCASS Hotline').first().isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('diagnostics-en');

    await page.getByRole('button', { name: 'Save report' }).click();
    const saved = page.getByText(/^The report was saved to /);
    await saved.waitFor();
    const path = ((await saved.textContent()) ?? '').replace('The report was saved to ', '').trim();
    const text = await readFile(path, 'utf8');
    expect(text).toBe(await page.getByRole('textbox', { name: 'Report text' }).inputValue());
    expect(text).toContain('dns');
    await app.screenshot('diagnostics-saved-en');

    // Keyboard: Close returns to the sign-in screen with focus back on the button that opened it.
    await page.getByRole('button', { name: 'Close connectivity check' }).press('Enter');
    await page.getByRole('textbox', { name: 'User ID' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
      'Connectivity check',
    );
  });

  it('speaks Traditional Chinese (Hong Kong) from inside the terminal', async () => {
    app = await startApp({ language: 'zh-HK' });
    const { page } = app;
    await page.getByRole('button', { name: '連線測試', exact: true }).click();
    await page.getByRole('heading', { name: '連線測試' }).waitFor();
    await page.getByText('結果：', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.locator('li[data-status="fail"]').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('diagnostics-zh-HK');
  });
});
