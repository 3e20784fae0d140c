// The connectivity check in a real browser against the simulator: live steps, all passing (or at
// most warning), the report and the support bundle saved to disk, facts labelled in the user's
// language; axe-scanned and photographed in both languages.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
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
    // A user who read "connectivity test" in a circular is told how this check serves it.
    await page.getByText(/connectivity test announced in a circular/).waitFor();
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

    // Facts carry labels and units, not the core's keys.
    const dns = page.locator('li[data-step="dns"]');
    expect(await dns.locator('[data-detail="ms"] dt').textContent()).toBe('Time taken');
    expect(await dns.locator('[data-detail="ms"] dd').textContent()).toMatch(/^\d+ ms$/);

    // The support bundle, saved where the screen says, is a zip with the report in it.
    await page.getByRole('button', { name: 'Save support bundle' }).click();
    const bundle = page.getByText(/^The support bundle was saved to /);
    await bundle.waitFor();
    const bundleText = (await bundle.textContent()) ?? '';
    const zipPath = /saved to (\S+\.zip)/.exec(bundleText)?.[1] ?? '';
    expect(zipPath.startsWith(join(app.userDataDir, 'diagnostics'))).toBe(true);
    const files = unzipSync(new Uint8Array(await readFile(zipPath)));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['manifest.json', 'connectivity-report.txt', 'policy.txt']),
    );
    expect(Buffer.from(files['connectivity-report.txt'] ?? []).toString('utf8')).toContain(
      'CCMS Terminal connectivity check',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('diagnostics-bundle-en');

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
    await page.getByRole('button', { name: '連接檢查', exact: true }).click();
    await page.getByRole('heading', { name: '連接檢查' }).waitFor();
    await page.getByText('結果：', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.locator('li[data-status="fail"]').count()).toBe(0);
    // Every fact is labelled in Chinese: no raw key of the core is shown.
    const labels = await page.locator('li[data-step] dt').allTextContents();
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.filter((l) => /^[a-zA-Z]+$/.test(l))).toEqual([]);
    expect(await page.getByRole('button', { name: '儲存支援資料包' }).isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('diagnostics-zh-HK');
  });
});
