/**
 * Local replacements for what CloudBase provides besides the database, at the SDK's own seam.
 *
 * wx-server-sdk hands every openapi and storage call to an instance of @cloudbase/node-sdk's `CloudBase` class
 * (`config.instance` in wx-server-sdk src/api/cloud/provider/tcb/api/*.ts). Those instance methods are where a
 * request would leave the process, so they are replaced on that class's prototype (the copy wx-server-sdk
 * resolves, see sdk-seam.ts); function code calls the ordinary SDK API unchanged:
 * - `callCompatibleWxOpenApi` (all of `cloud.openapi.*`): wxacode.getUnlimited draws a QR code with `qrcode`,
 *   subscribeMessage.send appends to the `outbox` collection; any other API answers "not available locally";
 * - `uploadFile` / `getTempFileURL` / `downloadFile` / `deleteFile`: a folder, served by the host at
 *   GET /local/files/<cloudPath> behind the signature of a temporary URL; the H5 app uploads at
 *   POST /local/upload (upload.ts), into the caller's own folder only;
 * - the other network-bound openapi/storage methods answer "not available locally" instead of trying the network.
 */
import type { LocalDatabase } from '../db/local-database'
import { answerOpenApi, notAvailable, type OpenApiContext } from './openapi'
import { type CloudBasePrototype, cloudBasePrototype } from './sdk-seam'
import { deleteFile, downloadFile, envOf, getTempFileURL, type StorageContext, uploadFile } from './storage'

export { defaultFilesDir, LOCAL_FILES_PREFIX, localFileUrl, serveLocalFile } from './files'
export { OUTBOX_COLLECTION, type OutboxMessage, qrText, SCENE_MAX_LENGTH } from './openapi'
export { acceptLocalUpload, LOCAL_UPLOAD_MAX_BYTES, LOCAL_UPLOAD_PATH } from './upload'

export interface LocalPlatformOptions {
  /** Folder that stands in for cloud storage. */
  filesDir: string
  /** The host's public address (e.g. http://127.0.0.1:8080), '' when unknown; read at each call. */
  baseUrl: () => string
  database: LocalDatabase
  /** Pages of the mini program, when known: getUnlimited with `checkPath` (the default) refuses others. */
  pages?: () => readonly string[]
}

let current: LocalPlatformOptions | null = null
let saved: Map<string, PropertyDescriptor | undefined> | null = null
let patchedPrototype: CloudBasePrototype | null = null

function options(): LocalPlatformOptions {
  if (!current) throw new Error('the local platform is not installed')
  return current
}

function openApiContext(): OpenApiContext {
  const { baseUrl, database, pages } = options()
  return { baseUrl, database, pages }
}

function storageContext(): StorageContext {
  const { filesDir, baseUrl } = options()
  return { filesDir, baseUrl }
}

type Method = (this: unknown, ...args: never[]) => Promise<unknown>

function unavailable(what: string): Method {
  return async () => notAvailable(what)
}

/** The replaced CloudBase instance methods, by name (node-sdk dist/cloudbase.js). */
const REPLACEMENTS: Record<string, Method> = {
  callCompatibleWxOpenApi(options: { apiName?: unknown; requestData?: unknown }) {
    return answerOpenApi(openApiContext(), options ?? {})
  },
  async uploadFile(
    params: { cloudPath?: unknown; fileContent?: unknown },
    opts?: { onResponseReceived?: (response: { statusCode: number }) => void },
  ) {
    return uploadFile(storageContext(), envOf(this), params ?? {}, opts)
  },
  async getTempFileURL(params: { fileList?: unknown }) {
    return getTempFileURL(storageContext(), params ?? {})
  },
  async downloadFile(params: { fileID?: unknown; tempFilePath?: unknown }) {
    return downloadFile(storageContext(), params ?? {})
  },
  async deleteFile(params: { fileList?: unknown }) {
    return deleteFile(storageContext(), params ?? {})
  },
  callWxOpenApi: unavailable('cloud.callOpenAPI (callWxOpenApi)'),
  callWxPayApi: unavailable('cloudPay (callWxPayApi)'),
  wxCallContainerApi: unavailable('callContainer (wxCallContainerApi)'),
  getUploadMetadata: unavailable('getUploadMetadata'),
  getFileAuthority: unavailable('getFileAuthority'),
}

/** Replaces the SDK's openapi and storage transport; calling it again only updates the options. */
export function installLocalPlatform(opts: LocalPlatformOptions): void {
  current = opts
  if (saved) return
  const proto = cloudBasePrototype()
  const previous = new Map<string, PropertyDescriptor | undefined>()
  for (const name of Object.keys(REPLACEMENTS)) {
    if (typeof proto[name] !== 'function') {
      throw new Error(`@cloudbase/node-sdk CloudBase has no ${name} method: the pinned SDK layout changed`)
    }
  }
  for (const [name, method] of Object.entries(REPLACEMENTS)) {
    previous.set(name, Object.getOwnPropertyDescriptor(proto, name))
    Object.defineProperty(proto, name, {
      value: method,
      writable: true,
      configurable: true,
      enumerable: false,
    })
  }
  saved = previous
  patchedPrototype = proto
}

/** Restores node-sdk's own methods. */
export function uninstallLocalPlatform(): void {
  current = null
  if (!saved || !patchedPrototype) return
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(patchedPrototype, name, descriptor)
    else delete patchedPrototype[name]
  }
  saved = null
  patchedPrototype = null
}
