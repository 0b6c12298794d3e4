import type { Page } from 'playwright-core'

import type { RunningHost } from '../../server/host'
import { launchBrowser, startTestHost } from '../support/browser'

// A browser test waits on real renders and network; each step has its own 15 s wait.
jest.setTimeout(60_000)

let host: RunningHost
let browser: Awaited<ReturnType<typeof launchBrowser>>
let page: Page

beforeAll(async () => {
  host = await startTestHost()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await host?.close()
})
beforeEach(async () => {
  page = await browser.context.newPage()
  // Each test starts signed out, as on a phone that never opened the app.
  await page.goto(`${host.url}/healthz`)
  await page.evaluate(() => localStorage.clear())
})
afterEach(() => page.close())

const seen = (text: string) => page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 })

describe('a resident binds with an invite code in the H5 build', () => {
  it('signs in as a demo resident, sees whom the code binds to, confirms and sees the member 首页', async () => {
    await page.goto(host.url)
    await seen('选择演示身份')
    await page.getByText('孙奶奶（居民（未绑定））').click()

    await seen('你目前是居民身份')
    await page.getByText('绑定党员身份', { exact: true }).click()
    await seen('请输入支部书记给你的8位邀请码')
    await page.locator('input').first().fill('xfjd 2345')
    await page.getByText('下一步', { exact: true }).click()
    // Whom the code binds to, before anything is bound.
    await seen('请确认是你本人')
    await seen('许玉珍')
    await page.getByText('确认绑定', { exact: true }).click()
    await seen('绑定成功')

    await page.getByText('返回首页').click()
    await seen('许玉珍，你好')
    await seen('扫码签到')
    expect(await page.getByText('绑定党员身份', { exact: true }).count()).toBe(0)

    await page.getByText('我的', { exact: true }).click()
    await seen('在职党员')
  })

  it('shows the server’s Chinese message for a wrong code and stays unbound', async () => {
    await page.goto(host.url)
    await seen('选择演示身份')
    await page.getByText('以新微信用户进入').click()
    await seen('你目前是居民身份')
    await page.getByText('绑定党员身份', { exact: true }).click()
    await page.locator('input').first().fill('ZZZZ9999')
    await page.getByText('下一步', { exact: true }).click()
    await seen('邀请码无效，请向书记核对')
  })
})
