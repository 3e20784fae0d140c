// Journey 3 in the real Electron window: the idle warning, the idle lock and the unlock with an
// OTP. As in test/e2e/idle-lock.test.ts the simulator's session idle timeout is 70 s, so the
// warning (60 s before the lock) comes 10 s after the last activity; the core's timers run on the
// real clock.
import { expect, it } from 'vitest';
import { signIn } from './journeys.js';
import { describeJourney } from './journey-setup.js';

const IDLE_SEC = 70;
await describeJourney(
  'Electron: idle lock and OTP unlock',
  (journey) => {
    it('warns, stays signed in on request, locks when left alone, and unlocks with an OTP', async () => {
      const { page } = journey.app;
      await signIn(page, journey.sim, 'C00101');

      const warning = page.getByRole('alertdialog');
      await warning.waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('idle-countdown').textContent()).toMatch(
        /locks in \d+ seconds?/,
      );
      await journey.app.screenshot('idle-warning');
      await page.getByRole('button', { name: 'Stay signed in' }).click();
      await warning.waitFor({ state: 'hidden' });

      // Left alone now: the warning again, then the lock.
      await page
        .getByRole('heading', { name: 'Terminal locked' })
        .waitFor({ timeout: (IDLE_SEC + 30) * 1000 });
      expect(await page.getByRole('heading', { name: 'Terminal home' }).count()).toBe(0);
      await journey.app.screenshot('locked');

      await page
        .getByRole('textbox', { name: 'One-time password' })
        .fill(journey.sim.totp('C00101'));
      await page.getByRole('heading', { name: 'Terminal home' }).waitFor();
      expect(await page.getByTestId('shell-user').textContent()).toContain('(C00101)');
    }, 240_000);
  },
  { sessionIdleSec: IDLE_SEC },
);
