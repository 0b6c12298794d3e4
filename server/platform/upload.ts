/**
 * POST /local/upload?cloudPath=<path>: what `wx.cloud.uploadFile` does from the phone, for the H5 build. The
 * body is the file's bytes; the answer is `{ fileID }`, or the usual failure envelope.
 *
 * The local storage rule, in the spirit of docs/DEPLOY.md's: a signed-in caller writes new files only, and only
 * in their own upload folder (`uploads/<owner>/`, cloudfunctions/common/storage-paths.ts). The functions check
 * the folder again when they read a fileID, which is what keeps one person's upload from another's import.
 */
import type { IncomingMessage, ServerResponse } from 'http'

import { uploadFolder } from '../../cloudfunctions/common/storage-paths'
import { type ErrorCode, formatMessage } from '../../cloudfunctions/contract/errors'
import { cloudPathSegments, LocalFileStore } from './files'
import { envOf, localFileId } from './storage'

export const LOCAL_UPLOAD_PATH = '/local/upload'

/** Larger bodies are refused unread; the functions hold each kind of file to its own, smaller limit. */
export const LOCAL_UPLOAD_MAX_BYTES = 10 * 1024 * 1024

export interface UploadRequest {
  filesDir: string
  /** The caller, from the demo sign-in token; null when not signed in. */
  openid: string | null
  cloudPath: string | null
}

function answer(res: ServerResponse, status: number, body: unknown, close = false): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    // A refused body is left unread: closing the connection keeps it from being read as the next request.
    ...(close ? { connection: 'close' } : {}),
  })
  res.end(JSON.stringify(body))
}

function failure(res: ServerResponse, status: number, code: ErrorCode, close = false): void {
  answer(res, status, { ok: false, code, message: formatMessage(code) }, close)
}

/** The body, or null as soon as it grows past `max` bytes. */
async function readAtMost(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > max) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

export async function acceptLocalUpload(
  req: IncomingMessage,
  res: ServerResponse,
  upload: UploadRequest,
): Promise<void> {
  const { openid, cloudPath } = upload
  if (!openid) return failure(res, 401, 'COMMON.UNAUTHENTICATED', true)
  if (!cloudPath || !cloudPathSegments(cloudPath)) return failure(res, 400, 'COMMON.BAD_REQUEST', true)
  if (!cloudPath.startsWith(uploadFolder(openid))) return failure(res, 403, 'COMMON.FORBIDDEN', true)
  const store = new LocalFileStore(upload.filesDir)
  if (await store.locate(cloudPath)) return failure(res, 403, 'COMMON.FORBIDDEN', true)
  if (Number(req.headers['content-length'] ?? 0) > LOCAL_UPLOAD_MAX_BYTES)
    return failure(res, 413, 'COMMON.TOO_LARGE', true)
  const bytes = await readAtMost(req, LOCAL_UPLOAD_MAX_BYTES)
  if (!bytes) return failure(res, 413, 'COMMON.TOO_LARGE', true)
  if (!(await store.write(cloudPath, bytes))) return failure(res, 400, 'COMMON.BAD_REQUEST')
  answer(res, 200, { fileID: localFileId(envOf(undefined), cloudPath) })
}
