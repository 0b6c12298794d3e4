import type { Page } from 'playwright-core'

import type { ActivitySummary } from '../../cloudfunctions/contract/volunteer.contract'
import type { RunningHost } from '../../server/host'
import { launchBrowser, seen, signInAs, startTestHost } from '../support/browser'

// A browser test waits on real renders and network; the code rotates every 20 s, which the sign-out waits for.
jest.setTimeout(120_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>

let host: RunningHost
let organiserPhone: Browser
let memberPhone: Browser

beforeAll(async () => {
  host = await startTestHost()
  organiserPhone = await launchBrowser()
  memberPhone = await launchBrowser()
})
afterAll(async () => {
  await organiserPhone?.close()
  await memberPhone?.close()
  await host?.close()
})

/** The demo sign-in's token, as the app keeps it (Taro's H5 storage wraps values as `{ data }`). */
async function sessionToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('dev-session-token'))
  if (!raw) throw new Error('not signed in')
  const parsed = JSON.parse(raw) as { data?: string } | string
  return typeof parsed === 'string' ? parsed : (parsed.data ?? '')
}

/** The visible rotating code's link. */
function payloadOf(page: Page): Promise<string | null> {
  return page.locator('.qr-image').filter({ visible: true }).first().getAttribute('data-payload')
}

describe('志愿服务 in the H5 build', () => {
  it('a member signs up, signs in and out with the organiser’s rotating code, and the organiser confirms the hours', async () => {
    const title = `端到端文明交通劝导${Date.now() % 100000}`
    const organiser = await signInAs(organiserPhone.context, host.url, '沈静怡')
    // Created through the function (the form's start is tomorrow by default): starting in 10 minutes, so
    // the code signs in already (from 30 minutes before the start).
    const created = await fetch(`${host.url}/fn/volunteer`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await sessionToken(organiser)}`,
      },
      body: JSON.stringify({
        action: 'activity/create',
        data: {
          title,
          serviceType: 'traffic',
          orgId: 'org-c1',
          partner: null,
          place: '和平路与幸福街路口',
          startAt: Date.now() + 10 * 60_000,
          plannedMinutes: 120,
          capacity: 5,
        },
      }),
    })
    const activity = ((await created.json()) as { data: ActivitySummary }).data
    expect(activity.title).toBe(title)

    const member = await signInAs(memberPhone.context, host.url, '冯浩然')
    await member.getByText('志愿服务', { exact: true }).click()
    await seen(member, title)
    await member.getByText(title, { exact: true }).click()
    await seen(member, '报名')
    await member.getByText('报名', { exact: true }).filter({ visible: true }).click()
    await seen(member, '我已报名')
    await seen(member, '取消报名')

    await organiser.goto(`${host.url}/#/packages/volunteer/pages/activity/index?id=${activity.id}`)
    await seen(organiser, '出示签到码')
    await organiser.getByText('出示签到码', { exact: true }).click()
    await seen(organiser, '秒后刷新')
    const first = await payloadOf(organiser)
    expect(first).toMatch(new RegExp(`^${host.url}/#/packages/volunteer/pages/scan/index\\?t=`))

    await member.goto(first ?? '')
    await seen(member, '签到成功')
    await seen(member, title)
    // The same code again is a repeat; signing out takes the next code (the screen's code changes on its own).
    await member.goto(`${host.url}/#/pages/home/index`)
    await seen(member, '冯浩然，你好')
    await member.goto(first ?? '')
    await seen(member, '已签到')
    await organiser.waitForFunction(
      (old) =>
        Array.from(document.querySelectorAll('.qr-image')).some(
          (e) => (e as HTMLElement).offsetParent !== null && e.getAttribute('data-payload') !== old,
        ),
      first,
      { timeout: 45_000 },
    )
    const next = await payloadOf(organiser)
    expect(next).not.toBe(first)
    await member.goto(`${host.url}/#/pages/home/index`)
    await seen(member, '冯浩然，你好')
    await member.goto(next ?? '')
    await seen(member, '签退成功')
    await seen(member, '组织者确认后计入志愿时长')

    await organiser.goBack()
    await seen(organiser, '时长登记与确认')
    await organiser.getByText('时长登记与确认', { exact: true }).click()
    await seen(organiser, '待确认')
    // The entry's row (not the sign-up list's): the member, how it came, and where it stands.
    const row = organiser
      .locator('.vol-row', { hasText: '冯浩然' })
      .filter({ hasText: '扫码' })
      .filter({ visible: true })
      .first()
    await row.getByText('待确认', { exact: false }).waitFor({ timeout: 15_000 })
    await row.getByText('确认', { exact: true }).click()
    await row.getByText('已确认', { exact: false }).waitFor({ timeout: 15_000 })

    await member.goto(`${host.url}/#/packages/volunteer/pages/activity/index?id=${activity.id}`)
    await seen(member, '已确认')
  })
})
