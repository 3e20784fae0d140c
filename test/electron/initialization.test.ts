// Journey 2 in the real Electron window: C00103's 2FA initialization by the QR code. The test
// reads the QR from a screenshot of the window with a JavaScript decoder (qr-decode.ts, which runs
// on Windows too) and answers with a code from a real authenticator (authenticator.ts).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { submitLogin } from '../e2e/sign-in-support.js';
import { authenticatorCode, keyFromOtpauthUri } from './authenticator.js';
import { SCREENSHOT_DIR } from './electron-harness.js';
import { decodeQrPng } from './qr-decode.js';
import { describeJourney } from './journey-setup.js';

const NEW_PASSWORD = 'Fresh-Start-2026#';
await describeJourney('Electron: C00103 2FA initialization through the QR code', (journey) => {
  it('sets a new password and reaches the QR code of the authenticator app step', async () => {
    const { page } = journey.app;
    await submitLogin(page, 'C00103');
    await page.getByRole('heading', { name: '2FA Initialization', exact: true }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    const appChannel = page.getByRole('radio', { name: /Authenticator app/ });
    await appChannel.waitFor();
    expect(await appChannel.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await journey.app.screenshot('init-qr');
  });

  it('scans the QR from a screenshot, matches the typed-out key, and confirms with an app code', async () => {
    const { page } = journey.app;
    const png = await page.getByRole('img', { name: /QR code/ }).screenshot();
    await writeFile(join(SCREENSHOT_DIR, 'electron-init-qr-code.png'), png);
    const uri = decodeQrPng(png);
    expect(uri, 'no QR code could be read from the screenshot').toMatch(/^otpauth:\/\/totp\//);
    const key = keyFromOtpauthUri(uri ?? '');

    await page.getByRole('button', { name: "Can't scan?" }).click();
    const shown = (await page.getByTestId('totp-key').textContent()) ?? '';
    expect(shown.replace(/ /g, '')).toBe(key);

    await page.getByLabel('One-time password', { exact: true }).fill(authenticatorCode(key));
    await page.getByRole('heading', { name: '2FA Initialization is complete' }).waitFor();
    // The secret leaves the page with its step.
    expect(await page.content()).not.toContain(key);
    await journey.app.screenshot('init-done');
    await page.getByRole('button', { name: 'Continue to CCMS Terminal' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getByTestId('shell-user').textContent()).toContain('(C00103)');
  });
});
