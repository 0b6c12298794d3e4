import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** What a phone's scanner reads from a PNG QR image, or null when it reads nothing. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null
}
