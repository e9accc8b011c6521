/**
 * QR codes made at build time as inline SVG (≈ 2 KB), for a phone to scan from a screen: the one
 * home of that drawing for the pages (the share images draw theirs on a canvas,
 * scripts/lib/draw-share-image.ts). A feed's landing page and every listing that offers the feed
 * show the same code, so each address is encoded once per build: at 100,000 events that is ≈ 7,000
 * codes instead of ≈ 14,000, ≈ 1 ms each of the page build (bench/README.md).
 */
import QRCode from 'qrcode';

const made = new Map<string, Promise<string>>();

/** The QR code of `url`, 132 px square, announced to screen readers as `label`. */
export async function qrSvg(url: string, label: string): Promise<string> {
  let svg = made.get(url);
  if (!svg) made.set(url, (svg = QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })));
  return (await svg).replace('<svg ', `<svg role="img" aria-label="${label.replace(/[&<>"]/g, '')}" width="132" height="132" `);
}
