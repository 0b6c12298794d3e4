/**
 * The host wires the local platform: files uploaded through the real SDK are served at the URL getTempFileURL
 * gives, QR codes point at the host, and GET /local/files never reaches outside the files folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'

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
  expect(tempFileURL).toBe(`${host.url}/local/files/exports/${encodeURIComponent('名单')}.csv`)
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
