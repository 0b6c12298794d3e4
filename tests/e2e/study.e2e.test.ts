import type { Page } from 'playwright-core'

import type { RunningHost } from '../../server/host'
import { launchBrowser, signInAs, startTestHost } from '../support/browser'

// A browser test waits on real renders and network; each step has its own 15 s wait.
jest.setTimeout(90_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>

let host: RunningHost
// Two phones: each has its own storage, so each keeps its own demo sign-in.
let secretaryPhone: Browser
let memberPhone: Browser

beforeAll(async () => {
  host = await startTestHost()
  secretaryPhone = await launchBrowser()
  memberPhone = await launchBrowser()
})
afterAll(async () => {
  await secretaryPhone?.close()
  await memberPhone?.close()
  await host?.close()
})

// H5 keeps earlier pages in the document, hidden: only what is on screen counts.
const seen = (page: Page, text: string) =>
  page.getByText(text, { exact: false }).filter({ visible: true }).first().waitFor({ timeout: 15_000 })

interface QrAnswer {
  ok: boolean
  data: { payload: string; token: string }
}

describe('a study session with rotating-QR check-in in the H5 build', () => {
  it('the secretary creates a session and shows its code; a member opens the code’s link and is listed as 已签到', async () => {
    const title = `端到端集体学习${Date.now() % 100000}`

    const secretary = await signInAs(secretaryPhone.context, host.url, '沈静怡')
    await secretary.getByText('学习活动', { exact: true }).click()
    await seen(secretary, '新建活动')
    await seen(secretary, '和平社区党委')
    await secretary.getByText('新建活动', { exact: true }).click()
    await seen(secretary, '创建活动')
    await secretary.locator('input[placeholder="活动标题"]').fill(title)
    await secretary.locator('input[placeholder="活动地点"]').fill('和平社区党群服务中心')
    await secretary.getByText('创建活动', { exact: true }).click()

    // The new session's page replaces the form.
    await seen(secretary, '出示签到码')
    await seen(secretary, title)
    await seen(secretary, '应到')

    const qrAnswer = secretary.waitForResponse(
      (res) => res.url().endsWith('/fn/study') && res.request().postDataJSON()?.action === 'session/qr',
    )
    await secretary.getByText('出示签到码', { exact: true }).click()
    const qr = (await (await qrAnswer).json()) as QrAnswer
    expect(qr.ok).toBe(true)
    await seen(secretary, '秒后刷新')
    await seen(secretary, title)
    // In H5 the code is a link to this app's check-in page carrying the token.
    const link = qr.data.payload
    expect(link).toBe(
      `${host.url}/#/packages/study/pages/checkin/index?t=${encodeURIComponent(qr.data.token)}`,
    )
    expect(await secretary.locator('.qr-image').filter({ visible: true }).getAttribute('data-payload')).toBe(
      link,
    )

    const member = await signInAs(memberPhone.context, host.url, '冯浩然')
    await member.goto(link)
    await seen(member, '签到成功')
    await seen(member, title)

    // Scanning the same code again changes nothing.
    await member.goto(`${host.url}/#/pages/home/index`)
    await seen(member, '冯浩然，你好')
    await member.goto(link)
    await seen(member, '已签到')

    // A member who opens the link before signing in comes back to it after the demo sign-in.
    const thirdPhone = await launchBrowser()
    try {
      const late = await thirdPhone.context.newPage()
      await late.goto(`${host.url}/healthz`)
      await late.evaluate(() => localStorage.clear())
      await late.goto(link)
      await seen(late, '选择演示身份')
      await late.getByText('傅思远', { exact: false }).first().click()
      await seen(late, '签到成功')
      await seen(late, title)
    } finally {
      await thirdPhone.close()
    }

    await secretary.goBack()
    const row = secretary.locator('.study-field', { hasText: '冯浩然' }).filter({ visible: true }).first()
    await row.waitFor({ timeout: 15_000 })
    await row.getByText('已签到', { exact: true }).waitFor({ timeout: 15_000 })
  })
})
