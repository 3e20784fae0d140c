/**
 * Terms every catalog must render the same way. Acronyms stay as they are in every language;
 * Hong Kong Traditional Chinese uses Hong Kong wording, not Taiwan or Mainland wording.
 * `catalogs.test.ts` checks every namespace file against this list.
 */
export const PINNED_TERMS = ['OTP', 'CCMS', '2FA', 'DMS'] as const;

/** English phrase (lower case) → the Hong Kong term its zh-HK translation must use. */
export const HK_TERMS: Readonly<Record<string, string>> = {
  email: '電郵',
  'authenticator app': '流動應用程式',
  'delegated administrator': '授權管理員',
  'one-time password': '一次性密碼',
  'user id': '用戶編號',
  password: '密碼',
};

/** Wording that must not appear in zh-HK: Simplified characters and non-Hong Kong terms. */
export const ZH_HK_FORBIDDEN: readonly string[] = [
  // Simplified-only characters that a careless translation lets through
  ...'码户设电邮应权员录网务账维们这时间发从请证连线检',
  // Mainland / Taiwan wording where Hong Kong says something else
  '登錄', // HK: 登入
  '用戶名', // HK: 用戶編號
  '信息', // HK: 資訊 / 訊息
  '默認', // HK: 預設
  '設置', // HK: 設定
  '二維碼', // HK: QR 碼
  '郵箱', // HK: 電郵
  '短信', // HK: 短訊
  '賬戶', // HK: 帳戶
  '手機應用', // HK: 流動應用程式
  '軟體', // HK: 軟件
];
