/**
 * Pledges (PRODUCT.md §2): the four kinds the source document counts, and the limits of a template. Pure and free
 * of node modules, so the app words its pages from the same rules.
 */
export const PLEDGE_KINDS = {
  integrity: '廉政承诺书',
  responsibility: '党风廉政建设责任书',
  duties: '岗位职责清单承诺书',
  negative: '负面清单承诺书',
} as const

export type PledgeKind = keyof typeof PLEDGE_KINDS
export const PLEDGE_KIND_KEYS = Object.keys(PLEDGE_KINDS) as [PledgeKind, ...PledgeKind[]]

export const PLEDGE_TITLE_MAX = 40
export const PLEDGE_BODY_MAX = 6000
/** A signature image: a PNG no larger than this, no wider or taller than WeChat's canvas. */
export const SIGNATURE_PNG_MAX_BYTES = 512 * 1024

/** The confirmation the member ticks before signing; it is stored with the signing. */
export const PLEDGE_CONFIRMATION = '本人已阅读并承诺遵守'

/** `<templateId>_v<version>`: one document per version, never changed once stored. */
export function templateVersionId(templateId: string, version: number): string {
  return `${templateId}_v${version}`
}

/** Whether a pledge is past its deadline unsigned. */
export function isOverdue(status: 'pending' | 'signed', deadline: number, now: number): boolean {
  return status === 'pending' && now > deadline
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** A PNG's width and height from its header (IHDR), or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || !PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return null
  const ihdr = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15])
  if (ihdr !== 'IHDR') return null
  const read = (at: number) =>
    ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) + bytes[at + 3]
  return { width: read(16), height: read(20) }
}
