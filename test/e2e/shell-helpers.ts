// Helpers for the signed-in screens' e2e tests: sign-in through the UI, and the axe scan and
// settling shared with the sign-in tests.
import type { TestApp } from './harness.js';

export { axeViolations, seriousAxeViolations, settle } from './sign-in-support.js';

/** Password + TOTP through the UI, ending on the signed-in shell. */
export function signInAs(app: TestApp, userId: string): Promise<void> {
  return app.signIn(userId);
}
