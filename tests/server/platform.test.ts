/**
 * The local replacements for CloudBase's openapi and storage, exercised through the real wx-server-sdk: function
 * code calls `cloud.openapi.*` / `cloud.uploadFile` etc. unchanged and gets the SDK's own result and error shapes.
 */
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'fs'
import { createServer, type Server } from 'http'
import type { AddressInfo } from 'net'
import { tmpdir } from 'os'
import { join } from 'path'
import { PNG } from 'pngjs'

import { LocalDatabase } from '../../server/db/local-database'
import { installLocalTransport, uninstallLocalTransport } from '../../server/db/transport'
import {
  installLocalPlatform,
  localFileUrl,
  OUTBOX_COLLECTION,
  serveLocalFile,
  uninstallLocalPlatform,
} from '../../server/platform'
import { cloudBasePrototype } from '../../server/platform/sdk-seam'
import { prepareProcessEnv } from '../../server/runtime'
import { decodeQr } from '../support/qr'
import type { Sdk } from './sdk-env'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

let sandbox: string
let filesDir: string
let outside: string
let local: LocalDatabase
let cloud: Sdk
let baseUrl = ''
/** The mini program's pages, as the host would report them. */
let pages: string[] = []

/** Everything under a folder, as relative paths. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()
}

async function rejection(promise: Promise<unknown>): Promise<{ errCode: unknown; errMsg: string }> {
  try {
    await promise
  } catch (error) {
    return error as { errCode: unknown; errMsg: string }
  }
  throw new Error('expected the call to fail')
}

beforeAll(async () => {
  prepareProcessEnv()
  sandbox = mkdtempSync(join(tmpdir(), 'platform-test-'))
  filesDir = join(sandbox, 'files')
  outside = join(sandbox, 'outside')
  mkdirSync(filesDir)
  mkdirSync(outside)
  local = await LocalDatabase.open({ dir: null })
  installLocalTransport(local)
  await local.createCollection(OUTBOX_COLLECTION)
  installLocalPlatform({ filesDir, baseUrl: () => baseUrl, database: local, pages: () => pages })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
})

afterAll(async () => {
  uninstallLocalPlatform()
  uninstallLocalTransport()
  await local.close()
  rmSync(sandbox, { recursive: true, force: true })
})

beforeEach(() => {
  baseUrl = ''
  pages = ['pages/home/index']
})

describe('openapi.wxacode.getUnlimited', () => {
  it('answers a PNG in the SDK result shape whose QR code encodes the scene', async () => {
    const scene = "m=AbC123_x-y.z~!#$&'()*+,/:;=?@"
    expect(scene).toHaveLength(31)
    const result = await cloud.openapi.wxacode.getUnlimited({ scene, page: 'pages/home/index', width: 280 })
    expect(Object.keys(result).sort()).toEqual(['buffer', 'contentType', 'errCode', 'errMsg'])
    expect(result.contentType).toBe('image/png')
    expect(result.errCode).toBe(0)
    expect(result.errMsg).toBe('openapi.wxacode.getUnlimited:ok')
    expect(Buffer.isBuffer(result.buffer)).toBe(true)
    expect(result.buffer.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    expect(decodeQr(result.buffer)).toBe(scene)
  })

  it('draws the line colour on a transparent background when asked, and still scans', async () => {
    const result = await cloud.openapi.wxacode.getUnlimited({
      scene: 'k=ABCD2345',
      page: 'pages/home/index',
      lineColor: { r: 180, g: 20, b: 30 },
      isHyaline: true,
    })
    const image = PNG.sync.read(result.buffer)
    const pixel = (at: number) => [...image.data.subarray(at * 4, at * 4 + 4)]
    expect(pixel(0)).toEqual([255, 255, 255, 0])
    // Down the diagonal, past the transparent margin, the first drawn pixel is the finder pattern's corner.
    let at = 0
    while (pixel(at)[3] === 0) at += image.width + 1
    expect(pixel(at)).toEqual([180, 20, 30, 255])
    expect(decodeQr(result.buffer)).toBe('k=ABCD2345')
  })

  it('encodes a URL of the local H5 page when the host knows its address', async () => {
    baseUrl = 'http://127.0.0.1:8123/'
    const scene = 'a'.repeat(32)
    const result = await cloud.openapi.wxacode.getUnlimited({
      scene,
      page: 'packages/study/pages/checkin/index',
      checkPath: false,
    })
    expect(decodeQr(result.buffer)).toBe(
      `http://127.0.0.1:8123/#/packages/study/pages/checkin/index?scene=${scene}`,
    )
  })

  it('refuses a scene longer than 32 characters, or with characters WeChat does not allow', async () => {
    const tooLong = await rejection(cloud.openapi.wxacode.getUnlimited({ scene: 'a'.repeat(33) }))
    expect(tooLong.errCode).toBe(40169)
    expect(tooLong.errMsg).toMatch(
      /^openapi\.wxacode\.getUnlimited:fail invalid length for scene: 33 .*at most 32/,
    )
    const badChars = await rejection(cloud.openapi.wxacode.getUnlimited({ scene: '活动=1' }))
    expect(badChars.errCode).toBe(40169)
    const missing = await rejection(cloud.openapi.wxacode.getUnlimited({ page: 'pages/home/index' }))
    expect(missing.errCode).toBe(40169)
  })

  it('refuses a bad page with 41030, like WeChat', async () => {
    for (const page of ['/pages/home/index', 'pages/home/index?x=1', 'pages/../x']) {
      const error = await rejection(cloud.openapi.wxacode.getUnlimited({ scene: 's', page }))
      expect(error.errCode).toBe(41030)
      expect(error.errMsg).toMatch(/^openapi\.wxacode\.getUnlimited:fail invalid page/)
    }
    const unknown = await rejection(
      cloud.openapi.wxacode.getUnlimited({ scene: 's', page: 'pages/nope/index' }),
    )
    expect(unknown.errCode).toBe(41030)
    const unchecked = await cloud.openapi.wxacode.getUnlimited({
      scene: 's',
      page: 'pages/nope/index',
      checkPath: false,
    })
    expect(unchecked.errCode).toBe(0)
    expect((await cloud.openapi.wxacode.getUnlimited({ scene: 's', page: 'pages/home/index' })).errCode).toBe(
      0,
    )
  })

  it('answers other openapi names with a clear "not available locally" SDK error', async () => {
    for (const call of [
      () => cloud.openapi.wxacode.get({ path: 'pages/home/index' }),
      () => cloud.openapi.security.msgSecCheck({ content: 'x' }),
      () => cloud.callOpenAPI({ api: 'x', data: {} }),
    ]) {
      const error = await rejection(call())
      expect(error.errCode).toBe(-501001)
      expect(error.errMsg).toMatch(/not available locally/)
    }
  })
})

describe('openapi.subscribeMessage.send', () => {
  it('lands one outbox document and answers like the real API', async () => {
    const before = Date.now()
    const data = { thing1: { value: '三会一课' }, time2: { value: '2024-05-01 09:00' } }
    const result = await cloud.openapi.subscribeMessage.send({
      touser: 'openid-1',
      templateId: 'tpl-1',
      page: 'packages/study/pages/checkin/index?id=1',
      data,
    })
    expect(result).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
    const outbox = await local.documents(OUTBOX_COLLECTION)
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({
      touser: 'openid-1',
      templateId: 'tpl-1',
      page: 'packages/study/pages/checkin/index?id=1',
      data,
    })
    const sentAt = outbox[0].sentAt as Date
    expect(sentAt).toBeInstanceOf(Date)
    expect(sentAt.getTime()).toBeGreaterThanOrEqual(before)
    const viaSdk = await cloud.database().collection(OUTBOX_COLLECTION).where({ touser: 'openid-1' }).get()
    expect(viaSdk.data).toHaveLength(1)
  })

  it('refuses a message without recipient, template or data, writing nothing', async () => {
    const count = (await local.documents(OUTBOX_COLLECTION)).length
    const noUser = await rejection(
      cloud.openapi.subscribeMessage.send({ templateId: 't', data: { a: { value: 1 } } }),
    )
    expect(noUser.errCode).toBe(40003)
    const noTemplate = await rejection(
      cloud.openapi.subscribeMessage.send({ touser: 'o', data: { a: { value: 1 } } }),
    )
    expect(noTemplate.errCode).toBe(40037)
    const badData = await rejection(
      cloud.openapi.subscribeMessage.send({ touser: 'o', templateId: 't', data: { a: 1 } }),
    )
    expect(badData.errCode).toBe(47003)
    expect(await local.documents(OUTBOX_COLLECTION)).toHaveLength(count)
  })
})

describe('cloud storage', () => {
  it('round-trips bytes through uploadFile, getTempFileURL and downloadFile', async () => {
    baseUrl = 'http://127.0.0.1:8123'
    const bytes = Buffer.from([0, 1, 2, 250, 255, 10, 13])
    const uploaded = await cloud.uploadFile({ cloudPath: 'qr/org 1/活动.png', fileContent: bytes })
    expect(uploaded).toEqual({
      fileID: 'cloud://local.local/qr/org 1/活动.png',
      statusCode: 200,
      errMsg: 'uploadFile:ok',
    })
    expect(readFileSync(join(filesDir, 'qr', 'org 1', '活动.png')).equals(bytes)).toBe(true)

    const urls = await cloud.getTempFileURL({
      fileList: [uploaded.fileID, { fileID: uploaded.fileID, maxAge: 60 }],
    })
    expect(urls.errMsg).toBe('getTempFileURL:ok')
    const path = `http://127.0.0.1:8123/local/files/qr/org%201/${encodeURIComponent('活动')}.png`
    const signed = expect.stringMatching(
      new RegExp(`^${path.replace(/[.?]/g, '\\$&')}\\?expires=\\d+&sign=[0-9a-f]{64}$`),
    )
    expect(urls.fileList).toEqual([
      { fileID: uploaded.fileID, status: 0, errMsg: 'ok', maxAge: undefined, tempFileURL: signed },
      { fileID: uploaded.fileID, status: 0, errMsg: 'ok', maxAge: 60, tempFileURL: signed },
    ])
    // A day by default, as CloudBase gives private files; maxAge seconds when asked.
    const expiry = (url: string) => Number(new URL(url).searchParams.get('expires')) - Date.now()
    expect(expiry(urls.fileList[0].tempFileURL)).toBeGreaterThan(86_000_000)
    expect(expiry(urls.fileList[1].tempFileURL)).toBeGreaterThan(50_000)
    expect(expiry(urls.fileList[1].tempFileURL)).toBeLessThanOrEqual(60_000)

    const downloaded = await cloud.downloadFile({ fileID: uploaded.fileID })
    expect(downloaded.errMsg).toBe('downloadFile:ok')
    expect(downloaded.statusCode).toBe(200)
    expect(Buffer.isBuffer(downloaded.fileContent) && downloaded.fileContent.equals(bytes)).toBe(true)
  })

  it('accepts a read stream and a string, and deletes', async () => {
    const source = join(sandbox, 'source.txt')
    writeFileSync(source, 'from a stream')
    const streamed = await cloud.uploadFile({
      cloudPath: 'docs/a.txt',
      fileContent: createReadStream(source),
    })
    expect((await cloud.downloadFile({ fileID: streamed.fileID })).fileContent.toString()).toBe(
      'from a stream',
    )
    const text = await cloud.uploadFile({ cloudPath: 'docs/b.txt', fileContent: 'plain' })
    const deleted = await cloud.deleteFile({ fileList: [text.fileID] })
    expect(deleted.fileList).toEqual([{ fileID: text.fileID, status: 0, errMsg: 'ok' }])
    expect(existsSync(join(filesDir, 'docs', 'b.txt'))).toBe(false)
  })

  it('reports unknown files in the SDK shapes', async () => {
    const missing = 'cloud://local.local/nope.png'
    const urls = await cloud.getTempFileURL({ fileList: [missing, 'cloud://prod-env.1234/x.png'] })
    expect(
      urls.fileList.map((f: { status: number; tempFileURL: string }) => [f.status, f.tempFileURL]),
    ).toEqual([
      [-503003, ''],
      [-503003, ''],
    ])
    const error = await rejection(cloud.downloadFile({ fileID: missing }))
    expect(error.errCode).toBe(-503003)
    expect(error.errMsg).toMatch(/^downloadFile:fail/)
  })

  it('refuses traversal and absolute paths and writes nothing outside filesDir', async () => {
    symlinkSync(outside, join(filesDir, 'link'))
    const sandboxBefore = readdirSync(sandbox).sort()
    for (const cloudPath of [
      '../evil.txt',
      '../outside/evil.txt',
      'a/../../evil.txt',
      './evil.txt',
      '/tmp/evil.txt',
      'a//evil.txt',
      'a\\..\\..\\evil.txt',
      'C:/evil.txt',
      'evil\u0000.txt',
      'link/evil.txt',
      'link/deeper/evil.txt',
      '',
    ]) {
      const error = await rejection(cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') }))
      expect([cloudPath, error.errCode]).toEqual([cloudPath, -501007])
    }
    expect(readdirSync(sandbox).sort()).toEqual(sandboxBefore)
    expect(tree(outside)).toEqual([])
    expect(existsSync(join(tmpdir(), 'evil.txt'))).toBe(false)
    expect(existsSync(join(filesDir, 'evil.txt'))).toBe(false)
    const escaping = await cloud.getTempFileURL({ fileList: ['cloud://local.local/../outside/x'] })
    expect(escaping.fileList[0].status).toBe(-503003)
    rmSync(join(filesDir, 'link'))
  })
})

describe('serveLocalFile', () => {
  let server: Server
  let origin: string

  beforeAll(async () => {
    server = createServer((req, res) => {
      void serveLocalFile(filesDir, new URL(req.url ?? '/', 'http://x'), res)
    })
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(() => new Promise<void>((done) => server.close(() => done())))

  it('serves what getTempFileURL points at, and nothing outside the folder', async () => {
    baseUrl = origin
    writeFileSync(join(sandbox, 'secret.txt'), 'secret')
    const { fileID } = await cloud.uploadFile({ cloudPath: 'served/hello world.txt', fileContent: 'hello' })
    const [{ tempFileURL }] = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList
    const ok = await fetch(tempFileURL)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await ok.text()).toBe('hello')
    for (const path of [
      '/local/files/..%2Fsecret.txt',
      '/local/files/%2e%2e/secret.txt',
      '/local/files/served/..%2F..%2Fsecret.txt',
      '/local/files/%2Fetc%2Fpasswd',
      '/local/files/served',
      '/local/files/%E0%A4%A',
    ]) {
      const res = await fetch(`${origin}${path}`)
      expect([path, res.status]).toEqual([path, 403])
    }
    // A signed path that is not a file is still not found, and reaches nothing outside.
    const signedDir = localFileUrl(origin, 'served', Date.now() + 60_000)
    expect((await fetch(signedDir)).status).toBe(404)
  })

  it('serves nothing by its path alone: the signature must match the path and not have expired', async () => {
    baseUrl = origin
    const { fileID } = await cloud.uploadFile({ cloudPath: 'private/名单.txt', fileContent: 'phones' })
    const [{ tempFileURL }] = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })).fileList
    expect((await fetch(tempFileURL)).status).toBe(200)
    const url = new URL(tempFileURL)
    const unsigned = `${origin}${url.pathname}`
    const otherFile = tempFileURL.replace(encodeURIComponent('名单'), 'other')
    const longer = tempFileURL.replace(/expires=\d+/, `expires=${Date.now() + 10 * 86_400_000}`)
    const expired = localFileUrl(origin, 'private/名单.txt', Date.now() - 1000)
    for (const attempt of [unsigned, otherFile, longer, expired, `${unsigned}?expires=abc&sign=zz`]) {
      const res = await fetch(attempt)
      expect([attempt, res.status]).toEqual([attempt, 403])
      expect(await res.text()).not.toBe('phones')
    }
  })
})

describe('installation', () => {
  it('restores node-sdk’s own methods when uninstalled, and patches again on install', () => {
    const proto = cloudBasePrototype()
    const patched = proto.uploadFile
    uninstallLocalPlatform()
    expect(proto.uploadFile).not.toBe(patched)
    expect(String(proto.uploadFile)).toMatch(/storage_1\.uploadFile/)
    installLocalPlatform({ filesDir, baseUrl: () => baseUrl, database: local })
    expect(proto.uploadFile).toBe(patched)
  })
})
