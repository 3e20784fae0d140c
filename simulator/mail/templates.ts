/** The text of every email, in English and Traditional Chinese (Hong Kong). */

/** A rendered email. */
export interface MailContent {
  subject: string;
  text: string;
}

// Hong Kong time for the Chinese text and beside UTC in the English one: the users are there.
function hkTime(ms: number): string {
  const d = new Date(ms + 8 * 60 * 60 * 1000);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')}`;
}
function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
function minutes(sec: number): number {
  return Math.max(1, Math.round(sec / 60));
}

/** The email carrying a one-time password (login, initialization, step-up). */
export function otpMail(
  userId: string,
  code: string,
  expiresAtMs: number,
  ttlSec: number,
): MailContent {
  const min = minutes(ttlSec);
  return {
    subject: `CCMS one-time password for ${userId} / CCMS 一次性密碼`,
    text: [
      `CCMS one-time password`,
      ``,
      `User ID: ${userId}`,
      `Code: ${code}`,
      `Expires: ${utcTime(expiresAtMs)} (${hkTime(expiresAtMs)} Hong Kong time), ${min} minutes after this email was sent.`,
      `The code can be used once. If you did not try to sign in, tell your Delegated Administrator.`,
      ``,
      `CCMS 一次性密碼`,
      ``,
      `用戶編號：${userId}`,
      `驗證碼：${code}`,
      `有效期至：香港時間 ${hkTime(expiresAtMs)}（發出後 ${min} 分鐘內有效）。`,
      `驗證碼只可使用一次。如你並未嘗試登入，請通知你的授權管理員。`,
      ``,
    ].join('\n'),
  };
}

/** What an approval code approves, named in its email. */
export interface ApprovalSubject {
  requestId: string;
  action: string;
  targetUserId: string;
}

/** The email carrying a checker's one-time code that approves one DMS request. */
export function approvalCodeMail(
  checkerId: string,
  code: string,
  expiresAtMs: number,
  ttlSec: number,
  subject: ApprovalSubject,
): MailContent {
  const min = minutes(ttlSec);
  const what = `${subject.action} for ${subject.targetUserId} (request ${subject.requestId})`;
  return {
    subject: `CCMS approval code for ${checkerId} / CCMS 批核驗證碼`,
    text: [
      `CCMS approval code`,
      ``,
      `User ID: ${checkerId}`,
      `Approves: ${what}`,
      `Code: ${code}`,
      `Expires: ${utcTime(expiresAtMs)} (${hkTime(expiresAtMs)} Hong Kong time), ${min} minutes after this email was sent.`,
      `The code approves this request only, once. If you did not ask for it, tell another Delegated Administrator.`,
      ``,
      `CCMS 批核驗證碼`,
      ``,
      `用戶編號：${checkerId}`,
      `批核：${subject.targetUserId} 的要求 ${subject.requestId}（${subject.action}）`,
      `驗證碼：${code}`,
      `有效期至：香港時間 ${hkTime(expiresAtMs)}（發出後 ${min} 分鐘內有效）。`,
      `驗證碼只可用於批核此要求一次。如你並未要求此驗證碼，請通知另一位授權管理員。`,
      ``,
    ].join('\n'),
  };
}

/** The email carrying a temporary password after a DA's password reset. */
export function temporaryPasswordMail(
  userId: string,
  password: string,
  expiresAtMs: number,
): MailContent {
  return {
    subject: `CCMS temporary password for ${userId} / CCMS 臨時密碼`,
    text: [
      `CCMS temporary password`,
      ``,
      `Your Delegated Administrator reset the password of user ID ${userId}.`,
      `User ID: ${userId}`,
      `Temporary password: ${password}`,
      `Expires: ${utcTime(expiresAtMs)} (${hkTime(expiresAtMs)} Hong Kong time). Sign in before then; you will be asked to choose a new password.`,
      ``,
      `CCMS 臨時密碼`,
      ``,
      `你的授權管理員已重設用戶編號 ${userId} 的密碼。`,
      `用戶編號：${userId}`,
      `臨時密碼：${password}`,
      `有效期至：香港時間 ${hkTime(expiresAtMs)}。請於此前登入，系統會要求你設定新密碼。`,
      ``,
    ].join('\n'),
  };
}
