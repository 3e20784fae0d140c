// The DMS console in a real browser against the simulator: only what can succeed is offered, a
// pending change leads to its request, a duplicate another DA raced in is refused with a sentence
// and the list shows it, each user's readiness, and the audit of a request made and approved in
// the test, filtered and exported as a CSV file whose content is read back.
import { request as httpsRequest } from 'node:https';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORDS, startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, settle, signInAs } from './shell-helpers.js';

/** One JSON call to the simulator, as another DA's terminal would make it. */
function hostCall(
  app: TestApp,
  path: string,
  body: object,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${app.sim.url}/api/v1${path}`,
      {
        method: 'POST',
        ca: app.sim.caCertPem,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Signs a DA in straight at the host (password + TOTP) and returns the session token. */
async function hostSignIn(app: TestApp, userId: string): Promise<string> {
  const login = await hostCall(app, '/auth/login', { userId, password: SEED_PASSWORDS[userId] });
  const otp = await hostCall(app, '/auth/otp', {
    challengeId: login.body.challengeId,
    // The step before now: still accepted, and the terminal's own sign-in and approval of this DA
    // (app.totp: now, then the next step) come after it, as the host wants steps to rise.
    code: app.sim.currentTotp(userId, -1),
  });
  return (otp.body.session as { token: string }).token;
}

describe('DMS console: offers, duplicates, readiness and audit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a duplicate, shows readiness, and audits a request made and approved here', async () => {
    const { page } = app;
    await signInAs(app, 'C00191');
    await page.getByRole('button', { name: 'Security Management Function (DMS)' }).click();
    await page.locator('tr[data-user="C00104"]').waitFor();

    // Readiness: what each user will meet at the next sign-in.
    expect(await page.getByTestId('dms-attention').textContent()).toBe(
      '3 users need attention before their next sign-in.',
    );
    const c00103 = page.getByRole('list', { name: 'Next sign-in of C00103' });
    expect(await c00103.getByRole('listitem').allTextContents()).toEqual([
      'Must set a new password at sign-in',
      'Will be asked to set up two-factor authentication',
    ]);
    expect(
      await page.locator('tr[data-user="C00105"] [data-readiness="suspended"]').textContent(),
    ).toBe('Cannot sign in: suspended');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await settle(page);
    await app.screenshot('dms-console-users-en');

    // Only what can succeed: C00101 has no email, is not locked, not suspended.
    await page.getByRole('button', { name: 'Request a change for C00101' }).press('Enter');
    const reset = page.getByRole('menuitem', { name: 'Reset password Register an email first' });
    await reset.waitFor();
    expect(await reset.getAttribute('aria-disabled')).toBe('true');
    expect(
      await page
        .getByRole('menuitem', { name: 'Unlock Only for a locked user' })
        .getAttribute('aria-disabled'),
    ).toBe('true');
    await settle(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('dms-console-menu-en');
    await page.keyboard.press('Escape');

    // Request an unlock of C00104; the menu then leads to that request instead of a second one.
    await page.getByRole('button', { name: 'Request a change for C00104' }).click();
    await page.getByRole('menuitem', { name: 'Unlock', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Request: Unlock' })
      .getByRole('button', { name: 'Send request' })
      .click();
    await page.getByText('Request sent: Unlock for C00104.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Request a change for C00104' }).press('Enter');
    await page.getByRole('menuitem', { name: 'Unlock Request pending: show it' }).press('Enter');
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-request'));
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
      'C00104',
    );
    expect(await page.locator('tr[data-request]').count()).toBe(1);

    // A race: C00191 is about to request a suspension of C00101 when C00192 asks for it first.
    await page.getByRole('button', { name: 'Request a change for C00101' }).click();
    await page.getByRole('menuitem', { name: 'Suspend', exact: true }).click();
    const create = page.getByRole('dialog', { name: 'Request: Suspend' });
    await create.waitFor();
    const other = await hostSignIn(app, 'C00192');
    const raced = await hostCall(
      app,
      '/dms/requests',
      { action: 'suspend', userId: 'C00101' },
      other,
    );
    expect(raced.status).toBe(200);
    await create.getByRole('button', { name: 'Send request' }).click();
    await create
      .getByText(
        'A request for the same change to C00101 is already waiting for approval. The list now shows it.',
      )
      .waitFor();
    await settle(page);
    await app.screenshot('dms-console-duplicate-en');
    await create.getByRole('button', { name: 'Cancel' }).click();
    // The list shows C00192's request, and C00191's own unlock request.
    await page.locator('tr[data-request]').filter({ hasText: 'C00192' }).waitFor();
    expect(await page.locator('tr[data-request]').count()).toBe(2);

    // Checker C00192 approves the unlock in the terminal.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('textbox', { name: 'User ID' }).waitFor();
    await signInAs(app, 'C00192');
    await page.getByRole('button', { name: 'Security Management Function (DMS)' }).click();
    await page.getByRole('button', { name: 'Approve: Unlock for C00104' }).click();
    await page
      .getByRole('dialog', { name: 'Approve: Unlock for C00104' })
      .getByRole('textbox', { name: 'One-time password' })
      .fill(app.totp('C00192'));
    await page.getByText('Approved: Unlock for C00104.').waitFor();

    // The audit shows both steps, newest first, and the raced request.
    await page.getByRole('tab', { name: 'Audit' }).click();
    const audit = page.getByRole('table', { name: 'Audit entries' });
    await audit.waitFor();
    const rows = audit.locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-audit')))).toEqual(
      ['approved', 'created', 'created'],
    );
    expect(await rows.nth(0).textContent()).toContain('C00192');
    expect(await rows.nth(2).textContent()).toContain('C00191');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('dms-console-audit-en');

    // Filter by DA: C00191's own steps.
    await page.getByRole('combobox', { name: 'By DA' }).selectOption('C00191');
    await page.waitForFunction(
      () => document.querySelectorAll('table[aria-label="Audit entries"] tbody tr').length === 1,
    );
    await page.getByRole('combobox', { name: 'By DA' }).selectOption('');
    await page.getByRole('combobox', { name: 'About user' }).selectOption('C00104');
    await page.waitForFunction(
      () => document.querySelectorAll('table[aria-label="Audit entries"] tbody tr').length === 2,
    );

    // Export CSV: the file holds the header and the two steps about C00104.
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const saved = page.getByText(/^Saved 2 entries as /);
    await saved.waitFor();
    const path = ((await saved.textContent()) ?? '').replace(/^Saved 2 entries as /, '');
    expect(path.startsWith(app.userDataDir)).toBe(true);
    const csv = await readFile(path, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'time_utc,time_hong_kong,event,action,user_id,actor_id,request_id,detail',
    );
    expect(lines[1]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,approved,unlock,C00104,C00192,R-[\w-]+,$/,
    );
    expect(lines[2]).toMatch(/,created,unlock,C00104,C00191,R-[\w-]+,$/);
    expect(lines.slice(3)).toEqual(['']);
    // The Hong Kong column is the UTC one plus eight hours.
    const [utc, hk] = (lines[1] ?? '').split(',');
    expect(new Date(Date.parse(utc ?? '') + 8 * 3600_000).toISOString().slice(0, 19)).toBe(
      (hk ?? '').replace(' ', 'T'),
    );
    await settle(page);
    await app.screenshot('dms-console-exported-en');

    // At the window's minimum size, and in Traditional Chinese, at both sizes.
    await page.getByRole('combobox', { name: 'About user' }).selectOption('');
    await page.setViewportSize({ width: 900, height: 600 });
    await app.screenshot('dms-console-audit-en-900');
    await page.getByRole('tab', { name: 'Users and requests' }).click();
    await page.locator('tr[data-user="C00104"] [data-state="active"]').waitFor();
    await settle(page);
    await app.screenshot('dms-console-users-en-900');

    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: '繁體中文（香港）' }).check();
    await page.getByRole('navigation').getByRole('button', { name: '保安管理功能（DMS）' }).click();
    await page.locator('tr[data-user="C00104"]').waitFor();
    expect(await page.getByTestId('dms-attention').textContent()).toBe(
      '2 位用戶在下次登入前須予跟進。',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await settle(page);
    await app.screenshot('dms-console-users-zh-HK-900');
    await page.getByRole('button', { name: '為 C00101 提出更改要求' }).click();
    await page.getByRole('menuitem', { name: '重設密碼 請先登記電郵地址' }).waitFor();
    await settle(page);
    await app.screenshot('dms-console-menu-zh-HK-900');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '審計記錄' }).click();
    await page.getByRole('table', { name: '審計記錄' }).waitFor();
    await settle(page);
    await app.screenshot('dms-console-audit-zh-HK-900');
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.screenshot('dms-console-audit-zh-HK');
    await page.getByRole('tab', { name: '用戶及要求' }).click();
    await page.locator('tr[data-user="C00104"]').waitFor();
    await settle(page);
    await app.screenshot('dms-console-users-zh-HK');
  });
});
