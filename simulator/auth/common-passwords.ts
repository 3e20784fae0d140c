/**
 * Passwords attackers try first. Matching ignores case and, after stripping digits and symbols
 * from the ends, checks the core word too, so `Password123!` counts as `password`.
 * A short list by design: the simulator shows the rule, a production host uses a breach corpus.
 */
const COMMON = new Set(
  `password passw0rd p@ssw0rd p@ssword pa55word qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm
  letmein welcome welcome1 admin administrator changeme iloveyou monkey dragon master sunshine
  princess football baseball superman batman trustno1 starwars whatever freedom shadow michael
  abc123 abcdef 123456 1234567 12345678 123456789 1234567890 111111 000000 123123 654321 qazwsx
  1qaz2wsx 1q2w3e4r 1q2w3e4r5t zaq12wsx secret secret1 login hello hello123 test test123 guest
  default summer winter spring autumn hongkong hong kong ccms clearing password1 password12
  password123 password1234 passw0rd1 qwerty123 qwerty1 admin123 admin1234 welcome123 letmein1
  abcd1234 abc12345 aa123456 a1b2c3d4 iloveyou1 changeme1 monkey123 dragon123 football1`
    .split(/\s+/)
    .filter(Boolean),
);

function core(password: string): string {
  return password.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/** Whether the password is, or is a decorated form of, a well-known password. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const stripped = lower.replace(/[^\p{L}\p{Nd}]/gu, '');
  if (COMMON.has(stripped)) return true;
  const word = core(password);
  return word.length > 0 && COMMON.has(word);
}
