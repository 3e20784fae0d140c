// This workstation's sign-in history in a real browser: a refused password, a sign-in, the
// workstation lock and an unlock, a sign-out; then Settings lists them in both languages, and the
// export writes a CSV whose content is checked. Axe-scanned; photographed at 1280×800 and 900×600.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, settle, signInAs } from './shell-helpers.js';
import { submitLogin } from './sign-in-support.js';

describe('workstation history', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('records a refused password, a sign-in, a lock, an unlock and a sign-out, and Settings lists them', async () => {
    const { page } = app;
    await submitLogin(page, 'C00101', undefined, 'Not-The-Password-1');
    await page
      .getByText(/user ID or password/i)
      .first()
      .waitFor();
    await signInAs(app, 'C00101');
    // What the OS lock (or sleep) does in Electron: electron/lifecycle.ts calls core.lock().
    app.mode.core.lock();
    await page.getByRole('heading', { name: 'Terminal locked' }).waitFor();
    await page.getByRole('textbox', { name: 'One-time password' }).fill(app.totp('C00101'));
    await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('textbox', { name: 'User ID' }).waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: "This workstation's sign-in history" });
    await section.waitFor();
    const rows = section.getByRole('row');
    await rows.nth(5).waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts.slice(1).map((t) => t.split('\t').slice(1).join(' | ').trim())).toEqual([
      'C00101 | Signed out (Simulator)',
      'C00101 | Unlocked with a one-time password (Simulator)',
      'C00101 | Locked: the workstation was locked or went to sleep (Simulator)',
      'C00101 | Signed in with the authenticator app (Simulator)',
      'C00101 | Sign-in refused at the password: wrong user ID or password (Simulator)',
    ]);
    // Today's entries show the Hong Kong clock alone (renderer/i18n/format-time.ts).
    expect(texts[1]?.split('\t')[0]).toMatch(/^\d\d:\d\d( HKT)?$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await settle(page);
    await app.screenshot('workstation-history-en');
    await page.setViewportSize({ width: 900, height: 600 });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/workstation-history-900-en.png' });
    // Nothing is cut off at the window's minimum: the table fits its card.
    const fits = await section.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(fits).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('exports by keyboard: a CSV with a header and the entries, newest first', async () => {
    const { page } = app;
    const exportButton = page.getByRole('button', { name: 'Export as CSV' });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const status = page.getByText(/^Saved 5 entries to /);
    await status.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export as CSV');
    const path = ((await status.textContent()) ?? '').replace(/^Saved 5 entries to /, '');
    expect(path.startsWith(app.userDataDir)).toBe(true);
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    expect(lines[0]).toBe(
      'time_utc,time_hong_kong,event,user_id,environment,channel,step,code,reason,request_id,dms_action,target_user_id',
    );
    expect(lines.slice(1, 6).map((l) => l.split(',').slice(2).join(','))).toEqual([
      'signedOut,C00101,simulator,,,,user,,,',
      'unlocked,C00101,simulator,,,,,,,',
      'locked,C00101,simulator,,,,workstation,,,',
      'signedIn,C00101,simulator,totp,,,,,,',
      'signInFailed,C00101,simulator,,password,INVALID_CREDENTIALS,,,,',
    ]);
    expect(lines[6]).toBe('');
    for (const line of lines.slice(1, 6)) {
      const [utc, hk] = line.split(',');
      // The Hong Kong column is the UTC one plus eight hours.
      const hkMs = Date.parse(`${(hk ?? '').replace(' ', 'T')}+08:00`);
      expect(Math.abs(hkMs - Date.parse(utc ?? ''))).toBeLessThan(1000);
    }
    await settle(page);
    await app.screenshot('workstation-history-exported-en');
  });

  it('in Traditional Chinese (Hong Kong)', async () => {
    const { page } = app;
    await page.getByRole('radio', { name: '繁體中文（香港）' }).check();
    const section = page.getByRole('region', { name: '此工作站的登入記錄' });
    await section.waitFor();
    const texts = await section.getByRole('row').allInnerTexts();
    expect(texts[0]?.split('\t').map((t) => t.trim())).toEqual(['時間', '用戶編號', '發生的事情']);
    expect(texts.slice(1).map((t) => t.split('\t').slice(1).join(' | ').trim())).toEqual([
      'C00101 | 已登出（模擬環境）',
      'C00101 | 已以一次性密碼解鎖（模擬環境）',
      'C00101 | 已鎖定：工作站已鎖定或進入睡眠狀態（模擬環境）',
      'C00101 | 以身份驗證流動應用程式登入（模擬環境）',
      'C00101 | 登入被拒絕（密碼）：用戶編號或密碼錯誤（模擬環境）',
    ]);
    await section.getByText(/此處會保留最近 1,000 項記錄，最多 256 KB/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await settle(page);
    await app.screenshot('workstation-history-zh-HK');
    await page.setViewportSize({ width: 900, height: 600 });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/workstation-history-900-zh-HK.png' });
    expect(await section.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });
});
