/**
 * Stand-ins for node-sdk's storage methods (`CloudBase#uploadFile`, `getTempFileURL`, `downloadFile`, `deleteFile`),
 * answering in the shapes @cloudbase/node-sdk/lib/storage/index.js returns, which wx-server-sdk's provider
 * (src/api/cloud/provider/tcb/api/*.ts) then turns into its usual results and errors.
 */
import { promises as fs } from 'fs'

import { cloudPathOfFileId, contentBytes, LocalFileStore, localFileUrl } from './files'
import { localRequestId, type TcbErrorBody } from './openapi'

export interface StorageContext {
  filesDir: string
  baseUrl: () => string
}

function failure(code: 'INVALID_PARAM' | 'STORAGE_FILE_NONEXIST', message: string): TcbErrorBody {
  return { code, message, requestId: localRequestId() }
}

/** The environment a CloudBase instance talks to; `DYNAMIC_CURRENT_ENV` (a symbol) means the function's own. */
export function envOf(instance: unknown): string {
  const config = (instance as { config?: { envName?: unknown } } | undefined)?.config
  const envName = config?.envName
  if (typeof envName === 'string' && envName !== '') return envName
  return process.env.TCB_ENV || process.env.SCF_NAMESPACE || 'local'
}

export function localFileId(env: string, cloudPath: string): string {
  return `cloud://local.${env}/${cloudPath}`
}

export async function uploadFile(
  ctx: StorageContext,
  env: string,
  params: { cloudPath?: unknown; fileContent?: unknown },
  opts?: { onResponseReceived?: (response: { statusCode: number }) => void },
): Promise<{ fileID: string; requestId: string } | TcbErrorBody> {
  const { cloudPath } = params
  if (typeof cloudPath !== 'string') return failure('INVALID_PARAM', 'cloudPath must be a string')
  const bytes = await contentBytes(params.fileContent)
  if (!bytes) return failure('INVALID_PARAM', 'fileContent must be a Buffer, a string or a readable stream')
  const written = await new LocalFileStore(ctx.filesDir).write(cloudPath, bytes)
  if (!written) {
    return failure(
      'INVALID_PARAM',
      `cloudPath "${cloudPath}" refused: use a relative path without "..", "." or empty segments`,
    )
  }
  opts?.onResponseReceived?.({ statusCode: 200 })
  return { fileID: localFileId(env, cloudPath), requestId: localRequestId() }
}

type FileListEntry = string | { fileID?: unknown; maxAge?: unknown }

/** CloudBase's default life of a temporary URL to a private file: a day. */
const DEFAULT_MAX_AGE_SECONDS = 24 * 60 * 60

function lifeSeconds(maxAge: unknown): number {
  return typeof maxAge === 'number' && Number.isFinite(maxAge) && maxAge > 0
    ? maxAge
    : DEFAULT_MAX_AGE_SECONDS
}

interface TempFileUrl {
  fileID: unknown
  tempFileURL: string
  maxAge?: unknown
  code: string
}

export async function getTempFileURL(
  ctx: StorageContext,
  params: { fileList?: unknown },
): Promise<{ fileList: TempFileUrl[]; requestId: string } | TcbErrorBody> {
  const { fileList } = params
  if (!Array.isArray(fileList)) return failure('INVALID_PARAM', 'fileList必须是非空的数组')
  const store = new LocalFileStore(ctx.filesDir)
  const answers: TempFileUrl[] = []
  for (const entry of fileList as FileListEntry[]) {
    if (typeof entry === 'object' && entry !== null) {
      if (!('fileID' in entry) || !('maxAge' in entry)) {
        return failure('INVALID_PARAM', 'fileList的元素如果是对象，必须是包含fileID和maxAge的对象')
      }
    } else if (typeof entry !== 'string') {
      return failure('INVALID_PARAM', 'fileList的元素如果不是对象，则必须是字符串')
    }
    const fileID = typeof entry === 'string' ? entry : entry.fileID
    const maxAge = typeof entry === 'string' ? undefined : entry.maxAge
    const cloudPath = cloudPathOfFileId(fileID)
    if (cloudPath && (await store.locate(cloudPath))) {
      const expiresAt = Date.now() + Math.round(lifeSeconds(maxAge) * 1000)
      answers.push({
        fileID,
        tempFileURL: localFileUrl(ctx.baseUrl(), cloudPath, expiresAt),
        maxAge,
        code: 'SUCCESS',
      })
    } else {
      answers.push({ fileID, tempFileURL: '', maxAge, code: 'STORAGE_FILE_NONEXIST' })
    }
  }
  return { fileList: answers, requestId: localRequestId() }
}

export async function downloadFile(
  ctx: StorageContext,
  params: { fileID?: unknown; tempFilePath?: unknown },
): Promise<{ fileContent: Buffer | undefined; message: string } | TcbErrorBody> {
  const cloudPath = cloudPathOfFileId(params.fileID)
  const bytes = cloudPath ? await new LocalFileStore(ctx.filesDir).read(cloudPath) : null
  if (!bytes) return failure('STORAGE_FILE_NONEXIST', `file ${String(params.fileID)} does not exist`)
  if (typeof params.tempFilePath === 'string' && params.tempFilePath !== '') {
    await fs.writeFile(params.tempFilePath, bytes)
    return { fileContent: undefined, message: '文件下载完成' }
  }
  return { fileContent: bytes, message: '文件下载完成' }
}

export async function deleteFile(
  ctx: StorageContext,
  params: { fileList?: unknown },
): Promise<{ fileList: { fileID: string; code: string }[]; requestId: string } | TcbErrorBody> {
  const { fileList } = params
  if (!Array.isArray(fileList)) return failure('INVALID_PARAM', 'fileList必须是非空的数组')
  if (fileList.some((f) => typeof f !== 'string' || f === '')) {
    return failure('INVALID_PARAM', 'fileList的元素必须是非空的字符串')
  }
  const store = new LocalFileStore(ctx.filesDir)
  const answers: { fileID: string; code: string }[] = []
  for (const fileID of fileList as string[]) {
    const cloudPath = cloudPathOfFileId(fileID)
    const removed = cloudPath ? await store.remove(cloudPath) : false
    answers.push({ fileID, code: removed ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' })
  }
  return { fileList: answers, requestId: localRequestId() }
}
