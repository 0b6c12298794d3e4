/**
 * 签到码 (packages/study/pages/qr/index): the secretary's rotating code with its countdown. The page refreshes
 * when the server's period ends (20 s here) or 3 s after a failure; the tests move the clock on (./clock).
 */
import { backend, fail, ok } from './backend'
import { driveClock, passTime } from './clock'
import { loadPage, type PageHarness } from './harness'
import { PNG_BASE64, qrView, SESSION } from './study-fixtures'

const QR = 'packages/study/pages/qr/index'

beforeEach(driveClock)

const codes = (page: PageHarness) => page.cloudCalls.filter((c) => c.data.action === 'session/qr').length

describe('签到码', () => {
  test('shows the session title, the code image and a countdown on the server’s clock; keeps the screen on', async () => {
    // The phone's clock is an hour behind the server: the countdown must not care.
    const serverNow = Date.now() + 3_600_000
    const page = await loadPage(QR, {
      query: { id: 's1' },
      cloud: backend({
        'session/get': () => ok(SESSION),
        'session/qr': () => ok(qrView(serverNow, 15_000)),
      }),
    })
    await page.waitForText('十一月专题党课')
    await page.waitForText(/1[45] 秒后刷新/)
    expect(page.attrOf('.qr-image', 'src')).toBe(`data:image/png;base64,${PNG_BASE64}`)
    const qrCalls = page.cloudCalls.filter((c) => c.data.action === 'session/qr')
    // In WeChat the code carries the bare token (scanned in the app), so no link base.
    expect(qrCalls.map((c) => c.data.data)).toEqual([{ sessionId: 's1', linkBase: null }])
    expect(page.keepScreenOn).toEqual([true])

    page.close()
    await page.waitFor(() => page.keepScreenOn.length === 2, 3000, 'the screen to be let go')
    expect(page.keepScreenOn).toEqual([true, false])
  })

  test('counts down, and fetches a new code when the countdown reaches 0', async () => {
    let n = 0
    const page = await loadPage(QR, {
      query: { id: 's1' },
      cloud: backend({
        'session/get': () => ok(SESSION),
        'session/qr': () => ok(qrView(Date.now(), 20_000, `s1.${++n}.token`)),
      }),
    })
    await page.waitForText(/(19|20) 秒后刷新/)
    await passTime(10_000)
    await page.waitForText(/(9|10) 秒后刷新/)
    expect(codes(page)).toBe(1)
    await passTime(10_000)
    await page.waitFor(() => codes(page) === 2, 3000, 'a second code')
    await page.waitForText(/(19|20) 秒后刷新/)
    expect(page.errors).toEqual([])
  })

  test('stops refreshing once the page is closed', async () => {
    const page = await loadPage(QR, {
      query: { id: 's1' },
      cloud: backend({
        'session/get': () => ok(SESSION),
        'session/qr': () => ok(qrView(Date.now(), 20_000)),
      }),
    })
    await page.waitForText('秒后刷新')
    await passTime(20_000)
    await page.waitFor(() => codes(page) === 2, 3000, 'codes to rotate')
    page.close()
    // Three periods' worth of ticks, each run to its end: a timer left behind would fetch in them.
    await jest.advanceTimersByTimeAsync(60_000)
    expect(codes(page)).toBe(2)
  })

  test('once the session has ended it says so, drops the code and stops asking', async () => {
    let n = 0
    const page = await loadPage(QR, {
      query: { id: 's1' },
      cloud: backend({
        'session/get': () => ok(SESSION),
        'session/qr': () => (++n === 1 ? ok(qrView(Date.now(), 300)) : fail('STUDY.ENDED')),
      }),
    })
    await page.waitForText('活动已结束，签到码不再显示', 4000)
    expect(page.hasText('秒后刷新')).toBe(false)
    expect(page.hasText('立即刷新')).toBe(false)
    expect(page.hasText('正在自动重试')).toBe(false)
    expect(page.hasText('重试')).toBe(false)
    // The refresh timer stops with the keep-screen-on: no more codes are asked for.
    await page.waitFor(() => page.keepScreenOn.at(-1) === false, 3000, 'the timer to stop')
    expect(page.keepScreenOn).toEqual([true, false])
    expect(page.cloudCalls.filter((c) => c.data.action === 'session/qr')).toHaveLength(2)
  })

  test('when fetching fails it says so and retries on its own', async () => {
    let n = 0
    const page = await loadPage(QR, {
      query: { id: 's1' },
      cloud: backend({
        'session/get': () => ok(SESSION),
        'session/qr': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok(qrView(Date.now(), 20_000))),
      }),
    })
    await page.waitForText('服务暂时不可用，请稍后再试')
    expect(page.hasText('正在自动重试')).toBe(true)
    await passTime(3_000)
    await page.waitForText('秒后刷新')
    expect(page.hasText('服务暂时不可用')).toBe(false)
  })
})
