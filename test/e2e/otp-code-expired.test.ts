// Issue item 9: an emailed code that expired while its challenge lives on keeps the sign-in. The
// simulator's clock is moved past the code's 5 minutes but not the challenge's 10 (docs/protocol.md):
// the prompt says the code expired, Resend sends a new one, and it signs in without the password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../simulator/index.js';
import { startApp, type TestApp } from './harness.js';
import { seriousAxeViolations, signInLabels, submitLogin } from './sign-in-support.js';

for (const language of ['en', 'zh-HK'] as const) {
  const zh = language === 'zh-HK';
  const text = {
    ...signInLabels(language),
    expired: zh
      ? '此一次性密碼已失效。請發送新的一次性密碼。'
      : 'This code has expired. Send a new code.',
    resend: zh ? '重新發送' : 'Resend code',
    resent: zh ? '已發送新的一次性密碼。' : 'A new code was sent.',
  };

  describe(`an expired email code within a live challenge (${language})`, () => {
    let app: TestApp;
    const clock = new ManualClock(Date.now());
    beforeAll(async () => {
      // The moved clock runs 5 minutes ahead of the page's: no resend cooldown, so the page's own
      // countdown to the host's resendAvailableAt does not hold Resend back.
      app = await startApp({
        language,
        simClock: clock,
        simSettings: { emailResendCooldownSec: 0 },
      });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('says the code expired, offers Resend, and the new code signs C00102 in', async () => {
      const { page, sim } = app;
      await submitLogin(page, 'C00102', text);
      const otp = page.getByLabel(text.code, { exact: true });
      await otp.waitFor();
      const first = (await sim.outbox('C00102'))[0]?.code ?? '';
      expect(first).toMatch(/^\d{6}$/);

      clock.advance(301_000); // the code's 5 minutes are over; the challenge has 10
      await otp.fill(first);
      const alert = page.getByRole('alert');
      await alert.getByText(text.expired).waitFor();
      // Still the prompt, not the login form: the password is not asked for again.
      expect(await page.getByLabel(text.userId, { exact: true }).count()).toBe(0);
      const resend = page.getByRole('button', { name: text.resend });
      expect(await resend.getAttribute('aria-disabled')).not.toBe('true');
      await app.screenshot(`otp-code-expired-${language}`);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Keyboard only: from the alert (focused) to Resend.
      await resend.focus();
      await page.keyboard.press('Enter');
      await page.getByText(text.resent).waitFor();
      const mails = await sim.outbox('C00102');
      expect(mails.length).toBe(2);
      await otp.fill(mails[0]?.code ?? '');
      await page.getByRole('button', { name: text.signOut }).first().waitFor();
    });
  });
}
