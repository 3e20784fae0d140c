/** Length of every one-time password the host issues. */
export const OTP_LENGTH = 6;

/**
 * Normalises what was typed or pasted into an OTP field. NFKC first: a Chinese IME in full-width
 * mode types １２３４５６ (and a full-width space or dash), which become ASCII digits rather than
 * being dropped as non-digits. Authenticator apps and emails show codes as "123 456" or "123-456",
 * so spaces and dashes go; anything else that is not a digit goes too, and the result is cut to
 * six digits.
 */
export function normaliseOtp(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015]/g, '')
    .replace(/\D/g, '')
    .slice(0, OTP_LENGTH);
}
