// Reads a QR code from a PNG (a screenshot of the 2FA wizard's QR) with pure-JavaScript decoders,
// so the Electron suite scans the code the same way on Windows, where no zbarimg exists.
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS with an ES-style `export default` in its types: under NodeNext the default
// import is its module.exports, which also carries the decoder as `.default`.
const jsQR = jsQRModule.default;

/** The text of the QR code in a PNG image, or null when the image holds no readable code. */
export function decodeQrPng(png: Buffer): string | null {
  // pngjs always hands back 8-bit RGBA, the layout jsQR reads.
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height)?.data ?? null;
}
