/** 扫码签到 (packages/study/pages/checkin/index) of the real weapp build: what a member sees after a scan. */
import type { Result } from '@contract/envelope'
import type { CheckinResult } from '@contract/study.contract'

import { backend, deferred, fail, ok } from './backend'
import { loadPage } from './harness'
import { checkedIn } from './study-fixtures'

const CHECKIN = 'packages/study/pages/checkin/index'
const TOKEN = 's1.98765.AAAAAAAAAAAAAAAAAAAAAA'

describe('扫码签到', () => {
  test('opened with ?t= it checks in at once with that token and says 签到成功', async () => {
    const page = await loadPage(CHECKIN, {
      query: { t: TOKEN },
      cloud: backend({ 'checkin/scan': () => ok(checkedIn()) }),
    })
    await page.waitForText('签到成功')
    expect(page.text()).toContain('十一月专题党课')
    expect(page.hasText('迟到')).toBe(false)
    expect(page.hasText('已签到')).toBe(false)
    expect(page.cloudCalls).toEqual([
      { name: 'study', data: { action: 'checkin/scan', data: { token: TOKEN } } },
    ])
  })

  test('shows 正在签到… while the call is on its way', async () => {
    const answer = deferred<Result<CheckinResult>>()
    const page = await loadPage(CHECKIN, {
      query: { t: TOKEN },
      cloud: backend({ 'checkin/scan': () => answer.promise }),
    })
    await page.waitForText('正在签到…')
    answer.resolve(ok(checkedIn()))
    await page.waitForText('签到成功')
    expect(page.hasText('正在签到…')).toBe(false)
  })

  test('a late arrival reads 签到成功 and 迟到', async () => {
    const page = await loadPage(CHECKIN, {
      query: { t: TOKEN },
      cloud: backend({ 'checkin/scan': () => ok(checkedIn({ late: true })) }),
    })
    await page.waitForText('签到成功')
    expect(page.text().split('\n')).toContain('迟到')
  })

  test('a visitor admitted by the session reads 以列席身份签到', async () => {
    const page = await loadPage(CHECKIN, {
      query: { t: TOKEN },
      cloud: backend({ 'checkin/scan': () => ok(checkedIn({ visitor: true })) }),
    })
    await page.waitForText('以列席身份签到')
    expect(page.text()).toContain('签到成功')
  })

  test('a second scan reads 已签到, not 签到成功', async () => {
    const page = await loadPage(CHECKIN, {
      query: { t: TOKEN },
      cloud: backend({ 'checkin/scan': () => ok(checkedIn({ outcome: 'already', late: true })) }),
    })
    await page.waitForText('已签到')
    expect(page.hasText('签到成功')).toBe(false)
    expect(page.hasText('迟到')).toBe(false)
  })

  test('an expired code shows 二维码已过期，请重新扫码, and 重新扫码 opens the camera and checks in', async () => {
    let calls = 0
    const page = await loadPage(CHECKIN, {
      query: { t: TOKEN },
      scanCode: () => ({ result: 's1.98766.BBBBBBBBBBBBBBBBBBBBBB' }),
      cloud: backend({ 'checkin/scan': () => (++calls === 1 ? fail('STUDY.QR_EXPIRED') : ok(checkedIn())) }),
    })
    await page.waitForText('二维码已过期，请重新扫码')
    expect(page.hasText('签到成功')).toBe(false)

    await page.tap('重新扫码')
    await page.waitForText('签到成功')
    expect(page.hasText('二维码已过期')).toBe(false)
    expect(page.scans).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }])
    expect(page.cloudCalls.map((c) => c.data.data)).toEqual([
      { token: TOKEN },
      { token: 's1.98766.BBBBBBBBBBBBBBBBBBBBBB' },
    ])
  })

  test.each([
    ['STUDY.NOT_IN_WINDOW', '不在签到时间'],
    ['STUDY.NOT_IN_SCOPE', '你不在本次活动的参会范围'],
    ['STUDY.CANCELLED', '活动已取消'],
  ] as const)('%s shows the server’s message (%s) with 重新扫码', async (code, message) => {
    const page = await loadPage(CHECKIN, {
      query: { t: TOKEN },
      cloud: backend({ 'checkin/scan': () => fail(code) }),
    })
    await page.waitForText(message)
    expect(page.text()).toContain('重新扫码')
    expect(page.hasText('签到成功')).toBe(false)
  })

  test('the big 扫码签到 button scans with the camera only; a scanned H5 link gives its token', async () => {
    const page = await loadPage(CHECKIN, {
      scanCode: () => ({ result: `https://dj.example.cn/#/packages/study/pages/checkin/index?t=${TOKEN}` }),
      cloud: backend({ 'checkin/scan': () => ok(checkedIn()) }),
    })
    await page.waitForText('扫描书记出示的签到码')
    expect(page.cloudCalls).toEqual([])
    await page.tap('扫码签到')
    await page.waitForText('签到成功')
    expect(page.scans).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }])
    expect(page.cloudCalls.map((c) => c.data)).toEqual([{ action: 'checkin/scan', data: { token: TOKEN } }])
  })

  test('closing the camera changes nothing and sends nothing; the next scan checks in', async () => {
    let opened = 0
    const page = await loadPage(CHECKIN, {
      scanCode: () => {
        if (++opened === 1) throw new Error('cancel')
        return { result: TOKEN }
      },
      cloud: backend({ 'checkin/scan': () => ok(checkedIn()) }),
    })
    await page.tap('扫码签到')
    await page.waitFor(() => page.scans.length === 1, 3000, 'the camera to open')
    expect(page.text()).toContain('扫描书记出示的签到码')
    // Whatever the closed camera had sent would come before this scan's call.
    await page.tap('扫码签到')
    await page.waitForText('签到成功')
    expect(page.cloudCalls.map((c) => c.data)).toEqual([{ action: 'checkin/scan', data: { token: TOKEN } }])
    expect(page.toasts.map((t) => t.title)).not.toContain('没有识别到二维码，请重试')
  })

  test('opened from a poster code, the URL-encoded scene is decoded and sent to checkin/scene', async () => {
    const page = await loadPage(CHECKIN, {
      query: { scene: encodeURIComponent('k=ABCDEFGH') },
      cloud: backend({ 'checkin/scene': () => ok(checkedIn()) }),
    })
    await page.waitForText('签到成功')
    expect(page.cloudCalls.map((c) => c.data)).toEqual([
      { action: 'checkin/scene', data: { scene: 'k=ABCDEFGH' } },
    ])
  })

  test('a poster scanned with the button goes to checkin/scene by the scene in its path', async () => {
    const page = await loadPage(CHECKIN, {
      scanCode: () => ({
        result: '',
        path: `packages/study/pages/checkin/index?scene=${encodeURIComponent('k=ABCDEFGH')}`,
      }),
      cloud: backend({ 'checkin/scene': () => fail('STUDY.STATIC_DISABLED') }),
    })
    await page.tap('扫码签到')
    await page.waitForText('本次活动未开放海报码签到，请扫描书记手机上的动态码')
    expect(page.cloudCalls.map((c) => c.data)).toEqual([
      { action: 'checkin/scene', data: { scene: 'k=ABCDEFGH' } },
    ])
  })
})
