import QRCode from 'qrcode'

export interface QrPngOptions {
  /** Side of the image in pixels. */
  width: number
  /** Dark modules, `#rrggbbaa`; black when absent. */
  dark?: string
  /** Background, `#rrggbbaa`; opaque white when absent (`#ffffff00` for a transparent poster code). */
  light?: string
}

/**
 * pngjs's packer options. @types/qrcode lists only the deflate ones, though qrcode passes the object on whole; a
 * fresh object per image, because qrcode writes the image's size into it.
 */
function pngOptions(): { deflateStrategy: number; filterType: number } {
  return { filterType: 2, deflateStrategy: 0 }
}

/**
 * A QR code as PNG bytes: the check-in code a secretary shows and the local stand-in for WeChat's poster code.
 *
 * pngjs, left to itself, tries all five PNG row filters on every row and keeps the cheapest, calling `Math.abs` for
 * every byte of every candidate. Inside jest's module sandbox a global lookup per byte is about 200× slower than in
 * plain node, so one image took 0.7–2.8 s there and the tests that draw codes ran near their timeout. A QR image is
 * module-high stripes of identical rows, so the Up filter alone turns all but the first row of each stripe into
 * zeros, and zlib's default strategy (not pngjs's run-length one, which cannot see the 4-byte RGBA period) then
 * packs it smaller than the automatic choice did. The RGBA colour type stays: converting to grayscale makes pngjs
 * call `Math.round` per pixel, the same cost again.
 */
export function qrPng(text: string, options: QrPngOptions): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    width: options.width,
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: options.dark ?? '#000000ff', light: options.light ?? '#ffffffff' },
    rendererOpts: pngOptions(),
  })
}
