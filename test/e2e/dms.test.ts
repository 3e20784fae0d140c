// DMS maker/checker in a real browser against the simulator: C00191 requests an unlock of the
// locked C00104, C00192 approves it with their own fresh OTP, and C00104 can then sign in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, settle, signInAs } from './shell-helpers.js';

describe('DMS console', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets one DA request an unlock and another approve it; the user then signs in', async () => {
    const { page } = app;

    // Maker: C00191.
    await signInAs(app, 'C00191');
    await page.getByRole('button', { name: 'Security Management Function (DMS)' }).click();
    await page.getByRole('heading', { name: 'Security Management Function (DMS)' }).waitFor();
    const c00104 = page.locator('tr[data-user="C00104"]');
    await c00104.waitFor();
    expect(await c00104.locator('[data-state]').textContent()).toBe('Locked');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('dms-users-en');

    // Keyboard: open the row's request menu and choose Unlock.
    await page.getByRole('button', { name: 'Request a change for C00104' }).press('Enter');
    await page.getByRole('menuitem', { name: 'Unlock', exact: true }).press('Enter');
    const create = page.getByRole('dialog', { name: 'Request: Unlock' });
    await create.waitFor();
    expect(await create.getByText('Another DA of your participant must approve').isVisible()).toBe(
      true,
    );
    await settle(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('dms-request-en');
    await create.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Request sent: Unlock for C00104.', { exact: false }).waitFor();
    // The maker sees their own request, without approve or reject.
    const pendingRow = page.locator('tr[data-request]').filter({ hasText: 'C00104' });
    await pendingRow.getByText('Your request: another DA must decide it.').waitFor();
    expect(await pendingRow.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    await settle(page);
    await app.screenshot('dms-pending-own-en');
    // A second request, to be rejected: suspend C00101.
    await page.getByRole('button', { name: 'Request a change for C00101' }).click();
    await page.getByRole('menuitem', { name: 'Suspend', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Request: Suspend' })
      .getByRole('button', { name: 'Send request' })
      .click();
    await page.getByText('Request sent: Suspend for C00101.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('textbox', { name: 'User ID' }).waitFor();

    // Checker: C00192, with their own fresh code.
    await signInAs(app, 'C00192');
    await page.getByRole('button', { name: 'Security Management Function (DMS)' }).click();
    await page.getByRole('button', { name: 'Approve: Unlock for C00104' }).click();
    const approve = page.getByRole('dialog', { name: 'Approve: Unlock for C00104' });
    await approve.waitFor();
    await settle(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.screenshot('dms-approve-en');
    await approve.getByRole('textbox', { name: 'One-time password' }).fill(app.totp('C00192'));
    await page.getByText('Approved: Unlock for C00104.').waitFor();
    await page.locator('tr[data-user="C00104"] [data-state="active"]').waitFor();

    // Reject the other request with a reason; C00101 stays active.
    await page.getByRole('button', { name: 'Reject: Suspend for C00101' }).click();
    const reject = page.getByRole('dialog', { name: 'Reject: Suspend for C00101' });
    await reject
      .getByRole('textbox', { name: /Reason for rejecting/ })
      .fill('Not asked for by the user');
    await settle(page);
    await app.screenshot('dms-reject-en');
    await reject.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('Rejected: Suspend for C00101.').waitFor();
    expect(await page.locator('tr[data-user="C00101"] [data-state]').textContent()).toBe('Active');
    await settle(page);
    await app.screenshot('dms-approved-en');

    // In Traditional Chinese too.
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: '繁體中文（香港）' }).check();
    await page.getByRole('navigation').getByRole('button', { name: '保安管理功能（DMS）' }).click();
    await page.getByRole('heading', { name: '保安管理功能（DMS）' }).waitFor();
    await page.locator('tr[data-user="C00104"]').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await settle(page);
    await app.screenshot('dms-users-zh-HK');
    await page.getByRole('button', { name: '為 C00105 提出更改要求' }).click();
    await page.getByRole('menuitem', { name: '重新啟用', exact: true }).click();
    await page.getByRole('dialog', { name: '要求：重新啟用' }).waitFor();
    await settle(page);
    await app.screenshot('dms-request-zh-HK');
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('navigation').getByRole('button', { name: '設定' }).click();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The unlocked user signs in.
    await page.getByRole('textbox', { name: 'User ID' }).waitFor();
    await signInAs(app, 'C00104');
    expect(await page.getByTestId('shell-user').textContent()).toContain('(C00104)');
  });
});
