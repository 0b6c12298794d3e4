/**
 * The host wires the local platform: files uploaded through the real SDK are served at the URL getTempFileURL
 * gives, QR codes point at the host, GET /local/files never reaches outside the files folder, and the H5 app
 * uploads at POST /local/upload into the caller's own folder only.
 */
import { randomUUID } from 'crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs'
import { request } from 'http'
import { tmpdir } from 'os'
import { join } from 'path'

import { uploadFolder } from '../../cloudfunctions/common/storage-paths'
import { type RunningHost, startHost } from '../../server/host'
import { uninstallLocalPlatform } from '../../server/platform'
import type { Sdk } from './sdk-env'

let dataDir: string
let host: RunningHost
let cloud: Sdk

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'platform-host-'))
  host = await startHost({ port: 0, dataDir, functionsDir: join(dataDir, 'no-functions'), seed: false })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
})

afterAll(async () => {
  await host.close()
  uninstallLocalPlatform()
  rmSync(dataDir, { recursive: true, force: true })
})

it('serves uploaded files at the temporary URL, under <dataDir>/files', async () => {
  const { fileID } = await cloud.uploadFile({
    cloudPath: 'exports/名单.csv',
    fileContent: Buffer.from('a,b\n'),
  })
  const [{ tempFileURL }] = (await cloud.getTempFileURL({ fileList: [fileID] })).fileList
  expect(
    tempFileURL.startsWith(`${host.url}/local/files/exports/${encodeURIComponent('名单')}.csv?expires=`),
  ).toBe(true)
  const res = await fetch(tempFileURL)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  expect(await res.text()).toBe('a,b\n')
})

it('does not serve anything outside the files folder', async () => {
  writeFileSync(join(dataDir, 'secret.txt'), 'secret')
  for (const path of [
    '/local/files/..%2Fsecret.txt',
    '/local/files/%2e%2e/secret.txt',
    '/local/files/../secret.txt',
  ]) {
    const res = await fetch(`${host.url}${path}`)
    expect(await res.text()).not.toBe('secret')
  }
})

it('answers subscribe messages into the outbox', async () => {
  await cloud.openapi.subscribeMessage.send({
    touser: 'o1',
    templateId: 't1',
    data: { thing1: { value: 'x' } },
  })
  expect(await host.database.documents('outbox')).toEqual([
    expect.objectContaining({ touser: 'o1', templateId: 't1', page: null, data: { thing1: { value: 'x' } } }),
  ])
})

describe('POST /local/upload', () => {
  async function signIn(): Promise<{ token: string; openid: string }> {
    const res = await fetch(`${host.url}/local/login`, {
      method: 'POST',
      body: JSON.stringify({ fresh: true }),
    })
    return (await res.json()) as { token: string; openid: string }
  }

  function upload(cloudPath: string, body: Buffer, token?: string) {
    return fetch(`${host.url}/local/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      body,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
  }

  const filesDir = () => join(dataDir, 'files')

  it('stores the bytes in the caller’s own folder and answers the fileID, which is not served unsigned', async () => {
    const me = await signIn()
    const cloudPath = `${uploadFolder(me.openid)}${randomUUID()}.xlsx`
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 255, 10])
    const res = await upload(cloudPath, bytes, me.token)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ fileID: `cloud://local.local/${cloudPath}` })
    expect(readFileSync(join(filesDir(), ...cloudPath.split('/'))).equals(bytes)).toBe(true)
    expect((await fetch(`${host.url}/local/files/${cloudPath}`)).status).toBe(403)
  })

  it('refuses the unsigned-in, other folders, overwrites and unsafe paths, storing nothing', async () => {
    const me = await signIn()
    const other = await signIn()
    const taken = `${uploadFolder(me.openid)}${randomUUID()}.xlsx`
    expect((await upload(taken, Buffer.from('first'), me.token)).status).toBe(200)
    const before = readdirSync(filesDir(), { recursive: true, encoding: 'utf8' }).sort()
    const refusals: [string, string | undefined, number, string][] = [
      [`${uploadFolder(me.openid)}${randomUUID()}.xlsx`, undefined, 401, 'COMMON.UNAUTHENTICATED'],
      [`${uploadFolder(other.openid)}${randomUUID()}.xlsx`, me.token, 403, 'COMMON.FORBIDDEN'],
      [`exports/${randomUUID()}.xlsx`, me.token, 403, 'COMMON.FORBIDDEN'],
      [taken, me.token, 403, 'COMMON.FORBIDDEN'],
      [`${uploadFolder(me.openid)}../../secret.txt`, me.token, 400, 'COMMON.BAD_REQUEST'],
      ['', me.token, 400, 'COMMON.BAD_REQUEST'],
    ]
    for (const [cloudPath, token, status, code] of refusals) {
      const res = await upload(cloudPath, Buffer.from('second'), token)
      expect([cloudPath, res.status, ((await res.json()) as { code: string }).code]).toEqual([
        cloudPath,
        status,
        code,
      ])
    }
    expect(readdirSync(filesDir(), { recursive: true, encoding: 'utf8' }).sort()).toEqual(before)
    expect(readFileSync(join(filesDir(), ...taken.split('/')), 'utf8')).toBe('first')
  })

  it('refuses a body over 10 MB with 413 and closes the connection, and the host answers the next request', async () => {
    const me = await signIn()
    const cloudPath = `${uploadFolder(me.openid)}${randomUUID()}.xlsx`
    const url = new URL(`${host.url}/local/upload?cloudPath=${encodeURIComponent(cloudPath)}`)
    const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>(
      (resolve, reject) => {
        const req = request(
          url,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${me.token}`, 'content-length': 11 * 1024 * 1024 },
          },
          (res) => {
            let body = ''
            res.on('data', (c: Buffer) => (body += c.toString()))
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }),
            )
          },
        )
        req.on('error', reject)
        req.write(Buffer.alloc(64 * 1024))
      },
    )
    expect(answer.status).toBe(413)
    expect(answer.connection).toBe('close')
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'COMMON.TOO_LARGE' })
    expect(existsSync(join(filesDir(), ...cloudPath.split('/')))).toBe(false)
    expect((await fetch(`${host.url}/healthz`)).status).toBe(200)
  })
})
