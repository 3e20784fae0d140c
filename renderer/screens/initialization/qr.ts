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

/**
 * The account as an authenticator app lists it, from the otpauth URI's label ("Issuer:account",
 * percent-encoded; Key Uri Format), e.g. "CCMS (Connectivity Test): C00103"; null when the URI
 * has no such label. Only the label is read: the secret stays where it is.
 */
export function authenticatorAccountName(otpauthUri: string): string | null {
  const match = /^otpauth:\/\/totp\/([^?]*)/.exec(otpauthUri);
  if (!match?.[1]) return null;
  let label: string;
  try {
    label = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const colon = label.indexOf(':');
  if (colon < 0) return label.trim() || null;
  const issuer = label.slice(0, colon).trim();
  const account = label.slice(colon + 1).trim();
  return issuer && account ? `${issuer}: ${account}` : account || issuer || null;
}

/** The base32 key in groups of four, as people read and type it ("ABCD EFGH …"). */
export function groupKey(secret: string): string {
  return (secret.replace(/=+$/, '').match(/.{1,4}/g) ?? []).join(' ');
}
