// Helpers for the signed-in screens' e2e tests: sign-in through the UI and an axe scan.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { SEED_PASSWORDS, type TestApp } from './harness.js';

/** Password + TOTP through the UI, by roles (the OTP form is itself labelled "…one-time password"). */
export async function signInAs(app: TestApp, userId: string): Promise<void> {
  const { page } = app;
  const password = SEED_PASSWORDS[userId];
  if (!password) throw new Error(`no seeded password for ${userId}`);
  await page.getByRole('textbox', { name: 'User ID' }).fill(userId);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('textbox', { name: 'One-time password' }).fill(app.totp(userId));
  await page.getByRole('button', { name: 'Sign out' }).first().waitFor();
}

/** Serious and critical axe violations on the page as it is now, as readable lines. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // A half-faded dialog would be judged on colours nobody reads; scan the settled page.
  await settle(page);
  // Fluent's focus manager (tabster) adds zero-size `<i data-tabster-dummy aria-hidden tabindex=0>`
  // sentinels that pass focus on at once; a documented false positive of aria-hidden-focus
  // (microsoft/tabster#288, Fluent v9 known issues). Everything else is scanned.
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits for running CSS animations (dialog fade-ins) to end, so a screenshot shows the final look. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}
