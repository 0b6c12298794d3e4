import Taro from '@tarojs/taro'

import { UPLOAD_KINDS } from '../../cloudfunctions/domain/upload.rules'
import type { DeviceFile } from './cloud'
import { chooseInBrowser } from './file-picker'

/** A photo is a JPEG (or, where PNG is taken, a PNG) of at most 2 MB (the function checks it again). */
export const PHOTO_MAX_BYTES = UPLOAD_KINDS.photo.maxBytes

/** The upload kind a photo goes as: `photo` (JPEG) or `photoPng`. */
export type PhotoKind = 'photo' | 'photoPng'

export interface PickedPhoto {
  /** What the page shows: the temporary path in WeChat, an object URL in the browser. */
  preview: string
  source: DeviceFile
  kind: PhotoKind
}

export type PhotoPick = { ok: true; photo: PickedPhoto } | { ok: false; message: string | null }

export interface PhotoOptions {
  /** Whether a PNG is taken besides a JPEG (上门服务's completion photos). */
  png?: boolean
}

const TOO_LARGE = '照片太大了，请换一张（不超过2MB）'
const wrongType = (png: boolean) => (png ? '请选择 .jpg 或 .png 照片' : '请选择手机拍的照片（.jpg）')

function kindOfName(name: string, png: boolean): PhotoKind | null {
  if (/\.jpe?g$/i.test(name)) return 'photo'
  if (png && /\.png$/i.test(name)) return 'photoPng'
  return null
}

/** WeChat: the camera or the album, compressed (a JPEG, or a PNG where taken). A cancel is no message. */
async function pickInWeapp(png: boolean): Promise<PhotoPick> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] })
    const file = res.tempFiles[0]
    if (!file) return { ok: false, message: null }
    if (file.size > PHOTO_MAX_BYTES) return { ok: false, message: TOO_LARGE }
    const kind = kindOfName(file.tempFilePath, png)
    if (!kind) return { ok: false, message: wrongType(png) }
    return { ok: true, photo: { preview: file.tempFilePath, source: file.tempFilePath, kind } }
  } catch {
    return { ok: false, message: null }
  }
}

async function pickInBrowser(png: boolean): Promise<PhotoPick> {
  const file = await chooseInBrowser(png ? 'image/jpeg,image/png' : 'image/jpeg')
  if (!file) return { ok: false, message: null }
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, message: TOO_LARGE }
  const kind = file.type === 'image/jpeg' ? 'photo' : png && file.type === 'image/png' ? 'photoPng' : null
  if (!kind) return { ok: false, message: wrongType(png) }
  return { ok: true, photo: { preview: URL.createObjectURL(file), source: file, kind } }
}

/** Lets the person take or choose one photo; `upload(photo.kind, …)` then puts it in cloud storage. */
export function pickPhoto(options: PhotoOptions = {}): Promise<PhotoPick> {
  const png = options.png ?? false
  return process.env.TARO_ENV === 'h5' ? pickInBrowser(png) : pickInWeapp(png)
}
