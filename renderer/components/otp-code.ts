/** Length of every one-time password the host issues. */
export const OTP_LENGTH = 6;

/**
 * Normalises what was typed or pasted into an OTP field: authenticator apps and emails show codes
 * as "123 456" or "123-456", so spaces and dashes go; anything else that is not a digit goes too,
 * and the result is cut to six digits.
 */
export function normaliseOtp(raw: string): string {
  return raw
    .replace(/[\s\-\u2010-\u2015]/g, '')
    .replace(/\D/g, '')
    .slice(0, OTP_LENGTH);
}
