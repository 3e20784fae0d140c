// Journey 1 in the real Electron window: C00101 signs in with password and TOTP against the
// simulator, sees the terminal, and signs out; the password is nowhere in the page afterwards.
import { expect, it } from 'vitest';
import { SEED_PASSWORDS } from '../e2e/harness.js';
import { bridgeCall, loginScreen, signIn, signOut } from './journeys.js';
import { describeJourney } from './journey-setup.js';

await describeJourney('Electron: C00101 sign-in and sign-out', (journey) => {
  it('opens on the login screen, in Electron mode, on the simulator', async () => {
    const { page } = journey.app;
    await loginScreen(page);
    expect(page.url()).toBe('app://ccms/index.html');
    await page.getByRole('status', { name: 'Environment: Simulator' }).waitFor();
    expect(await bridgeCall(page, 'getAppInfo')).toMatchObject({
      ok: true,
      value: { mode: 'electron', settings: { environment: 'simulator' } },
    });
    await journey.app.screenshot('login');
  });

  it('signs C00101 in with password and TOTP, then signs out', async () => {
    const { page } = journey.app;
    await signIn(page, journey.sim, 'C00101');
    expect(await page.getByTestId('shell-user').textContent()).toContain('(C00101)');
    expect(await page.content()).not.toContain(SEED_PASSWORDS['C00101']);
    await journey.app.screenshot('signed-in');
    await signOut(page);
    expect(await bridgeCall(page, 'getAuthState')).toMatchObject({
      ok: true,
      value: { step: 'signedOut' },
    });
  });
});
