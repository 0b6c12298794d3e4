import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'

import { formatMessage } from '../cloudfunctions/contract/errors'
import { startLocalBackend } from './backend'
import type { LocalDatabase } from './db/local-database'
import { acceptLocalUpload, LOCAL_FILES_PREFIX, LOCAL_UPLOAD_PATH, serveLocalFile } from './platform'
import type { FunctionRuntime } from './runtime'
import type { Persona } from './seed'
import { SessionSigner } from './sessions'
import { bundledTriggers, scheduleTimers } from './timers'

export interface HostOptions {
  port: number
  host?: string
  /** Folder of the durable store; null keeps everything in memory (tests). */
  dataDir: string | null
  functionsDir: string
  /** The H5 build to serve; absent in function-only tests. */
  h5Dir?: string
  seed?: boolean
  /** See BackendOptions.history. */
  history?: boolean
  /** Runs the functions' timer triggers on their cron (server/timers.ts); on unless false. */
  timers?: boolean
}

export interface RunningHost {
  url: string
  runtime: FunctionRuntime
  database: LocalDatabase
  personas: Persona[]
  close(): Promise<void>
}

/**
 * Calls above this are refused before parsing. Functions take at most 64 K characters (files go through storage,
 * POST /local/upload); as UTF-8, 64 K Chinese characters are 192 KB.
 */
export const MAX_BODY_BYTES = 256 * 1024
/** How much of a refused body the host reads and drops to keep the connection usable (see readBody). */
export const MAX_DRAIN_BYTES = 8 * MAX_BODY_BYTES

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function failure(
  code:
    | 'COMMON.BAD_REQUEST'
    | 'COMMON.TOO_LARGE'
    | 'COMMON.UNKNOWN_ACTION'
    | 'COMMON.INTERNAL'
    | 'COMMON.TIMER_ONLY',
) {
  return { ok: false, code, message: formatMessage(code) }
}

/**
 * The request body as text, or null when it passes MAX_BODY_BYTES: the caller answers 413.
 *
 * A refused body is still read to its end and dropped. A client sends the next request on the same keep-alive
 * connection right after this one's body, so a host that stops reading mid-body leaves that request stuck behind
 * bytes nobody reads, and the app's next call hangs. Past MAX_DRAIN_BYTES reading on is not worth it: the answer
 * then closes the connection, and the client opens a new one.
 */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_DRAIN_BYTES) {
      closeAfterAnswer(req, res)
      return null
    }
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer)
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')
}

/** Tells the client this connection ends with the answer, and ends it even though the body was not read out. */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket
  res.setHeader('connection', 'close')
  res.on('finish', () => socket.destroySoon())
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined
}

function serveStatic(h5Dir: string, pathname: string, res: ServerResponse): void {
  const root = resolve(h5Dir)
  let file = resolve(join(root, normalize(decodeURIComponent(pathname))))
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
    file = join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('H5 尚未构建：请先运行 npm run build:h5')
    return
  }
  const html = file.endsWith('.html')
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': html ? 'no-cache' : 'public, max-age=31536000, immutable',
  })
  createReadStream(file).pipe(res)
}

/**
 * The local host: serves the H5 build, runs the bundled cloud functions on the real SDK over
 * the embedded store at POST /fn/<name>, and offers the demo sign-in that stands in for WeChat.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const backend = await startLocalBackend(options)
  const { database, runtime, personas, filesDir } = backend
  const sessions = SessionSigner.forDataDir(options.dataDir)
  const schedule =
    options.timers === false
      ? null
      : scheduleTimers(
          runtime,
          bundledTriggers(options.functionsDir, runtime.names()),
          ({ fn, trigger, result }) => {
            const outcome = result as { ok?: unknown } | null
            if (outcome?.ok !== true) console.warn(`[timer] ${fn} ${trigger} failed`, result)
          },
        )

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://local')
    const fn = /^\/fn\/([^/]+)$/.exec(url.pathname)
    if (fn && req.method === 'POST') {
      if (!runtime.has(fn[1])) return sendJson(res, 404, failure('COMMON.UNKNOWN_ACTION'))
      const body = await readBody(req, res)
      if (body === null) return sendJson(res, 413, failure('COMMON.TOO_LARGE'))
      let event: unknown
      try {
        event = JSON.parse(body)
      } catch {
        return sendJson(res, 400, failure('COMMON.BAD_REQUEST'))
      }
      // Only the scheduler fires timers; over HTTP a timer event is refused whoever sends it.
      if ((event as { Type?: unknown } | null)?.Type === 'Timer')
        return sendJson(res, 403, failure('COMMON.TIMER_ONLY'))
      const result = await runtime.invoke(fn[1], event, { openid: sessions.verify(bearer(req)) })
      return sendJson(res, 200, result)
    }
    if (url.pathname === '/local/personas' && req.method === 'GET') return sendJson(res, 200, { personas })
    if (url.pathname === '/local/login' && req.method === 'POST') {
      const body = await readBody(req, res)
      if (body === null) return sendJson(res, 413, failure('COMMON.TOO_LARGE'))
      let openid: string | null = null
      try {
        const parsed = JSON.parse(body) as { openid?: unknown; fresh?: unknown }
        if (parsed.fresh === true)
          openid = `demo-new-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
        else if (personas.some((p) => p.openid === parsed.openid)) openid = parsed.openid as string
      } catch {
        openid = null
      }
      if (!openid) return sendJson(res, 400, failure('COMMON.BAD_REQUEST'))
      return sendJson(res, 200, { token: sessions.issue(openid), openid })
    }
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true })
    if (url.pathname.startsWith(LOCAL_FILES_PREFIX) && (req.method === 'GET' || req.method === 'HEAD'))
      return serveLocalFile(filesDir, url, res)
    if (url.pathname === LOCAL_UPLOAD_PATH && req.method === 'POST') {
      const openid = sessions.verify(bearer(req))
      return acceptLocalUpload(req, res, { filesDir, openid, cloudPath: url.searchParams.get('cloudPath') })
    }
    if (options.h5Dir && (req.method === 'GET' || req.method === 'HEAD'))
      return serveStatic(options.h5Dir, url.pathname, res)
    return sendJson(res, 404, failure('COMMON.UNKNOWN_ACTION'))
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[host]', error)
      if (!res.headersSent) sendJson(res, 500, failure('COMMON.INTERNAL'))
      else res.end()
    })
  })
  // An idle connection is closed by the client, not by the host: a client reuses a kept-alive connection until
  // its own idle timeout (fetch: the host's hint less 1 s), so with Node's 5 s default a client whose timer ran
  // late on a busy machine sent a request on a connection the host was closing ("other side closed").
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  await new Promise<void>((ready) => server.listen(options.port, options.host ?? '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`
  backend.setPublicUrl(url)
  return {
    url,
    runtime,
    database,
    personas,
    close: async () => {
      schedule?.stop()
      await new Promise<void>((done) => server.close(() => done()))
      await backend.close()
    },
  }
}
