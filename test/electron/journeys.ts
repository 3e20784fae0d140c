// The operator's steps through the real window, with the labels and roles the e2e tests use
// (test/e2e): the same renderer, here inside Electron instead of browser mode.
import type { Page } from 'playwright-core';
import { submitLogin } from '../e2e/sign-in-support.js';
import type { TestSimulator } from './test-simulator.js';

/** Waits for the login form: the app has started and its bridge answered. */
export async function loginScreen(page: Page): Promise<void> {
  await page.getByLabel('User ID', { exact: true }).waitFor();
}

/** Password + TOTP (the simulator plays the user's phone), ending on the signed-in shell. */
export async function signIn(page: Page, sim: TestSimulator, userId: string): Promise<void> {
  await submitLogin(page, userId);
  await page.getByLabel('One-time password', { exact: true }).fill(sim.totp(userId));
  await page.getByRole('button', { name: 'Sign out' }).first().waitFor();
}

/** Signs out and waits for the login form again. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await loginScreen(page);
}

/** The bridge as the page sees it (`window.ccms`, electron/preload.ts). */
export function bridgeCall(page: Page, name: string, input: unknown = {}): Promise<unknown> {
  return page.evaluate(
    ([n, i]) =>
      (
        Reflect.get(window, 'ccms') as { call(name: string, input: unknown): Promise<unknown> }
      ).call(n, i),
    [name, input] as const,
  );
}
