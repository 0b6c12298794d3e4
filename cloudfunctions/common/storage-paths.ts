/**
 * Where files live in cloud storage, and whose they are. Pure (node:crypto only), so the local host's storage
 * stand-in applies the same folders as the functions.
 *
 * - `uploads/<owner>/<uuid>.<ext>`: what a person uploaded for a function to read. The function hands out the
 *   path (account `upload/prepare`) and later reads a fileID only if it lies in the caller's own folder, so a
 *   fileID of someone else's file is refused before it is read.
 * - `exports/<owner>/<uuid>.<ext>`: files a function wrote for a person, reached through a temporary URL.
 *
 * `<owner>` is derived from the OPENID (a hash, so paths and URLs do not carry the OPENID itself); it is always
 * the caller's, as the server knows it, never a value from the request.
 */
import { createHash, randomUUID } from 'node:crypto'

import { UPLOAD_KINDS, type UploadKind } from '../domain/upload.rules'

export const UPLOADS_ROOT = 'uploads'
export const EXPORTS_ROOT = 'exports'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/** The caller's folder name: 32 hex characters of SHA-256 over the OPENID. */
export function ownerFolder(openid: string): string {
  return createHash('sha256').update(`jiceng-storage:${openid}`).digest('hex').slice(0, 32)
}

/** `uploads/<owner>/`: where this caller may put files for the functions to read. */
export function uploadFolder(openid: string): string {
  return `${UPLOADS_ROOT}/${ownerFolder(openid)}/`
}

export function newUploadPath(openid: string, kind: UploadKind): string {
  return `${uploadFolder(openid)}${randomUUID()}.${UPLOAD_KINDS[kind].ext}`
}

export function newExportPath(openid: string, ext: string): string {
  return `${EXPORTS_ROOT}/${ownerFolder(openid)}/${randomUUID()}.${ext}`
}

/** `<folder>/<uuid>.<ext>`: a file a function keeps for good (a signature image), never an upload folder. */
export function newKeptPath(folder: string, ext: string): string {
  return `${folder}/${randomUUID()}.${ext}`
}

/** Whether `cloudPath` is exactly a path `newUploadPath(openid, kind)` could have given. */
export function isUploadOf(openid: string, cloudPath: string, kind: UploadKind): boolean {
  const pattern = new RegExp(`^${UPLOADS_ROOT}/${ownerFolder(openid)}/${UUID}\\.${UPLOAD_KINDS[kind].ext}$`)
  return pattern.test(cloudPath)
}

/**
 * The cloudPath a fileID names, or null: `cloud://<env>.<bucket>/<cloudPath>` on CloudBase,
 * `cloud://local.<env>/<cloudPath>` from the local stand-in.
 */
export function cloudPathOfFileID(fileID: string): string | null {
  const match = /^cloud:\/\/[^/\s]+\/(\S+)$/.exec(fileID)
  return match ? match[1] : null
}
