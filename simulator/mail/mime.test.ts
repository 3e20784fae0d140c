import { describe, expect, it } from 'vitest';
import { decodeBody, decodeWords, splitMessage } from './mime.js';
import { otpMail } from './templates.js';

describe('MIME decoding of the mail the simulator sends itself', () => {
  it('unfolds headers and decodes encoded words and base64 bodies', () => {
    const raw =
      'Subject: =?UTF-8?B?Q0NNUyDkuIDmrKHmgKflr4bnorw=?=\r\n =?UTF-8?Q?_ok?=\r\nContent-Transfer-Encoding: base64\r\n\r\n6amX6K2J56K8\r\n';
    const { headers, body } = splitMessage(raw);
    expect(decodeWords(headers.get('subject') ?? '')).toBe('CCMS 一次性密碼 ok');
    expect(decodeBody(body, headers.get('content-transfer-encoding'))).toBe('驗證碼');
    expect(decodeBody('caf=C3=A9 =\r\nbar', 'quoted-printable')).toBe('café bar');
  });

  it('writes the OTP mail in English and Traditional Chinese with user ID, code and expiry', () => {
    const mail = otpMail('C00102', '123456', Date.UTC(2026, 0, 5, 1, 5), 300);
    expect(mail.text).toContain(
      'User ID: C00102\nCode: 123456\nExpires: 2026-01-05 01:05 UTC (2026-01-05 09:05 Hong Kong time)',
    );
    expect(mail.text).toContain(
      '用戶編號：C00102\n驗證碼：123456\n有效期至：香港時間 2026-01-05 09:05（發出後 5 分鐘內有效）',
    );
  });
});
