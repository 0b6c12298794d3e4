import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

import type { Page } from 'playwright-core'

import { formatRate } from '../../cloudfunctions/domain/rates'
import { monthLabel, monthOf, shiftMonth } from '../../cloudfunctions/domain/time'
import type { RunningHost } from '../../server/host'
import { launchBrowser, seen, signInAs, startTestHost } from '../support/browser'
import { measure } from '../support/large-font'

/**
 * 月度统计 in the H5 build against the local host with the demo street's year of records (`npm start`'s seed): a
 * secretary sees every area's figures — 学习教育, 党建考核, 廉政承诺, 志愿服务, 上门服务, 受益人次 — as a direct count of
 * the stored records gives them, steps back through the months and into a branch, and the numbers follow the
 * records; the street admin switches between communities; every lit figure states its rule and opens its records;
 * and in 大字模式 every text of the page is 18 px or more and every tap target 48 × 48 px. Screenshots are kept in
 * dist/test-artifacts/ (stats-month.png, stats-month-large.png).
 */
jest.setTimeout(240_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>
type Doc = Record<string, unknown> & { orgPath: string[] }
let host: RunningHost
let phone: Browser
const ARTIFACTS = join(__dirname, '..', '..', 'dist', 'test-artifacts')
const THIS_MONTH = monthOf(Date.now())

beforeAll(async () => {
  host = await startTestHost({ history: true })
  phone = await launchBrowser()
})
afterAll(async () => {
  await phone?.close()
  await host?.close()
})

/** The figures of a node and month as a direct count of the stored records gives them, in the screen's text. */
async function direct(orgId: string, month: string): Promise<Record<string, string>> {
  const docs = async (name: string) =>
    ((await host.database.documents(name)) as unknown as Doc[]).filter((d) => d.orgPath.includes(orgId))
  const inMonth = (t: unknown) => typeof t === 'number' && monthOf(t) === month
  const [sessions, exams, expected, pledges, activities, visits] = await Promise.all(
    [
      'study_sessions',
      'quiz_exams',
      'quiz_expected',
      'pledge_assignments',
      'volunteer_activities',
      'visits',
    ].map(docs),
  )
  const held = sessions.filter((s) => s.month === month && s.status === 'scheduled' && s.hasCheckins)
  const due = expected.filter((e) => inMonth(e.at))
  const took = due.filter((e) => e.counted)
  const closed = activities.filter((a) => a.status === 'closed' && inMonth(a.startAt))
  const people = closed.reduce((n, a) => n + ((a.beneficiaries as number | null) ?? 0), 0)
  const confirmed = visits.filter((v) => inMonth(v.confirmedAt)).length
  return {
    开展学习活动: `${held.length}次`,
    支部委员会会议: `${held.filter((s) => s.type === 'committee_meeting').length}次`,
    开展考核: `${exams.filter((e) => e.status === 'published' && inMonth(e.opensAt)).length}次`,
    应考: `${due.length}人次`,
    '参考率（参考/应考）': formatRate(took.length, due.length),
    应签: `${pledges.filter((p) => inMonth(p.assignedAt)).length}份`,
    已签: `${pledges.filter((p) => inMonth(p.signedAt)).length}份`,
    开展志愿服务: `${closed.length}次`,
    服务请求: `${visits.filter((v) => inMonth(v.submittedAt)).length}件`,
    '直接受益（志愿服务＋上门服务）': `${people + confirmed}人次`,
  }
}

/** What the visible page shows for each figure, by its exact label. */
function onScreen(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {}
    for (const box of Array.from(document.querySelectorAll('.stat-figure'))) {
      if ((box as HTMLElement).offsetParent === null) continue
      const label = (box.querySelector('.stat-figure__label')?.textContent ?? '').trim()
      const value = ['.stat-figure__value', '.stat-figure__of']
        .map((c) => (box.querySelector(c)?.textContent ?? '').replace(/\s+/g, ''))
        .join('')
      if (label && !(label in out)) out[label] = value
    }
    return out
  })
}

