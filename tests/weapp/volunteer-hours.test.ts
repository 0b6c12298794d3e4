/** 我的志愿时长 (packages/volunteer/pages/hours/index): a year's hours by month, confirmed and pending. */
import type { MyHoursView } from '@contract/volunteer.contract'

import { backend, fail, ok } from './backend'
import { loadPage } from './harness'

const HOURS = 'packages/volunteer/pages/hours/index'

function view(year: number, patch: Partial<MyHoursView> = {}): MyHoursView {
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: `${year}-${String(i + 1).padStart(2, '0')}`,
    confirmedMinutes: 0,
    pendingMinutes: 0,
    activities: 0,
  }))
  return { year, months, confirmedMinutes: 0, pendingMinutes: 0, makeupMinutes: 0, entries: [], ...patch }
}

const NOV_25 = Date.UTC(2026, 10, 25, 0, 50)

function busyYear(year: number): MyHoursView {
  const base = view(year)
  base.months[10] = { month: `${year}-11`, confirmedMinutes: 150, pendingMinutes: 60, activities: 2 }
  return {
    ...base,
    confirmedMinutes: 150,
    pendingMinutes: 60,
    makeupMinutes: 30,
    entries: [
      {
        id: 'e1',
        activityId: 'a1',
        memberId: 'm1',
        memberName: '冯浩然',
        method: 'qr',
        signInAt: NOV_25,
        signOutAt: NOV_25 + 150 * 60_000,
        minutes: 150,
        status: 'confirmed',
        reason: null,
        recordedByName: null,
        title: '文明交通劝导',
        place: '和平路路口',
        serviceType: 'traffic',
        activityStartAt: NOV_25,
      },
      {
        id: 'e2',
        activityId: 'a2',
        memberId: 'm1',
        memberName: '冯浩然',
        method: 'qr',
        signInAt: NOV_25 + 300 * 60_000,
        signOutAt: NOV_25 + 360 * 60_000,
        minutes: 60,
        status: 'pending',
        reason: null,
        recordedByName: null,
        title: '楼道清理',
        place: '幸福小区',
        serviceType: 'environment',
        activityStartAt: NOV_25 + 300 * 60_000,
      },
    ],
  }
}

describe('我的志愿时长', () => {
  test('shows the year’s confirmed hours apart from those waiting, month by month, and offers the certificate', async () => {
    const page = await loadPage(HOURS, {
      cloud: backend({ 'hours/mine': ({ year }) => ok(busyYear(year ?? 2026)) }),
    })
    await page.waitForText('2小时30分')
    const text = page.text()
    expect(text).toContain('待组织者确认：1小时')
    expect(text).toContain('其中补录 30分钟')
    expect(text).toContain('参加 2 次 · 已确认 2小时30分 · 待确认 1小时')
    expect(text).toContain('文明交通劝导 · 2小时30分 · 已确认')
    expect(text).toContain('楼道清理 · 1小时 · 待确认')
    expect(page.cloudCalls[0].data).toEqual({ action: 'hours/mine', data: { year: expect.any(Number) } })
    const year = (page.cloudCalls[0].data.data as { year: number }).year
    await page.tap(`出具${year}年志愿服务记录证明`)
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations[0].url).toBe(`/packages/volunteer/pages/cert/index?year=${year}`)
  })

  test('says so for a year without records and offers no certificate; 上一年 asks for the year before', async () => {
    const page = await loadPage(HOURS, {
      cloud: backend({ 'hours/mine': ({ year }) => ok(view(year ?? 2026)) }),
    })
    await page.waitForText('还没有志愿服务记录')
    expect(page.text()).not.toContain('志愿服务记录证明')
    await page.tap('上一年')
    await page.waitFor(() => page.cloudCalls.length === 2, 3000, 'a second load')
    const [first, second] = page.cloudCalls.map((c) => (c.data.data as { year: number }).year)
    expect(second).toBe(first - 1)
    await page.waitForText(`${second}年还没有志愿服务记录`)
  })

  test('a failed load shows the message and 重试 loads again', async () => {
    let calls = 0
    const page = await loadPage(HOURS, {
      cloud: backend({
        'hours/mine': ({ year }) => (++calls === 1 ? fail('COMMON.INTERNAL') : ok(busyYear(year ?? 2026))),
      }),
    })
    await page.waitForText('服务暂时不可用，请稍后再试')
    await page.tap('重试')
    await page.waitForText('2小时30分')
  })
})
