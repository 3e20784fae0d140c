// 2FA initialization in a real browser against the simulator (issue 7), for C00103: by the
// authenticator app (the key read from "Can't scan?", the code computed by Debian's oathtool, the
// QR code read back by zbarimg) and, on a second fresh app, by email.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, startApp, type TestApp } from './harness.js';
import {
  hasProgram,
  authenticatorTotp,
  seriousAxeViolations,
  settle,
  submitLogin,
  zbarDecode,
} from './sign-in-support.js';

const ZBAR = hasProgram('zbarimg');
const OATHTOOL = hasProgram('oathtool');

const NEW_PASSWORD = 'Fresh-Start-2026#';

async function currentStep(app: TestApp): Promise<string | null> {
  return app.page.locator('[aria-current="step"]').getAttribute('data-step');
}

/**
 * Save (and all above it) is on screen without scrolling, with room below it, at the default
 * 1280x800 and at the window's minimum 900x600; a screenshot of each for people to look at.
 */
async function expectSaveInView(app: TestApp, name: string): Promise<void> {
  const { page } = app;
  for (const [width, height, suffix] of [
    [1280, 800, ''],
    [900, 600, '-900x600'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page
      .getByRole('button', { name: /^(Save password|儲存密碼)$/ })
      .boundingBox();
    expect(box, 'the Save button has a box').not.toBeNull();
    expect(
      (box?.y ?? height) + (box?.height ?? 0),
      `Save's bottom at ${width}x${height}`,
    ).toBeLessThanOrEqual(height - 24);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}${suffix}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Each of `targets` lies wholly inside a viewport `height` high, as it is scrolled now. */
async function expectInView(
  page: Page,
  targets: Record<string, Locator>,
  height: number,
): Promise<void> {
  await settle(page);
  for (const [name, target] of Object.entries(targets)) {
    const box = await target.boundingBox();
    expect(box !== null && box.y >= 0 && box.y + box.height <= height, `${name} in view`).toBe(
      true,
    );
  }
}

async function setNewPassword(app: TestApp): Promise<void> {
  const { page } = app;
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save password' }).click();
  await page.getByRole('radio', { name: /Authenticator app/ }).waitFor();
}

describe('2FA initialization by authenticator app (C00103)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the wizard at the password step with a live checklist', async () => {
    const { page } = app;
    await submitLogin(page, 'C00103');
    await page.getByRole('heading', { name: '2FA Initialization', exact: true }).waitFor();
    // The circular's name for the flow is the title; a plain line says what it does.
    await page
      .getByText('Set up your new password and one-time password', { exact: true })
      .waitFor();
    expect(await currentStep(app)).toBe('password');
    // Focus moves to the first field of the step.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('autocomplete') === 'new-password',
    );
    const rule = (id: string) => page.locator(`[data-rule="${id}"]`).getAttribute('data-state');
    expect(await rule('min_length')).toBe('unmet');
    await page.getByLabel('New password', { exact: true }).fill('abcdefghij1!');
    expect(await rule('min_length')).toBe('met');
    expect(await rule('symbol')).toBe('met');
    expect(await rule('history')).toBe('host');
    await page.getByLabel('New password', { exact: true }).fill('');
    await app.screenshot('init-password-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('keeps what was typed when the host refuses the password, and marks only the history rule', async () => {
    const { page } = app;
    const first = page.getByLabel('New password', { exact: true });
    const second = page.getByLabel('Confirm new password', { exact: true });
    // The temporary password is the current one, so the host's history rule refuses it. In the
    // window's minimum size, where the history rule sits below the fold.
    await page.setViewportSize({ width: 900, height: 600 });
    await first.fill('Temp-Pass-103!');
    await second.fill('Temp-Pass-103!');
    const save = page.getByRole('button', { name: 'Save password' });
    await save.click();
    const reason = 'You have used this password before. Choose one that is not among your last 5.';
    const said = page.locator('[data-rule="history"]').getByRole('alert').getByText(reason);
    await said.waitFor();
    await expectInView(page, { reason: said, field: first, Save: save }, 600);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'init-password-refused-en-900x600-reason.png'),
    });
    expect(await page.locator('[data-rule="history"]').getAttribute('data-state')).toBe(
      'hostFailed',
    );
    // Only that rule: what the terminal judged stays judged, nothing else turns red.
    const states = await page
      .locator('[data-rule]')
      .evaluateAll((items) =>
        items.map((i) => `${i.getAttribute('data-rule')}=${i.getAttribute('data-state')}`),
      );
    expect(states).toEqual([
      'min_length=met',
      'max_length=met',
      'letter=met',
      'digit=met',
      'symbol=met',
      'user_id=met',
      'history=hostFailed',
      'common=host',
    ]);
    expect(await first.inputValue()).toBe('Temp-Pass-103!');
    expect(await second.inputValue()).toBe('Temp-Pass-103!');
    // Back in the field to change it, which the refusal describes.
    await page.waitForFunction(
      () =>
        document.activeElement
          ?.getAttribute('aria-describedby')
          ?.includes('password-rule-refused-history') === true,
    );
    await expectSaveInView(app, 'init-password-refused-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Editing the password drops the verdict on the old one.
    await first.fill('');
    expect(await page.locator('[data-rule="history"]').getAttribute('data-state')).toBe('host');
  });

  it('saves a good password and offers the channels, app recommended', async () => {
    const { page } = app;
    await setNewPassword(app);
    expect(await currentStep(app)).toBe('channel');
    expect(await page.getByRole('radio', { name: /Authenticator app/ }).isChecked()).toBe(true);
    await page.getByText(/Mail filtering can delay it/).waitFor();
    await app.screenshot('init-channel-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows a local QR code and the key in groups of four, and resumes there after a reload', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Continue' }).click();
    const qr = page.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    // The name the phone will list, from the simulator's own URI: the environment is in it.
    expect(await page.getByTestId('totp-account').textContent()).toBe(
      'Your authenticator app will list this account as “CCMS (Simulator): C00103”.',
    );
    expect(await currentStep(app)).toBe('confirm');

    await page.reload();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    expect(await currentStep(app)).toBe('confirm');
    // The stepper still counts the password step this set-up began with.
    expect(await page.locator('[data-step="password"]').count()).toBe(1);
    await page.getByText(/^Step 3 of 4/).waitFor();

    // A change of mind: back to the choice, then the app again gives a fresh key.
    await page.getByRole('button', { name: 'Use a different method' }).click();
    expect(await currentStep(app)).toBe('channel');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    expect(await currentStep(app)).toBe('confirm');

    await page.getByRole('button', { name: "Can't scan?" }).click();
    const key = (await page.getByTestId('totp-key').textContent()) ?? '';
    expect(key).toMatch(/^([A-Z2-7]{1,4} )*[A-Z2-7]{1,4}$/);
    await app.screenshot('init-app-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it.runIf(ZBAR)(
    `the QR code on screen reads back, with a real QR reader (zbarimg), as the key typed out${ZBAR ? '' : ' (skipped: zbarimg is not installed)'}`,
    async () => {
      const key = ((await app.page.getByTestId('totp-key').textContent()) ?? '').replace(/ /g, '');
      const decoded = zbarDecode(join(SCREENSHOT_DIR, 'init-app-en.png'));
      const uri = decoded.find((d) => d.startsWith('otpauth://totp/'));
      expect(uri, `zbarimg read: ${decoded.join(' | ')}`).toBeDefined();
      expect(new URL(uri ?? '').searchParams.get('secret')).toBe(key);
    },
  );

  it(`confirms with a code from ${OATHTOOL ? 'a real authenticator (oathtool)' : 'otplib (oathtool is not installed)'} and reaches the done screen`, async () => {
    const { page } = app;
    const key = ((await page.getByTestId('totp-key').textContent()) ?? '').replace(/ /g, '');
    await page.getByLabel('One-time password', { exact: true }).fill(authenticatorTotp(key));
    await page.getByRole('heading', { name: '2FA Initialization is complete' }).waitFor();
    expect(await currentStep(app)).toBe('done');
    // The secret is gone from the page once its step is left.
    expect(await page.content()).not.toContain(key);
    await app.screenshot('init-done-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue to CCMS Terminal' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });
});

describe('2FA initialization by email (C00103, a fresh app)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sends a code to the masked address and confirms it, with the keyboard alone', async () => {
    const { page, sim } = app;
    const focusedAutocomplete = () =>
      page.evaluate(
        () =>
          document.activeElement?.getAttribute('autocomplete') ?? document.activeElement?.tagName,
      );
    await submitLogin(page, 'C00103');
    await page.getByLabel('New password', { exact: true }).waitFor();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('autocomplete') === 'new-password',
    );
    // New password, Tab past "Show password", confirmation, Enter.
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedAutocomplete()).toBe('new-password');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    const email = page.getByRole('radio', { name: 'Email' });
    await email.waitFor();
    // Focus is on the recommended choice; the arrow key moves to Email, Tab reaches Continue.
    await page.waitForFunction(
      () => (document.activeElement as HTMLInputElement | null)?.type === 'radio',
    );
    await page.keyboard.press('ArrowDown');
    expect(await email.isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Confirm your email' }).waitFor();
    await page.getByText(/We sent a 6-digit code to \S+@cp001\.example\./).waitFor();
    expect(
      await page.getByRole('button', { name: 'Resend code' }).getAttribute('aria-disabled'),
    ).toBe('true');
    await app.screenshot('init-email-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('autocomplete') === 'one-time-code',
    );
    const code = (await sim.outbox('C00103'))[0]?.code;
    expect(code).toMatch(/^\d{6}$/);
    await page.keyboard.type(code ?? '');
    await page.getByRole('heading', { name: '2FA Initialization is complete' }).waitFor();
    await page.getByText(/one-time password from your email/).waitFor();
    await page.waitForFunction(
      () => document.activeElement?.textContent === 'Continue to CCMS Terminal',
    );
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });
});

describe('2FA initialization in Chinese: a refused password keeps what was typed (C00103)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ language: 'zh-HK' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says at the history rule why the host refused, with Save in view', async () => {
    const { page } = app;
    await submitLogin(page, 'C00103', { userId: '用戶編號', password: '密碼', signIn: '登入' });
    const first = page.getByLabel('新密碼', { exact: true });
    // In the window's minimum size, where the history rule sits below the fold.
    await page.setViewportSize({ width: 900, height: 600 });
    await first.fill('Temp-Pass-103!');
    await page.getByLabel('確認新密碼', { exact: true }).fill('Temp-Pass-103!');
    const save = page.getByRole('button', { name: '儲存密碼' });
    await save.click();
    const reason = page
      .locator('[data-rule="history"]')
      .getByText('你曾使用此密碼。請選擇一個不是你最近 5 個密碼之一的密碼。');
    await reason.waitFor();
    expect(await first.inputValue()).toBe('Temp-Pass-103!');
    // The reason is brought into view, and the field and Save stay in view with it.
    await expectInView(page, { reason, field: first, Save: save }, 600);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'init-password-refused-zh-HK-900x600-reason.png'),
    });
    await expectSaveInView(app, 'init-password-refused-zh-HK');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
