import QRCode from 'qrcode';

/**
 * Renders the otpauth URI as an SVG data URL, here in the renderer: the secret is never sent to
 * any service to draw it. SVG (not canvas) so it renders the same in every engine and in jsdom.
 */
export async function qrDataUrl(otpauthUri: string): Promise<string> {
  const svg = await QRCode.toString(otpauthUri, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The base32 key in groups of four, as people read and type it ("ABCD EFGH …"). */
export function groupKey(secret: string): string {
  return (secret.replace(/=+$/, '').match(/.{1,4}/g) ?? []).join(' ');
}
