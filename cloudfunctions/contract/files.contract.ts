import * as z from 'zod'

import { UPLOAD_KIND_NAMES } from '../domain/upload.rules'

export type { UploadKind } from '../domain/upload.rules'

/** A file in cloud storage, as `wx.cloud.uploadFile` answers it (`cloud://<env>.<bucket>/<path>`). */
export const fileID = z
  .string({ error: '文件编号应为文字' })
  .trim()
  .min(1, '请先选择文件')
  .max(512, '文件编号过长')
  .regex(/^cloud:\/\/\S+$/, '文件编号不正确')

export const uploadKind = z.enum(UPLOAD_KIND_NAMES, { error: '文件类型不正确' })

/** Where the app uploads a file for a function to read, and how large it may be. */
export interface UploadTicket {
  cloudPath: string
  maxBytes: number
}

/** A file a function wrote for the caller: download it from `url` before `expiresAt` (ms), save it as `fileName`. */
export interface ExportedFile {
  fileName: string
  url: string
  expiresAt: number
}
