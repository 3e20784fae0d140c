// Helpers shared by the sign-in e2e tests (login, OTP, initialization, zh-HK).
import { execFileSync } from 'node:child_process';
import { authenticator } from 'otplib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { SEED_PASSWORDS } from './harness.js';

/** What axe reports (the builder's result type; axe-core itself is not a direct dependency). */
type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Fluent's focus manager (tabster) puts zero-size `<i data-tabster-dummy aria-hidden tabindex=0>`
 * sentinels around focus traps, menus and groups; one that receives focus passes it on at once
 * (to the next real control, or back into the trap), so neither a keyboard nor a screen reader
 * user ever stays on one. aria-hidden-focus flags them (focusable yet aria-hidden): a false
 * positive documented by tabster (microsoft/tabster#288) and Fluent v9's known issues. Only that
 * rule is waived, and only on those elements; every other rule scans them too.
 */
const TABSTER_DUMMY = '[data-tabster-dummy]';

/** The axe results of the page as it is now, every impact. */
async function scan(page: Page): Promise<Violations> {
  // A half-faded dialog would be judged on colours nobody reads; scan the settled page.
  await settle(page);
  const everything = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .disableRules(['aria-hidden-focus'])
    .analyze();
  const hiddenFocus = await new AxeBuilder({ page })
    .withRules(['aria-hidden-focus'])
    .exclude(TABSTER_DUMMY)
    .analyze();
  return [...everything.violations, ...hiddenFocus.violations];
}

const readable = (v: Violations[number]) =>
  `${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;

/** Every axe violation on the page as it is now (moderate and minor too), as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await scan(page)).map(readable);
}

/** Serious and critical axe violations on the page as it is now, as readable lines. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  return (await scan(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(readable);
}

/** Waits for running CSS animations (dialog fade-ins) to end, so a screenshot shows the final look. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
}

/** The sign-in screens' labels as a user reads them, in English or Traditional Chinese (HK). */
export function signInLabels(language: 'en' | 'zh-HK') {
  const zh = language === 'zh-HK';
  return {
    userId: zh ? '用戶編號' : 'User ID',
    password: zh ? '密碼' : 'Password',
    signIn: zh ? '登入' : 'Sign in',
    code: zh ? '一次性密碼' : 'One-time password',
    signOut: zh ? '登出' : 'Sign out',
  };
}

/** Types the user ID and the seeded password and presses "Sign in" (labels as given). */
export async function submitLogin(
  page: Page,
  userId: string,
  labels: { userId: string; password: string; signIn: string } = {
    userId: 'User ID',
    password: 'Password',
    signIn: 'Sign in',
  },
  password = SEED_PASSWORDS[userId],
): Promise<void> {
  if (password === undefined) throw new Error(`no seeded password for ${userId}`);
  await page.getByLabel(labels.userId, { exact: true }).fill(userId);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.signIn, exact: true }).click();
}

/** A TOTP code from Debian's oathtool: a real authenticator, none of our code. */
export function oathtoolTotp(base32Key: string): string {
  return execFileSync('oathtool', ['--totp', '-b', base32Key], { encoding: 'utf8' }).trim();
}

/**
 * The authenticator a test answers with: oathtool where it is installed (Debian), otherwise
 * otplib (a Windows runner), so the journey runs everywhere; the tests that need oathtool itself
 * say so in their title.
 */
export function authenticatorTotp(base32Key: string): string {
  return hasProgram('oathtool') ? oathtoolTotp(base32Key) : authenticator.generate(base32Key);
}

/** Whether a program is on PATH (zbarimg is optional). */
export function hasProgram(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Decodes the QR code(s) in an image with zbarimg; returns the texts. */
export function zbarDecode(pngPath: string): string[] {
  const out = execFileSync('zbarimg', ['--quiet', '--raw', pngPath], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
