// The idle lock of an email-channel user (C00102) in a real browser against the simulator: the
// lock screen says where the code went, the host emails a step-up code once its own idle timer
// has run out, "Send a new code" follows the 30 s resend rule, and the newest code unlocks. The
// simulator's idle timeout is 20 s, so the lock comes 20 s after the last activity (the warning
// with it); the core's timers and the simulator run on the real clock.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEED_PASSWORDS, startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, settle } from './shell-helpers.js';

const IDLE_SEC = 20;

describe('idle lock, email channel', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ simSettings: { sessionIdleSec: IDLE_SEC } });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Waits for the simulator's mailbox to hold `count` mails for C00102; the newest code. */
  const newestCode = async (count: number): Promise<string> => {
    await vi.waitFor(async () => expect(await app.sim.outbox('C00102')).toHaveLength(count), {
      timeout: 30_000,
      interval: 200,
    });
    const code = (await app.sim.outbox('C00102'))[0]?.code;
    expect(code).toMatch(/^\d{6}$/);
    return code!;
  };

  it('C00102 is locked, told where the code went, and unlocks with the emailed code', async () => {
    const { page } = app;
    await page.getByRole('textbox', { name: 'User ID' }).fill('C00102');
    await page.getByLabel('Password', { exact: true }).fill(SEED_PASSWORDS.C00102!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('textbox', { name: 'One-time password' }).fill(await newestCode(1));
    await page.getByRole('heading', { name: 'Terminal home' }).waitFor();

    // Hands off the keyboard and mouse until the terminal locks.
    await page
      .getByRole('heading', { name: 'Terminal locked' })
      .waitFor({ timeout: (IDLE_SEC + 30) * 1000 });
    // A moment after the lock the host's own idle timer has run out and it emails the code.
    await page.getByText(/^We sent a code to c\*+2@cp001\.example\./).waitFor({ timeout: 10_000 });
    const first = await newestCode(2);
    const send = page.getByRole('button', { name: 'Send a new code' });
    expect(await send.getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByTestId('lock-resend-in').textContent()).toMatch(
      /You can ask for a new code in \d+ s\./,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await settle(page);
    await app.screenshot('lock-email-en');

    // The mail did not arrive, say: a new code once the resend rule allows, then the newest unlocks.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('button')]
          .find((b) => b.textContent === 'Send a new code')
          ?.getAttribute('aria-disabled') !== 'true',
      undefined,
      { timeout: 40_000 },
    );
    await send.click();
    await page.getByText('A new code was sent. Use only the newest code.').waitFor();
    const second = await newestCode(3);
    expect(second).not.toBe(first);
    await page.getByRole('textbox', { name: 'One-time password' }).fill(second);
    await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
    expect(await page.getByTestId('shell-user').textContent()).toContain('(C00102)');
  }, 180_000);
});
