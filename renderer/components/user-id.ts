// What the user types in a user-ID field, made into a user ID before it is sent. A Chinese IME
// types full-width letters and digits (`Ｃ００１０１`) and an ideographic space; NFKC turns them
// into `C00101`. The rule of a user ID is the bridge's own (`UserId` in shared/protocol.ts), so
// anything the bridge would refuse is answered at the field instead.
import { isUserId } from '../../shared/values.js';

/** NFKC (full-width → ASCII), trimmed, upper-case: `Ｃ００１０１ ` → `C00101`. */
export function normalizeUserId(typed: string): string {
  return typed.normalize('NFKC').trim().toUpperCase();
}

/** The user ID the typed text names, or undefined where it is not one (`UserId`'s rule). */
export function parseUserId(typed: string): string | undefined {
  const userId = normalizeUserId(typed);
  return isUserId(userId) ? userId : undefined;
}
