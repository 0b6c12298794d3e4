import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

import type { Page } from 'playwright-core'

import { monthOf, monthRange, shiftMonth } from '../../cloudfunctions/domain/time'
import type { RunningHost } from '../../server/host'
import { launchBrowser, seen, signInAs, startTestHost } from '../support/browser'

/**
 * 月度统计 in the H5 build against the local host: a secretary opens it from 首页, steps to last month and to a
 * branch, and the numbers follow the records made through the functions. A screenshot of the page is kept in
 * dist/test-artifacts/stats-month.png.
 */
jest.setTimeout(180_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>
let host: RunningHost
let phone: Browser
const ARTIFACTS = join(__dirname, '..', '..', 'dist', 'test-artifacts')

const HOUR = 3600_000
const SECRETARY = 'demo-secretary-1'

async function call(fn: 'study', action: string, data: unknown): Promise<{ id: string }> {
  const result = (await host.runtime.invoke(fn, { action, data }, { openid: SECRETARY })) as {
    ok: boolean
    data: { id: string }
    message?: string
  }
  if (!result.ok) throw new Error(`${action}: ${result.message}`)
  return result.data
}

async function heldSession(type: string, orgId: string, startAt: number, people: number): Promise<void> {
  const session = await call('study', 'session/create', {
    type,
    format: 'theory',
    title: `演示${type}`,
    lecturerId: null,
    orgId,
    startAt,
    endAt: startAt + HOUR,
    place: '和平社区党群服务中心',
    allowVisitors: false,
    rotateSeconds: 20,
    lateAfterMinutes: 5,
  })
  const members = (await host.database.documents('members')).filter((m) =>
    (m.orgPath as string[]).includes(orgId),
  )
  for (const m of members.slice(0, people))
    await call('study', 'checkin/makeup', {
      sessionId: session.id,
      memberId: m._id,
      kind: 'makeup_sign',
      reason: '现场登记',
    })
}

beforeAll(async () => {
  host = await startTestHost()
  phone = await launchBrowser()
  const now = Date.now()
  const lastMonth = shiftMonth(monthOf(now), -1)
  const lastStart = monthRange(lastMonth)[0] + 10 * 24 * HOUR + 11 * HOUR
  // This month: two community sessions. Last month: a 支委会 of 第一党支部 and a community 党课.
  await heldSession('party_lecture', 'org-c1', now - 2 * HOUR, 4)
  await heldSession('group_study', 'org-c1', now - HOUR, 3)
  await heldSession('committee_meeting', 'org-c1-b1', lastStart, 2)
  await heldSession('party_lecture', 'org-c1', lastStart + 24 * HOUR, 5)
})
afterAll(async () => {
  await phone?.close()
  await host?.close()
})

/** The number shown for a figure on the visible page. */
async function figure(page: Page, label: string): Promise<string> {
  const box = page.locator('.stat-figure', { hasText: label }).filter({ visible: true }).first()
  await box.waitFor({ timeout: 15_000 })
  return ((await box.locator('.stat-figure__value').first().textContent()) ?? '').replace(/\s+/g, '')
}

/** Waits until the figure reads `expected` (the page reloads its figures after a change): the browser is asked. */
async function waitForFigure(page: Page, label: string, expected: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([l, e]) =>
        Array.from(document.querySelectorAll('.stat-figure')).some(
          (box) =>
            (box as HTMLElement).offsetParent !== null &&
            (box.textContent ?? '').includes(l) &&
            (box.querySelector('.stat-figure__value')?.textContent ?? '').replace(/\s+/g, '') === e,
        ),
      [label, expected] as const,
      { timeout: 15_000 },
    )
  } catch {
    throw new Error(
      `${label}: expected ${expected}, the page shows ${await figure(page, label).catch(() => '')}`,
    )
  }
}

it('shows a secretary the month’s numbers, and they change with the month and the organisation', async () => {
  const page = await signInAs(phone.context, host.url, '沈静怡')
  await page.getByText('月度统计', { exact: true }).first().click()
  await seen(page, '和平社区党委')
  await waitForFigure(page, '开展学习活动', '2次')
  expect(await figure(page, '党课')).toBe('1次')
  expect(await figure(page, '支部委员会会议')).toBe('0次')
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, 'stats-month.png'), fullPage: true })

  await page.getByText('上月', { exact: true }).filter({ visible: true }).first().click()
  await waitForFigure(page, '支部委员会会议', '1次')
  expect(await figure(page, '开展学习活动')).toBe('2次')

  // The comparison table's row of 第一党支部 opens the branch: last month it held its 支委会, attended by two.
  const compare = page.locator('.card', { hasText: '下属组织对比' }).filter({ visible: true }).first()
  await compare.locator('.data-table__row--tap', { hasText: '第一党支部' }).first().click()
  await seen(page, '和平社区党委 / 第一党支部').catch(async (e) => {
    await page.screenshot({ path: join(ARTIFACTS, 'stats-month-failed.png'), fullPage: true })
    throw e
  })
  await waitForFigure(page, '开展学习活动', '1次')
  expect(await figure(page, '支部委员会会议')).toBe('1次')
})
