// The Electron suite's QR reader, on real PNGs: one written by the qrcode package, and a browser
// screenshot of the wizard's own QR image (renderer/screens/initialization/qr.ts, drawn 200 px
// wide and pixelated as the wizard shows it) in Debian's chromium. Runs wherever Node runs; the
// browser case where that chromium is installed.
import { existsSync } from 'node:fs';
import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrDataUrl } from '../../renderer/screens/initialization/qr.js';
import { newTotpSecret, otpauthUri } from '../../simulator/auth/totp.js';
import { launchChromium } from '../e2e/harness.js';
import { authenticatorCode, keyFromOtpauthUri } from './authenticator.js';
import { decodeQrPng } from './qr-decode.js';

const CHROMIUM = process.env.CCMS_CHROMIUM ?? '/usr/bin/chromium';

describe('QR decoder (jsQR over pngjs)', () => {
  it('reads the otpauth URI back from a PNG written by the qrcode package', async () => {
    const uri = otpauthUri('C00103', newTotpSecret(), 'simulator');
    const png = await QRCode.toBuffer(uri, { errorCorrectionLevel: 'M', margin: 4, scale: 4 });
    expect(decodeQrPng(png)).toBe(uri);
  });

  it('finds nothing in an image without a QR code', () => {
    const blank = new PNG({ width: 120, height: 120 });
    blank.data.fill(0xff);
    expect(decodeQrPng(PNG.sync.write(blank))).toBeNull();
  });

  it.runIf(existsSync(CHROMIUM))(
    "reads a browser screenshot of the wizard's QR image, and the key answers like an app",
    async () => {
      const secret = newTotpSecret();
      const uri = otpauthUri('C00103', secret, 'simulator');
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 640, height: 480 } });
        await page.setContent(
          `<body style="margin:40px;background:#f5f5f5"><img alt="QR code" src="${await qrDataUrl(uri)}" style="width:200px;height:200px;image-rendering:pixelated;border:1px solid #e0e0e0"></body>`,
        );
        const img = page.getByRole('img', { name: 'QR code' });
        await img.waitFor();
        const decoded = decodeQrPng(await img.screenshot());
        expect(decoded).toBe(uri);
        const key = keyFromOtpauthUri(decoded ?? '');
        expect(key).toBe(secret);
        expect(authenticatorCode(key, 59_000, 'otplib')).toMatch(/^\d{6}$/);
      } finally {
        await browser.close();
      }
    },
  );
});
