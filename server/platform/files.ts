/**
 * The local stand-in for cloud storage: a folder. A cloudPath is a relative, '/'-separated path; anything that
 * could leave the folder ('..', absolute paths, backslashes, drive letters, symbolic links pointing out) is refused.
 * As on CloudBase with the storage rules of docs/DEPLOY.md, nothing is readable by its path alone: the host
 * serves a file only at a temporary URL that `getTempFileURL` signed, until it expires.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto'
import { createReadStream, mkdtempSync, promises as fs } from 'fs'
import type { ServerResponse } from 'http'
import { tmpdir } from 'os'
import { dirname, extname, isAbsolute, join, relative, resolve } from 'path'
import { Readable } from 'stream'

/** CloudBase limits a cloudPath to 1024 characters. */
const MAX_CLOUD_PATH = 1024

const FILE_ID = /^cloud:\/\/(local\.[^/]+)\/(.+)$/

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** The segments of a safe cloudPath, or null if it is empty, absolute or could escape the folder. */
export function cloudPathSegments(cloudPath: unknown): string[] | null {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0 || cloudPath.length > MAX_CLOUD_PATH)
    return null
  // eslint-disable-next-line no-control-regex -- control characters (NUL above all) never belong in a path
  if (/[\\\u0000-\u001f]/.test(cloudPath) || cloudPath.startsWith('/') || /^[A-Za-z]:/.test(cloudPath))
    return null
  const segments = cloudPath.split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null
  return segments
}

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/** The file a cloudPath names under `filesDir`, or null when the path is not safe. */
export function resolveCloudPath(filesDir: string, cloudPath: unknown): string | null {
  const segments = cloudPathSegments(cloudPath)
  if (!segments) return null
  const root = resolve(filesDir)
  const file = resolve(root, ...segments)
  return inside(root, file) ? file : null
}

/** True when the real location (symbolic links followed) of `path` is still under `filesDir`. */
async function staysInside(filesDir: string, path: string): Promise<boolean> {
  const root = await fs.realpath(resolve(filesDir))
  const real = await fs.realpath(path)
  return real === root || inside(root, real)
}

export function cloudPathOfFileId(fileID: unknown): string | null {
  if (typeof fileID !== 'string') return null
  const match = FILE_ID.exec(fileID)
  return match && cloudPathSegments(match[2]) ? match[2] : null
}

/** What `cloud.uploadFile` may be handed: a Buffer, bytes, a string or a readable stream (fs.ReadStream). */
export async function contentBytes(content: unknown): Promise<Buffer | null> {
  if (Buffer.isBuffer(content)) return content
  if (content instanceof Uint8Array) return Buffer.from(content)
  if (content instanceof ArrayBuffer) return Buffer.from(new Uint8Array(content))
  if (typeof content === 'string') return Buffer.from(content)
  if (content instanceof Readable) {
    const chunks: Buffer[] = []
    for await (const chunk of content)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string))
    return Buffer.concat(chunks)
  }
  return null
}

export class LocalFileStore {
  constructor(readonly filesDir: string) {}

  /** Writes a file atomically (temporary file + rename). Returns false when the path is refused. */
  async write(cloudPath: string, bytes: Buffer): Promise<boolean> {
    const file = resolveCloudPath(this.filesDir, cloudPath)
    if (!file) return false
    await fs.mkdir(resolve(this.filesDir), { recursive: true })
    // Check the deepest existing ancestor before creating folders, so a linked folder cannot lead mkdir outside.
    let existing = dirname(file)
    while (!(await fs.stat(existing).catch(() => null))) existing = dirname(existing)
    if (!(await staysInside(this.filesDir, existing))) return false
    await fs.mkdir(dirname(file), { recursive: true })
    if (!(await staysInside(this.filesDir, dirname(file)))) return false
    const stat = await fs.lstat(file).catch(() => null)
    if (stat && !stat.isFile()) return false
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    await fs.writeFile(temporary, bytes)
    await fs.rename(temporary, file)
    return true
  }

  /** The stored file's path, or null when it does not exist or is not a regular file inside the folder. */
  async locate(cloudPath: string): Promise<string | null> {
    const file = resolveCloudPath(this.filesDir, cloudPath)
    if (!file) return null
    const stat = await fs.stat(file).catch(() => null)
    if (!stat?.isFile()) return null
    return (await staysInside(this.filesDir, file)) ? file : null
  }

  async read(cloudPath: string): Promise<Buffer | null> {
    const file = await this.locate(cloudPath)
    return file ? fs.readFile(file) : null
  }

  async remove(cloudPath: string): Promise<boolean> {
    const file = await this.locate(cloudPath)
    if (!file) return false
    await fs.unlink(file)
    return true
  }
}

/** Signs temporary URLs; new for each process, so a restart ends every URL handed out, as expiry would. */
const URL_SECRET = randomBytes(32)

function urlSignature(cloudPath: string, expiresAt: number): Buffer {
  return createHmac('sha256', URL_SECRET).update(`${expiresAt}\n${cloudPath}`).digest()
}

/**
 * `<baseUrl>/local/files/<cloudPath>?expires=<ms>&sign=<hmac>` with every segment percent-encoded: what
 * `getTempFileURL` answers, good until `expiresAt` (ms since the epoch).
 */
export function localFileUrl(baseUrl: string, cloudPath: string, expiresAt: number): string {
  const encoded = cloudPath.split('/').map(encodeURIComponent).join('/')
  const sign = urlSignature(cloudPath, expiresAt).toString('hex')
  return `${baseUrl.replace(/\/+$/, '')}/local/files/${encoded}?expires=${expiresAt}&sign=${sign}`
}

/** Whether `query` holds a signature of `cloudPath` that has not expired. */
function signedFor(cloudPath: string, query: URLSearchParams): boolean {
  const expiresAt = Number(query.get('expires'))
  const sign = Buffer.from(query.get('sign') ?? '', 'hex')
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= Date.now()) return false
  const expected = urlSignature(cloudPath, expiresAt)
  return sign.length === expected.length && timingSafeEqual(sign, expected)
}

/** The path the host serves a stored file at, as `localFileUrl` builds it. */
export const LOCAL_FILES_PREFIX = '/local/files/'

function refuse(res: ServerResponse, status: 403 | 404): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(status === 403 ? 'forbidden' : 'not found')
}

/**
 * Answers GET /local/files/<cloudPath>?expires=&sign= from `filesDir`; `url` is the request's (still encoded)
 * URL. A missing, wrong or expired signature answers 403, as COS does, before the path is even looked up;
 * unsafe or unknown paths answer 404 without touching anything outside the folder.
 */
export async function serveLocalFile(filesDir: string, url: URL, res: ServerResponse): Promise<void> {
  const { pathname } = url
  let cloudPath: string | null = null
  if (pathname.startsWith(LOCAL_FILES_PREFIX)) {
    try {
      cloudPath = pathname.slice(LOCAL_FILES_PREFIX.length).split('/').map(decodeURIComponent).join('/')
    } catch {
      cloudPath = null
    }
  }
  if (cloudPath === null || !signedFor(cloudPath, url.searchParams)) return refuse(res, 403)
  const file = await new LocalFileStore(filesDir).locate(cloudPath)
  if (!file) return refuse(res, 404)
  res.writeHead(200, {
    'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  })
  createReadStream(file).pipe(res)
}

/** `<dataDir>/files`, or a fresh temporary folder when the host keeps its data in memory (`dataDir: null`). */
export function defaultFilesDir(dataDir: string | null): string {
  if (dataDir) return join(dataDir, 'files')
  return mkdtempSync(join(tmpdir(), 'jiceng-files-'))
}
