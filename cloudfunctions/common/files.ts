/**
 * Files between people and functions, through cloud storage (never inside a call):
 * - `prepareUpload`: the path a caller uploads to (their own folder, see storage-paths.ts);
 * - `readUpload`: the bytes of a fileID the caller uploaded, checked for owner, existence, size and type;
 * - `writeExport`: a file written for the caller, answered as a temporary URL.
 * Storage rules keep every file unreadable from the app (docs/DEPLOY.md): a file is read through a function, or
 * through the temporary URL a function handed out.
 */
import type { ExportedFile, UploadTicket } from '../contract/files.contract'
import { looksLike, UPLOAD_KINDS, type UploadKind } from '../domain/upload.rules'
import { AppError } from './app-error'
import { cloud } from './cloud'
import { cloudPathOfFileID, isUploadOf, newExportPath, newKeptPath, newUploadPath } from './storage-paths'

/** wx-server-sdk's errCode for a fileID with no file behind it (TCB_ERR_CODE.STORAGE_FILE_NONEXIST). */
const STORAGE_FILE_NONEXIST = -503003

/** How long an export's temporary URL works: long enough to download on a slow line, short enough not to linger. */
export const EXPORT_URL_SECONDS = 10 * 60

export function prepareUpload(ctx: { openid: string }, kind: UploadKind): UploadTicket {
  return { cloudPath: newUploadPath(ctx.openid, kind), maxBytes: UPLOAD_KINDS[kind].maxBytes }
}

function errCodeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { errCode?: unknown }).errCode : undefined
}

/**
 * The bytes of an upload the caller made for this kind of file. A fileID outside the caller's upload folder is
 * refused before anything is read (FILE.FORBIDDEN), so passing someone else's fileID reveals nothing, not even
 * whether it exists. An upload is read once: it is removed from storage as soon as it has been read, whatever
 * the import then makes of it (a roster holds phone numbers), and the app uploads again for another try.
 */
export async function readUpload(ctx: { openid: string }, fileID: string, kind: UploadKind): Promise<Buffer> {
  const cloudPath = cloudPathOfFileID(fileID)
  if (!cloudPath || !isUploadOf(ctx.openid, cloudPath, kind)) throw new AppError('FILE.FORBIDDEN')
  let bytes: Buffer
  try {
    bytes = (await cloud.downloadFile({ fileID })).fileContent
  } catch (error) {
    if (errCodeOf(error) === STORAGE_FILE_NONEXIST) throw new AppError('FILE.NOT_FOUND')
    throw error
  }
  await cloud.deleteFile({ fileList: [fileID] }).catch((error: unknown) => {
    console.error('[files] could not remove a read upload', fileID, error)
  })
  const spec = UPLOAD_KINDS[kind]
  if (bytes.length > spec.maxBytes) throw new AppError('FILE.TOO_LARGE', { limit: spec.sizeText })
  if (!looksLike(kind, bytes)) throw new AppError('FILE.WRONG_TYPE', { type: spec.label })
  return bytes
}

/** Writes `bytes` to the caller's export folder and answers a temporary URL to it, valid EXPORT_URL_SECONDS. */
export async function writeExport(
  ctx: { openid: string; now: number },
  file: { fileName: string; ext: string; bytes: Buffer },
): Promise<ExportedFile> {
  const { fileID } = await cloud.uploadFile({
    cloudPath: newExportPath(ctx.openid, file.ext),
    fileContent: file.bytes,
  })
  const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: EXPORT_URL_SECONDS }] })
  const url = fileList[0]?.tempFileURL
  if (!url) throw new Error(`no temporary URL for the export ${fileID}`)
  return { fileName: file.fileName, url, expiresAt: ctx.now + EXPORT_URL_SECONDS * 1000 }
}

/**
 * Keeps `bytes` in storage for good at `<folder>/<uuid>.<ext>` (a signature image), readable only through a
 * function; answers its fileID.
 */
export async function keepFile(folder: string, ext: string, bytes: Buffer): Promise<string> {
  const { fileID } = await cloud.uploadFile({ cloudPath: newKeptPath(folder, ext), fileContent: bytes })
  return fileID
}

/** The bytes of a kept file, or null when it is gone. */
export async function readKeptFile(fileID: string): Promise<Buffer | null> {
  try {
    return (await cloud.downloadFile({ fileID })).fileContent
  } catch (error) {
    if (errCodeOf(error) === STORAGE_FILE_NONEXIST) return null
    throw error
  }
}

/** A temporary URL to a kept file, valid EXPORT_URL_SECONDS (empty when the file is gone). */
export async function keptFileUrl(fileID: string): Promise<string> {
  const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: EXPORT_URL_SECONDS }] })
  return fileList[0]?.tempFileURL ?? ''
}

/** Removes a kept file that turned out not to be needed (a signing that lost its race). */
export async function dropKeptFile(fileID: string): Promise<void> {
  await cloud.deleteFile({ fileList: [fileID] }).catch((error: unknown) => {
    console.error('[files] could not remove a kept file', fileID, error)
  })
}
