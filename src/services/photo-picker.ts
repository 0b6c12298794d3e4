import Taro from '@tarojs/taro'

import { UPLOAD_KINDS } from '../../cloudfunctions/domain/upload.rules'
import type { DeviceFile } from './cloud'
import { chooseInBrowser } from './file-picker'

/** A photo is a JPEG of at most 2 MB (the function checks the folder it was uploaded to). */
export const PHOTO_MAX_BYTES = UPLOAD_KINDS.photo.maxBytes

export interface PickedPhoto {
  /** What the page shows: the temporary path in WeChat, an object URL in the browser. */
  preview: string
  source: DeviceFile
}

export type PhotoPick = { ok: true; photo: PickedPhoto } | { ok: false; message: string | null }

const TOO_LARGE = '照片太大了，请换一张（不超过2MB）'
const WRONG_TYPE = '请选择手机拍的照片（.jpg）'

/** WeChat: the camera or the album, compressed (a JPEG). A cancel is no message. */
async function pickInWeapp(): Promise<PhotoPick> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] })
    const file = res.tempFiles[0]
    if (!file) return { ok: false, message: null }
    if (file.size > PHOTO_MAX_BYTES) return { ok: false, message: TOO_LARGE }
    if (!/\.jpe?g$/i.test(file.tempFilePath)) return { ok: false, message: WRONG_TYPE }
    return { ok: true, photo: { preview: file.tempFilePath, source: file.tempFilePath } }
  } catch {
    return { ok: false, message: null }
  }
}

async function pickInBrowser(): Promise<PhotoPick> {
  const file = await chooseInBrowser('image/jpeg')
  if (!file) return { ok: false, message: null }
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, message: TOO_LARGE }
  if (file.type !== 'image/jpeg') return { ok: false, message: WRONG_TYPE }
  return { ok: true, photo: { preview: URL.createObjectURL(file), source: file } }
}

/** Lets the person take or choose one photo; `upload('photo', …)` then puts it in cloud storage. */
export function pickPhoto(): Promise<PhotoPick> {
  return process.env.TARO_ENV === 'h5' ? pickInBrowser() : pickInWeapp()
}
