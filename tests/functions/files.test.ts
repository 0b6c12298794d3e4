import ExcelJS from 'exceljs'

import { ownerFolder } from '../../cloudfunctions/common/storage-paths'
import { type Backend, DEMO, failed, ok, startBackend } from '../support/backend'

/**
 * Files reach the functions through cloud storage: the app asks `upload/prepare` for a path in the caller's own
 * folder, uploads there, and passes the fileID. Every action that reads a file reads only the caller's own
 * upload, and refuses anything else with a stable code and a Chinese message, changing nothing.
 */
let backend: Backend
beforeEach(async () => {
  backend = await startBackend()
})
afterEach(() => backend.close())

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const chinese = /[\u4e00-\u9fa5]/

async function rosterSheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  sheet.addRow(['姓名', '性别', '手机号', '所在组织', '党员类别', '干部类别'])
  sheet.addRow(['新党员', '男', '13600000031', '和平社区党委 / 第一党支部', '在职', ''])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('upload/prepare', () => {
  it('gives each caller a fresh path in a folder of their own, and says how large the file may be', async () => {
    const first = ok(await backend.call(DEMO.admin, 'account', 'upload/prepare', { kind: 'xlsx' }))
    const second = ok(await backend.call(DEMO.admin, 'account', 'upload/prepare', { kind: 'xlsx' }))
    const other = ok(await backend.call(DEMO.resident1, 'account', 'upload/prepare', { kind: 'xlsx' }))
    expect(first.cloudPath).toMatch(new RegExp(`^uploads/${ownerFolder(DEMO.admin)}/${UUID}\\.xlsx$`))
    expect(first.maxBytes).toBe(1024 * 1024)
    expect(second.cloudPath).not.toBe(first.cloudPath)
    expect(other.cloudPath.split('/')[1]).not.toBe(first.cloudPath.split('/')[1])
    // The folder is derived from the OPENID, never the OPENID itself.
    expect(first.cloudPath).not.toContain(DEMO.admin)
  })

  it('refuses an unknown kind, and a caller with no WeChat identity', async () => {
    const bad = failed(
      await backend.raw(DEMO.admin, 'account', { action: 'upload/prepare', data: { kind: 'exe' } }),
    )
    expect(bad.code).toBe('COMMON.INVALID_INPUT')
    expect(bad.message).toContain('文件类型不正确')
    expect(failed(await backend.call(null, 'account', 'upload/prepare', { kind: 'xlsx' })).code).toBe(
      'COMMON.UNAUTHENTICATED',
    )
  })
})

/** The actions that read an uploaded .xlsx, as the street admin (who may run both). */
const READERS = [
  ['org member/import', (fileID: string) => backend.call(DEMO.admin, 'org', 'member/import', { fileID })],
  [
    'quiz bank/import',
    (fileID: string) => backend.call(DEMO.admin, 'quiz', 'bank/import', { format: 'xlsx', fileID }),
  ],
] as const

describe.each(READERS)('%s with a file that is not the caller’s own upload', (_name, read) => {
  async function refused(fileID: string, code: string, message: string | RegExp) {
    const before = await backend.snapshot()
    const result = failed(await read(fileID))
    expect(result.code).toBe(code)
    expect(result.message).toMatch(message)
    expect(result.message).toMatch(chinese)
    expect(await backend.snapshot()).toEqual(before)
  }

  it('refuses someone else’s upload unread, and leaves it where it is', async () => {
    const theirs = await backend.upload(DEMO.secretary1, await rosterSheet())
    await refused(theirs, 'FILE.FORBIDDEN', '只能使用你自己刚上传的文件，请重新选择文件')
    expect(await backend.stored(theirs)).not.toBeNull()
  })

  it('refuses paths that only look like the caller’s folder, and files outside the upload folders', async () => {
    const mine = ownerFolder(DEMO.admin)
    const theirs = await backend.upload(DEMO.secretary1, await rosterSheet())
    const theirPath = theirs.replace('cloud://local.local/', '')
    const exported = await backend.putFile(
      `exports/${mine}/00000000-0000-4000-8000-000000000000.xlsx`,
      await rosterSheet(),
    )
    for (const fileID of [
      `cloud://local.local/uploads/${mine}/../../${theirPath}`,
      `cloud://local.local/uploads/${mine}/${theirPath.split('/').pop()}/../x.xlsx`,
      `cloud://local.local/uploads/${mine}/roster.xlsx`,
      `cloud://local.local/uploads/${mine}/00000000-0000-4000-8000-000000000000.xls`,
      `cloud://local.local/uploads/${mine.toUpperCase()}/00000000-0000-4000-8000-000000000000.xlsx`,
      exported,
      'cloud://local.local/roster.xlsx',
    ]) {
      await refused(fileID, 'FILE.FORBIDDEN', /只能使用你自己刚上传的文件/)
    }
    expect(await backend.stored(theirs)).not.toBeNull()
  })

  it('says a file that is not there (never uploaded, or already read) no longer exists', async () => {
    const ticket = ok(await backend.call(DEMO.admin, 'account', 'upload/prepare', { kind: 'xlsx' }))
    await refused(
      `cloud://local.local/${ticket.cloudPath}`,
      'FILE.NOT_FOUND',
      '文件不存在或已过期，请重新选择文件',
    )
  })

  it('refuses a file that is not an .xlsx, whatever its name', async () => {
    const text = await backend.upload(DEMO.admin, Buffer.from('姓名,手机号\n张三,13600000001\n'))
    await refused(text, 'FILE.WRONG_TYPE', '这不是 .xlsx 格式的文件，请重新选择')
    expect(await backend.stored(text)).toBeNull()
  })

  it('refuses a file over 1 MB', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 0x20)
    big.set([0x50, 0x4b, 0x03, 0x04])
    await refused(
      await backend.upload(DEMO.admin, big),
      'FILE.TOO_LARGE',
      '文件超过1MB，请删去多余的内容或分成几个文件',
    )
  })

  it('refuses a fileID that is not one at all, before anything runs', async () => {
    await refused('uploads/x.xlsx', 'COMMON.INVALID_INPUT', '文件编号不正确')
    await refused('', 'COMMON.INVALID_INPUT', '请先选择文件')
  })
})

describe('the request limit', () => {
  it('is 64 K characters for every action, file actions included', async () => {
    const padding = 'x'.repeat(64 * 1024)
    for (const [fn, action] of [
      ['org', 'member/import'],
      ['quiz', 'bank/import'],
      ['account', 'upload/prepare'],
    ]) {
      const result = failed(await backend.raw(DEMO.admin, fn, { action, data: { fileID: padding } }))
      expect([fn, action, result.code]).toEqual([fn, action, 'COMMON.TOO_LARGE'])
    }
  })
})