/** Waits until the page shows the node and month asked for with the figures the records give. */
async function expectFigures(page: Page, orgLabel: string, orgId: string, month: string): Promise<void> {
  const want = await direct(orgId, month)
  await seen(page, monthLabel(month))
  const shown = async () => {
    const all = await onScreen(page)
    const node = await page.locator('.node-bar__org .t-body').filter({ visible: true }).first().textContent()
    return { node, ...Object.fromEntries(Object.keys(want).map((k) => [k, all[k]])) }
  }
  try {
    await page.waitForFunction(
      (w) => {
        const got: Record<string, string> = {}
        for (const box of Array.from(document.querySelectorAll('.stat-figure'))) {
          if ((box as HTMLElement).offsetParent === null) continue
          const label = (box.querySelector('.stat-figure__label')?.textContent ?? '').trim()
          if (!(label in got))
            got[label] = ['.stat-figure__value', '.stat-figure__of']
              .map((c) => (box.querySelector(c)?.textContent ?? '').replace(/\s+/g, ''))
              .join('')
        }
        const node = Array.from(document.querySelectorAll('.node-bar__org .t-body')).find(
          (n) => (n as HTMLElement).offsetParent !== null,
        )
        return (
          node?.textContent === w.node && Object.entries(w).every(([k, v]) => k === 'node' || got[k] === v)
        )
      },
      { node: orgLabel, ...want },
      { timeout: 15_000 },
    )
  } catch {
    await page.screenshot({ path: join(ARTIFACTS, 'stats-month-failed.png'), fullPage: true })
  }
  expect({ orgId, month, figures: await shown() }).toEqual({
    orgId,
    month,
    figures: { node: orgLabel, ...want },
  })
}

async function step(page: Page, text: '上月' | '下月', to: string): Promise<void> {
  await page.getByText(text, { exact: true }).filter({ visible: true }).first().click()
  await seen(page, monthLabel(to))
}

async function openStats(page: Page): Promise<void> {
  await page.getByText('月度统计', { exact: true }).first().click()
}

/** The month of the exam set by 和平社区党委 (the seed's only community exam there). */
async function examMonth(): Promise<string> {
  const exams = (await host.database.documents('quiz_exams')) as unknown as Doc[]
  const exam = exams.find((e) => e.orgId === 'org-c1')
  if (!exam) throw new Error('the demo street has no exam of 和平社区党委')
  return monthOf(exam.opensAt as number)
}

it('shows a secretary every area’s figures as the records give them, by month and by branch', async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  const page = await signInAs(phone.context, host.url, '沈静怡')
  await openStats(page)
  await expectFigures(page, '和平社区党委', 'org-c1', THIS_MONTH)
  for (const title of ['学习教育', '党建考核', '廉政承诺', '志愿服务', '上门服务', '服务群众'])
    await seen(page, title)
  // Every area's trend is drawn on a canvas, with its table beside it.
  await page.waitForFunction(() => document.querySelectorAll('canvas').length >= 6, null, { timeout: 15_000 })
  for (const title of ['学习教育', '党建考核', '廉政承诺', '志愿服务', '上门服务', '服务群众'])
    await seen(page, `${title}：近12个月`)
  await page.screenshot({ path: join(ARTIFACTS, 'stats-month.png'), fullPage: true })
  expect(await clipped(page)).toEqual([])

  // Back month by month to the exam's: each month's figures are that month's records.
  const exam = await examMonth()
  let month = THIS_MONTH
  while (month > exam) {
    month = shiftMonth(month, -1)
    await step(page, '上月', month)
    await expectFigures(page, '和平社区党委', 'org-c1', month)
  }
  expect((await onScreen(page))['开展考核']).toBe('1次')

  // The comparison table's row of 第一党支部 opens the branch, the same month.
  const compare = page.locator('.card', { hasText: '下属组织对比' }).filter({ visible: true }).first()
  await compare.locator('.data-table__row--tap', { hasText: '第一党支部' }).first().click()
  await expectFigures(page, '和平社区党委 / 第一党支部', 'org-c1-b1', month)
  await page.screenshot({ path: join(ARTIFACTS, 'stats-month-branch.png'), fullPage: true })
  await step(page, '下月', shiftMonth(month, 1))
  await expectFigures(page, '和平社区党委 / 第一党支部', 'org-c1-b1', shiftMonth(month, 1))
  await page.close()
})

