// Where keyboard focus goes after each key action, in a real browser against the simulator, with
// the keyboard alone (a control is reached with focus() and worked with keys, as Tab would): after
// sign-in and unlock the new page's heading, after a DMS dialog the control that opened it (or the
// pending list's heading once the decided request has left it), after Save report the button, and
// Escape closes Settings and the connectivity check with focus back on the button that opened them.
// Never <body>, where a screen reader says nothing and Tab starts again at the top.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_PASSWORDS, startApp, type TestApp } from './harness.js';

/** The focused element, described as a test can compare it: tag, role-ish name, heading level. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return `${el.tagName.toLowerCase()}: ${name}`;
  });
}

/** Waits until focus is where `expected` says (focus moves a task after the screen appears). */
async function expectFocus(page: Page, expected: string): Promise<void> {
  try {
    await page.waitForFunction(
      (want) => {
        const el = document.activeElement;
        if (!el || el === document.body) return false;
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
        return `${el.tagName.toLowerCase()}: ${name}` === want;
      },
      expected,
      { timeout: 3000 },
    );
  } catch {
    // Say where focus is instead of only timing out.
    expect(await focused(page)).toBe(expected);
  }
}

/** Signs in with the keyboard: the login screen's focused field, Tab, Enter, then the OTP. */
async function keyboardSignIn(app: TestApp, userId: string): Promise<void> {
  const { page } = app;
  const userIdField = page.getByRole('textbox', { name: 'User ID' });
  await userIdField.waitFor();
  await userIdField.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(userId);
  await page.keyboard.press('Tab');
  await page.keyboard.type(SEED_PASSWORDS[userId]!);
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'One-time password' }).waitFor();
  await expectFocus(page, 'input: ');
  // A full code submits itself.
  await page.keyboard.type(app.totp(userId));
  await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
}

async function keyboardSignOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).press('Enter');
  await page.getByRole('textbox', { name: 'User ID' }).waitFor();
}

describe('focus after key actions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('Escape closes Settings and the connectivity check on the sign-in screen, back on their buttons', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).press('Enter');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await expectFocus(page, 'h1: Settings');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'User ID' }).waitFor();
    await expectFocus(page, 'button: Settings');

    await page.getByRole('button', { name: 'Connectivity check' }).press('Enter');
    await expectFocus(page, 'h1: Connectivity check');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'User ID' }).waitFor();
    await expectFocus(page, 'button: Connectivity check');
  });

  it('after sign-in focus is on the home heading; Escape closes the signed-in tools', async () => {
    const { page } = app;
    await keyboardSignIn(app, 'C00101');
    await expectFocus(page, 'h1: Terminal home');

    const nav = page.getByRole('navigation', { name: 'Terminal' });
    await nav.getByRole('button', { name: 'Settings' }).press('Enter');
    await expectFocus(page, 'h1: Settings');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
    await expectFocus(page, 'button: Settings');

    await nav.getByRole('button', { name: 'Connectivity check' }).press('Enter');
    await expectFocus(page, 'h1: Connectivity check');
    await page.getByText('Result:', { exact: true }).waitFor({ timeout: 90_000 });
    // Save report: focus stays on the button while it saves, and the status says where it went.
    await page.getByRole('button', { name: 'Save report' }).press('Enter');
    await page.getByText(/^The report was saved to /).waitFor();
    await expectFocus(page, 'button: Save report');
    await page.getByRole('button', { name: 'Save support bundle' }).press('Enter');
    await page.getByText(/^The support bundle was saved to /).waitFor();
    await expectFocus(page, 'button: Save support bundle');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
    await expectFocus(page, 'button: Connectivity check');
    await keyboardSignOut(page);
  });

  it('in DMS, a request dialog gives focus back to the row button; a decision to the pending list', async () => {
    const { page } = app;
    await keyboardSignIn(app, 'C00191');
    const dmsName = 'Security Management Function (DMS)';
    await page.getByRole('button', { name: dmsName }).press('Enter');
    await expectFocus(page, `h1: ${dmsName}`);
    const rowButton = 'Request a change for C00104';
    await page.getByRole('button', { name: rowButton }).waitFor();

    // Escape in the dialog: back on the row's button (the menu item that opened it is gone).
    await page.getByRole('button', { name: rowButton }).press('Enter');
    await page.getByRole('menuitem', { name: 'Unlock', exact: true }).press('Enter');
    await page.getByRole('dialog', { name: 'Request: Unlock' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectFocus(page, `button: ${rowButton}`);

    // Sent: the same place, with the outcome announced.
    await page.getByRole('button', { name: rowButton }).press('Enter');
    await page.getByRole('menuitem', { name: 'Unlock', exact: true }).press('Enter');
    const create = page.getByRole('dialog', { name: 'Request: Unlock' });
    await create.getByRole('button', { name: 'Send request' }).press('Enter');
    await page.getByText('Request sent: Unlock for C00104.').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectFocus(page, `button: ${rowButton}`);

    await page.getByRole('button', { name: 'Request a change for C00101' }).press('Enter');
    await page.getByRole('menuitem', { name: 'Suspend', exact: true }).press('Enter');
    await page
      .getByRole('dialog', { name: 'Request: Suspend' })
      .getByRole('button', { name: 'Send request' })
      .press('Enter');
    await page.getByText('Request sent: Suspend for C00101.').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await keyboardSignOut(page);

    // The checker.
    await keyboardSignIn(app, 'C00192');
    await page.getByRole('button', { name: dmsName }).press('Enter');
    const approveName = 'Approve: Unlock for C00104';
    await page.getByRole('button', { name: approveName }).press('Enter');
    await page.getByRole('dialog', { name: approveName }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectFocus(page, `button: ${approveName}`);

    // Approved: the request has left the list, so focus goes to the list's heading.
    await page.getByRole('button', { name: approveName }).press('Enter');
    await page.getByRole('dialog', { name: approveName }).waitFor();
    await expectFocus(page, 'input: ');
    await page.keyboard.type(app.totp('C00192'));
    await page.getByText('Approved: Unlock for C00104.').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectFocus(page, 'h2: Requests waiting for approval');

    const rejectName = 'Reject: Suspend for C00101';
    await page.getByRole('button', { name: rejectName }).press('Enter');
    const reject = page.getByRole('dialog', { name: rejectName });
    await reject.waitFor();
    await page.keyboard.type('Not asked for by the user');
    await page.keyboard.press('Tab');
    await expectFocus(page, 'button: Reject');
    await page.keyboard.press('Enter');
    await page.getByText('Rejected: Suspend for C00101.').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectFocus(page, 'h2: Requests waiting for approval');
    await keyboardSignOut(page);
  });
});

describe('focus after unlock', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A 65 s idle timeout: the warning comes 5 s after the last activity, the lock 60 s later.
    app = await startApp({ simSettings: { sessionIdleSec: 65 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('after "Stay signed in" and after the unlock focus is on the home heading', async () => {
    const { page } = app;
    await keyboardSignIn(app, 'C00101');
    await expectFocus(page, 'h1: Terminal home');
    // The idle warning takes focus; "Stay signed in" gives it back where it was.
    await page.getByRole('alertdialog').waitFor({ timeout: 30_000 });
    await expectFocus(page, 'button: Stay signed in');
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expectFocus(page, 'h1: Terminal home');
    await page.getByRole('heading', { name: 'Terminal locked' }).waitFor({ timeout: 90_000 });
    await expectFocus(page, 'input: ');
    await page.keyboard.type(app.totp('C00101'));
    await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
    await expectFocus(page, 'h1: Terminal home');
  }, 150_000);
});
