// Journey 4 in the real Electron window: a DA approval under maker/checker, as in
// test/e2e/dms.test.ts. C00191 requests an unlock of the locked C00104, C00192 approves it with
// their own OTP, and C00104 can then sign in.
import { expect, it } from 'vitest';
import { signIn, signOut } from './journeys.js';
import { describeJourney } from './journey-setup.js';

await describeJourney('Electron: DA approval (maker/checker)', (journey) => {
  it('C00191 requests an unlock of C00104', async () => {
    const { page } = journey.app;
    await signIn(page, journey.sim, 'C00191');
    await page.getByRole('button', { name: 'Security Management Function (DMS)' }).click();
    const c00104 = page.locator('tr[data-user="C00104"]');
    await c00104.waitFor();
    expect(await c00104.locator('[data-state]').textContent()).toBe('Locked');
    await page.getByRole('button', { name: 'Request a change for C00104' }).click();
    await page.getByRole('menuitem', { name: 'Unlock', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Request: Unlock' })
      .getByRole('button', { name: 'Send request' })
      .click();
    await page.getByText('Request sent: Unlock for C00104.', { exact: false }).waitFor();
    const pending = page.locator('tr[data-request]').filter({ hasText: 'C00104' });
    await pending.getByText('Your request: another DA must decide it.').waitFor();
    expect(await pending.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    await journey.app.screenshot('dms-requested');
    await signOut(page);
  });

  it('C00192 approves it with their own OTP, and C00104 signs in', async () => {
    const { page } = journey.app;
    await signIn(page, journey.sim, 'C00192');
    await page.getByRole('button', { name: 'Security Management Function (DMS)' }).click();
    await page.getByRole('button', { name: 'Approve: Unlock for C00104' }).click();
    const approve = page.getByRole('dialog', { name: 'Approve: Unlock for C00104' });
    await approve
      .getByRole('textbox', { name: 'One-time password' })
      .fill(journey.sim.totp('C00192'));
    await page.getByText('Approved: Unlock for C00104.').waitFor();
    await page.locator('tr[data-user="C00104"] [data-state="active"]').waitFor();
    await journey.app.screenshot('dms-approved');
    await signOut(page);

    await signIn(page, journey.sim, 'C00104');
    expect(await page.getByTestId('shell-user').textContent()).toContain('(C00104)');
  });
});