it('lets the street admin switch between communities, each with its own numbers', async () => {
  const admin = host.personas.find((p) => p.openid === 'demo-admin')
  if (!admin) throw new Error('no demo admin')
  for (const [name, orgId] of [
    ['和平社区党委', 'org-c1'],
    ['光明社区党委', 'org-c2'],
  ] as const) {
    const page = await signInAs(phone.context, host.url, admin.name)
    await openStats(page)
    await expectFigures(page, '幸福街道党工委', 'org-street', THIS_MONTH)
    await step(page, '上月', shiftMonth(THIS_MONTH, -1))
    const compare = page.locator('.card', { hasText: '下属组织对比' }).filter({ visible: true }).first()
    await compare.locator('.data-table__row--tap', { hasText: name }).first().click()
    await expectFigures(page, name, orgId, shiftMonth(THIS_MONTH, -1))
    await page.close()
  }
})

it('gives each lit figure its rule, and each opens the records behind it', async () => {
  const page = await signInAs(phone.context, host.url, '沈静怡')
  await openStats(page)
  await expectFigures(page, '和平社区党委', 'org-c1', THIS_MONTH)
  const exam = await examMonth()
  for (let m = THIS_MONTH; m > exam;) {
    m = shiftMonth(m, -1)
    await step(page, '上月', m)
  }
  await expectFigures(page, '和平社区党委', 'org-c1', exam)
  const lit = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.stat-figure'))
      .filter((b) => (b as HTMLElement).offsetParent !== null && b.querySelector('.light[class*="light--"]'))
      .map((b) => ({
        label: (b.querySelector('.stat-figure__label')?.textContent ?? '').trim(),
        light: (b.querySelector('.light')?.textContent ?? '').trim(),
        tap: b.classList.contains('stat-figure--tap'),
      })),
  )
  // 每月2次, 三会一课 and the pass target: each lit, saying its rule, and tappable.
  expect(lit.map((f) => f.label)).toEqual(
    expect.arrayContaining(['达到每月2次理论学习', '三会一课按时召开的支部', '合格率（对参考）']),
  )
  for (const f of lit)
    expect(f).toEqual({ ...f, light: expect.stringMatching(/^● (正常|待完成|未达标)：.+/), tap: true })
  const records = page
    .locator('.t-caption', { hasText: /，共\d+条$/ })
    .or(page.getByText('这项统计下还没有记录'))
  for (const f of lit) {
    await page.locator('.stat-figure', { hasText: f.label }).filter({ visible: true }).first().click()
    await records.filter({ visible: true }).first().waitFor({ timeout: 15_000 })
    await seen(page, f.label)
    await page.goBack()
    // Back on 月度统计 at the same month: the records are gone and the figures are the month's again (a records
    // row may name the month too, so the month's label alone does not say which page is showing).
    await page.waitForFunction(
      () =>
        location.hash.includes('stats/pages/month') &&
        !Array.from(document.querySelectorAll('.t-caption')).some(
          (c) => (c as HTMLElement).offsetParent !== null && /，共\d+条$/.test(c.textContent ?? ''),
        ),
      undefined,
      { timeout: 15_000 },
    )
    await seen(page, monthLabel(exam))
  }
  await page.close()
})

/** A figure's number running off its column (or off the screen), which cannot be read. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.stat-figure__value, .stat-figure__of'))
      .filter(
        (el) =>
          el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
          el.getBoundingClientRect().width > 0,
      )
      .filter(
        (el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth + 0.5,
      )
      .map((el) => (el.textContent ?? '').trim()),
  )
}

it('reads in 大字模式: every text of 月度统计 18 px or more, every tap target 48 × 48 px', async () => {
  const page = await signInAs(phone.context, host.url, '沈静怡')
  await page.getByText('我的', { exact: true }).click()
  await seen(page, '大字模式')
  await page.locator('taro-switch-core').filter({ visible: true }).first().click()
  await page.locator('.screen--large').filter({ visible: true }).first().waitFor({ timeout: 15_000 })
  await page.goto(`${host.url}/#/packages/stats/pages/month/index`)
  await expectFigures(page, '和平社区党委', 'org-c1', THIS_MONTH)
  await page.waitForFunction(() => document.querySelectorAll('canvas').length >= 6, null, { timeout: 15_000 })
  const found = { ...(await measure(page, ['.node-bar__org'])), clipped: await clipped(page) }
  await page.screenshot({ path: join(ARTIFACTS, 'stats-month-large.png'), fullPage: true })
  expect({ small: found.small, tiny: found.tiny, clipped: found.clipped }).toEqual({
    small: [],
    tiny: [],
    clipped: [],
  })
  expect(found.texts).toBeGreaterThan(50)
  expect(found.taps).toBeGreaterThan(10)
  await page.close()
})
