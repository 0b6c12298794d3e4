import {
  cloudPathOfFileID,
  isUploadOf,
  newExportPath,
  newUploadPath,
  ownerFolder,
} from '../../cloudfunctions/common/storage-paths'
import { hasExtension, looksLike } from '../../cloudfunctions/domain/upload.rules'

describe('upload folders', () => {
  it('are one per OPENID, do not show the OPENID, and hold fresh paths', () => {
    const a = newUploadPath('oUser-A', 'xlsx')
    expect(a).toMatch(/^uploads\/[0-9a-f]{32}\/[0-9a-f-]{36}\.xlsx$/)
    expect(a).not.toContain('oUser-A')
    expect(newUploadPath('oUser-A', 'xlsx')).not.toBe(a)
    expect(ownerFolder('oUser-A')).not.toBe(ownerFolder('oUser-B'))
    expect(newExportPath('oUser-A', 'xlsx')).toMatch(new RegExp(`^exports/${ownerFolder('oUser-A')}/`))
  })

  it('accept as an upload of the caller exactly the paths upload/prepare gives that caller', () => {
    const mine = newUploadPath('oUser-A', 'xlsx')
    expect(isUploadOf('oUser-A', mine, 'xlsx')).toBe(true)
    expect(isUploadOf('oUser-B', mine, 'xlsx')).toBe(false)
    for (const path of [
      `${mine}/x`,
      `${mine}.xlsx`,
      mine.replace('.xlsx', '.xls'),
      `x/${mine}`,
      mine.replace('uploads/', 'exports/'),
      `uploads/${ownerFolder('oUser-A')}/../${ownerFolder('oUser-B')}/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f.xlsx`,
    ])
      expect([path, isUploadOf('oUser-A', path, 'xlsx')]).toEqual([path, false])
  })

  it('read the cloudPath from CloudBase and local fileIDs alike', () => {
    const path = newUploadPath('oUser-A', 'xlsx')
    expect(cloudPathOfFileID(`cloud://prod-1a2b3c.7072-prod-1a2b3c-1250000000/${path}`)).toBe(path)
    expect(cloudPathOfFileID(`cloud://local.local/${path}`)).toBe(path)
    for (const bad of [path, 'cloud://', 'cloud://env', `http://x/${path}`, `cloud://env/${path} x`])
      expect([bad, cloudPathOfFileID(bad)]).toEqual([bad, null])
  })
})

describe('upload kinds', () => {
  it('know an .xlsx by its zip signature and its name, not by either alone', () => {
    expect(looksLike('xlsx', Buffer.from('PK\x03\x04rest', 'latin1'))).toBe(true)
    expect(looksLike('xlsx', Buffer.from('PK'))).toBe(false)
    expect(looksLike('xlsx', Buffer.from('姓名,手机号'))).toBe(false)
    expect(hasExtension('xlsx', '花名册.XLSX')).toBe(true)
    expect(hasExtension('xlsx', '花名册.xls')).toBe(false)
    expect(hasExtension('xlsx', 'xlsx')).toBe(false)
  })
})
