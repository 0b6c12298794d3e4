/**
 * Files a person hands to a function go through cloud storage, never inside a call (WeChat advises storage above
 * 100 KB). Each kind of upload says what it may be: its extension, its largest size, and how its first bytes
 * look, so a renamed file is refused before any parser sees it. Shared with the app, which checks the name and
 * the size before uploading; the function checks again on what it reads.
 */
export const UPLOAD_KINDS = {
  /** An Excel workbook: roster and question-bank imports. .xlsx is a zip archive ("PK\x03\x04"). */
  xlsx: {
    ext: 'xlsx',
    label: '.xlsx',
    maxBytes: 1024 * 1024,
    sizeText: '1MB',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  /** A hand-signed signature exported by the signature pad (at most 1365 × 1365 px). */
  png: {
    ext: 'png',
    label: 'PNG 图片',
    maxBytes: 512 * 1024,
    sizeText: '512KB',
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  /** A photo (上门服务: the resident's request, the member's completion): a JPEG, as the phone's camera saves it. */
  photo: {
    ext: 'jpg',
    label: '.jpg 照片',
    maxBytes: 2 * 1024 * 1024,
    sizeText: '2MB',
    magic: [0xff, 0xd8, 0xff],
  },
  /** A photo saved as PNG (a screenshot, an album picture): 上门服务's completion photos take it besides a JPEG. */
  photoPng: {
    ext: 'png',
    label: 'PNG 照片',
    maxBytes: 2 * 1024 * 1024,
    sizeText: '2MB',
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
} as const

export type UploadKind = keyof typeof UPLOAD_KINDS

export const UPLOAD_KIND_NAMES = Object.keys(UPLOAD_KINDS) as [UploadKind, ...UploadKind[]]

/** Whether `bytes` start the way a file of this kind does. */
export function looksLike(kind: UploadKind, bytes: Uint8Array): boolean {
  const { magic } = UPLOAD_KINDS[kind]
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)
}

/** Whether a file name has the kind's extension (case aside). */
export function hasExtension(kind: UploadKind, name: string): boolean {
  return name.toLowerCase().endsWith(`.${UPLOAD_KINDS[kind].ext}`)
}
