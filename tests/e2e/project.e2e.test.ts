import type { BrowserContext, Page } from 'playwright-core'

import type { ActivitySummary } from '../../cloudfunctions/contract/volunteer.contract'
import type { RunningHost } from '../../server/host'
import { launchBrowser, seen, signInAs, startTestHost } from '../support/browser'

/**
 * 为民办实事 end to end in the H5 build on the local host: 和平社区's secretary creates a project and links one of the
 * community's volunteer activities in the form; a resident picks 和平社区 and sees the project with the activity.
 */
jest.setTimeout(120_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>

let host: RunningHost
let secretaryPhone: Browser
let residentPhone: Browser

beforeAll(async () => {
  host = await startTestHost()
  secretaryPhone = await launchBrowser()
  residentPhone = await launchBrowser()
})
afterAll(async () => {
  await secretaryPhone?.close()
  await residentPhone?.close()
  await host?.close()
})

const tap = (page: Page, text: string) =>
  page.getByText(text, { exact: true }).filter({ visible: true }).first().click()

/** The demo sign-in's token, as the app keeps it (Taro's H5 storage wraps values as `{ data }`). */
async function sessionToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('dev-session-token'))
  if (!raw) throw new Error('not signed in')
  const parsed = JSON.parse(raw) as { data?: string } | string
  return typeof parsed === 'string' ? parsed : (parsed.data ?? '')
}

/** A resident (not bound) signed in on a fresh screen. */
async function signInAsResident(context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${host.url}/healthz`)
  await page.evaluate(() => localStorage.clear())
  await page.goto(host.url)
  await seen(page, '选择演示身份')
  await page.getByText(name, { exact: false }).first().click()
  await seen(page, '欢迎使用基层党建助手')
  return page
}

describe('为民办实事 in the H5 build', () => {
  it('a secretary creates a project linking an activity, and a resident of the community sees both', async () => {
    const stamp = Date.now() % 100000
    const activityTitle = `楼道清理${stamp}`
    const projectTitle = `加装楼道扶手${stamp}`
    const secretary = await signInAs(secretaryPhone.context, host.url, '沈静怡')
    // This month's activity of 和平社区, through the function: the form lists the node's activities by month.
    const created = await fetch(`${host.url}/fn/volunteer`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await sessionToken(secretary)}`,
      },
      body: JSON.stringify({
        action: 'activity/create',
        data: {
          title: activityTitle,
          serviceType: 'environment',
          orgId: 'org-c1',
          partner: null,
          place: '幸福里小区',
          startAt: Date.now() + 10 * 60_000,
          plannedMinutes: 60,
          capacity: 5,
        },
      }),
    })
    expect(((await created.json()) as { data: ActivitySummary }).data.title).toBe(activityTitle)

    await tap(secretary, '为民办实事')
    await seen(secretary, '管理为民办实事')
    await tap(secretary, '管理为民办实事')
    await tap(secretary, '新建为民办实事')
    await secretary.locator('.form-title input').filter({ visible: true }).fill(projectTitle)
    await secretary
      .locator('.form-description textarea')
      .filter({ visible: true })
      .fill('为幸福里小区老人加装楼道扶手')
    const pick = (kind: string) =>
      secretary.locator(`.vol-pick--${kind}`, { hasText: activityTitle }).filter({ visible: true }).first()
    await pick('candidate').getByText('关联', { exact: true }).click()
    await pick('linked').getByText('移除', { exact: true }).waitFor({ timeout: 15_000 })
    await pick('candidate').getByText('已关联', { exact: true }).waitFor({ timeout: 15_000 })
    await tap(secretary, '创建项目')
    await seen(secretary, '开始实施')
    await seen(secretary, projectTitle)
    await seen(secretary, `${activityTitle} ·`)

    const resident = await signInAsResident(residentPhone.context, '孙奶奶')
    await tap(resident, '为民办实事')
    await seen(resident, '请选择您所在的社区')
    await tap(resident, '和平社区党委')
    await seen(resident, projectTitle)
    const card = resident
      .locator('.project-card', { hasText: projectTitle })
      .filter({ visible: true })
      .first()
    await card.getByText('计划中', { exact: true }).waitFor({ timeout: 15_000 })
    await card.getByText(activityTitle, { exact: false }).waitFor({ timeout: 15_000 })
    // The demo street's completed project of 和平社区 is there too, with whom it served.
    await seen(resident, '无障碍坡道改造')
    await seen(resident, '受益 260 人次')
  })
})
