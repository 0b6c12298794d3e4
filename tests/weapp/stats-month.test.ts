/**
 * 月度统计 (packages/stats/pages/month) of the real weapp build: numbers first with their lights, a figure opens
 * its records, the trend drawn on Canvas 2D at the pixel ratio with a table of the same numbers beside it, a tap
 * on the chart reads its values, and the month and node pickers ask for what they show.
 */
import type { FigureView, MonthStatsView } from '@contract/stats.contract'

import { monthOf, shiftMonth } from '../../cloudfunctions/domain/time'
import { backend, ok } from './backend'
import { loadPage, type PageHarness, parseUrl } from './harness'

const MONTH_PAGE = 'packages/stats/pages/month/index'
const month = monthOf(Date.now())
const months = Array.from({ length: 12 }, (_, i) => shiftMonth(month, i - 11))

function view(orgId: string, m: string, sessions: number): MonthStatsView {
  return {
    month: m,
    orgId,
    orgName: orgId === 'c1' ? '和平社区党委' : '第一党支部',
    nodes: [
      { id: 'c1', name: '和平社区党委', depth: 0, label: '和平社区党委' },
      { id: 'b1', name: '第一党支部', depth: 1, label: '和平社区党委 / 第一党支部' },
    ],
    areas: [
      {
        key: 'study',
        title: '学习教育',
        figures: [
          {
            key: 'study.sessions',
            label: '开展学习活动',
            value: sessions,
            whole: null,
            text: String(sessions),
            unit: '次',
            light: null,
            rule: null,
            hasRecords: true,
          },
          {
            key: 'study.attendance',
            label: '出勤率（实到/应到）',
            value: 2,
            whole: 3,
            text: '66.7%（2/3）',
            unit: '',
            light: null,
            rule: null,
            hasRecords: true,
          },
          {
            key: 'study.met',
            label: '达到每月2次理论学习',
            value: 1,
            whole: 4,
            text: '25.0%（1/4）',
            unit: '',
            light: 'red',
            rule: '每名党员每月参加理论学习不少于2次',
            hasRecords: true,
          },
        ],
      },
    ],
    meetings: [
      {
        orgId: 'b1',
        name: '第一党支部',
        status: 'due',
        checks: [
          {
            label: '支部委员会会议',
            period: 'month',
            periodLabel: '',
            required: 1,
            held: 1,
            fromAbove: 0,
            status: 'met',
          },
          {
            label: '党小组会',
            period: 'month',
            periodLabel: '',
            required: 1,
            held: 0,
            fromAbove: 0,
            status: 'due',
          },
          {
            label: '党课',
            period: 'quarter',
            periodLabel: '',
            required: 1,
            held: 1,
            fromAbove: 1,
            status: 'met',
          },
        ],
      },
    ],
    trends: [
      {
        area: 'study',
        title: '学习教育',
        months,
        series: [
          {
            key: 'study.sessions',
            label: '开展学习活动',
            values: months.map((_, i) => (i === 11 ? sessions : i)),
            unit: '',
          },
        ],
      },
    ],
    compare: { columns: [], rows: [] },
  }
}

/** A figure as the function sends it: a count (`whole` null) or a rate "part/whole". */
function fig(
  key: string,
  label: string,
  value: number,
  whole: number | null,
  unit = '',
  light: FigureView['light'] = null,
  rule: string | null = null,
): FigureView {
  const text = whole === null ? String(value) : `${((value * 100) / whole).toFixed(1)}%（${value}/${whole}）`
  return { key, label, value, whole, text, unit, light, rule, hasRecords: true }
}

/** Every area of the seeded street's month, as stats/month returns it: figures, and a 12-month line per area. */
function everyArea(): MonthStatsView {
  const areas: MonthStatsView['areas'] = [
    {
      key: 'study',
      title: '学习教育',
      figures: [
        fig('study.sessions', '开展学习活动', 23, null, '次'),
        fig('study.met', '达到每月2次理论学习', 9, 20, '', 'red', '每名党员每月参加理论学习不少于2次'),
      ],
    },
    {
      key: 'quiz',
      title: '党建考核',
      figures: [
        fig('quiz.exams', '开展考核', 1, null, '次'),
        fig('quiz.expected', '应考', 33, null, '人次'),
        fig('quiz.passed', '合格率（对参考）', 19, 25, '', 'red', '合格率不低于95%'),
      ],
    },
    {
      key: 'pledge',
      title: '廉政承诺',
      figures: [
        fig('pledge.assigned', '应签', 31, null, '份'),
        fig('pledge.signedCount', '已签', 17, null, '份'),
      ],
    },
    {
      key: 'volunteer',
      title: '志愿服务',
      figures: [
        fig('volunteer.activities', '开展志愿服务', 4, null, '次'),
        fig('volunteer.hours', '确认服务时长', 12.5, null, '小时'),
      ],
    },
    {
      key: 'visit',
      title: '上门服务',
      figures: [
        fig('visit.requested', '服务请求', 6, null, '件'),
        fig('visit.completedInTime', '时限内完成率', 5, 6),
      ],
    },
    {
      key: 'benefit',
      title: '服务群众',
      figures: [fig('benefit.total', '直接受益（志愿服务＋上门服务）', 126, null, '人次')],
    },
  ]
  const base = view('c1', month, 23)
  return {
    ...base,
    areas,
    trends: areas.map((a, k) => ({
      area: a.key,
      title: a.title,
      months,
      series: [
        {
          key: a.figures[0].key,
          label: a.figures[0].label,
          values: months.map((_, i) => (i === 11 ? a.figures[0].value : (i * (k + 1)) % 7)),
          unit: '',
        },
      ],
    })),
  }
}

const monthCalls = (page: PageHarness) =>
  page.cloudCalls.filter((c) => c.data.action === 'stats/month').map((c) => c.data.data)

function touch(page: PageHarness, id: string, x: number) {
  // The simulator keeps ids off the DOM: the page has one chart here (no nodes below to compare).
  const el = page.dom.querySelector('wx-canvas')
  const node = (el as (Element & { __wxElement?: unknown }) | null)?.__wxElement
  if (!node) throw new Error(`no canvas for #${id}`)
  const exparser = jest.requireActual<{
    Event: { create(t: string, d: unknown, o: unknown): unknown; dispatchEvent(n: unknown, e: unknown): void }
  }>('miniprogram-exparser')
  const touches = [{ identifier: 0, x, y: 50 }]
  exparser.Event.dispatchEvent(
    node,
    exparser.Event.create(
      'touchstart',
      {},
      {
        bubbles: false,
        composed: true,
        capturePhase: true,
        extraFields: { touches, changedTouches: touches },
      },
    ),
  )
}

describe('月度统计', () => {
  test('shows the numbers with their lights, then the trend as a chart and a table; a figure opens its records', async () => {
    const page = await loadPage(MONTH_PAGE, {
      cloud: backend({ 'stats/month': (input) => ok(view(input.orgId ?? 'c1', input.month ?? month, 3)) }),
    })
    await page.waitForText('（2/3）')
    expect(monthCalls(page)).toEqual([{}])
    expect(page.hasText('● 未达标：每名党员每月参加理论学习不少于2次')).toBe(true)
    expect(page.hasText('✓ 已开 1/1')).toBe(true)
    // The community's 党课 given to the branch's members counts as the branch's, and says so.
    expect(page.hasText('✓ 已开 1/1（含上级1）')).toBe(true)
    // The chart: a 2D canvas at twice its css size (pixel ratio 2), its month labels drawn; the table beside it.
    await page.waitFor(
      () => (page.canvases.get('trend-study')?.calls.length ?? 0) > 0,
      3000,
      'the trend drawn',
    )
    const canvas = page.canvases.get('trend-study')!
    expect([canvas.width, canvas.height]).toEqual([640, 400])
    expect(canvas.calls).toEqual(
      expect.arrayContaining([`fillText:${Number(months[0].slice(5))}月`, 'stroke', 'arc']),
    )
    expect(page.hasText('近12个月')).toBe(true)
    // Tapping the chart's last column reads its value out.
    touch(page, 'trend-study', 310)
    await page.waitForText(`${Number(month.slice(5))}月：开展学习活动 3`)
    await page.tap('66.7%')
    const nav = page.navigations.at(-1)
    expect(parseUrl(nav?.url ?? '')).toMatchObject({
      route: 'packages/stats/pages/records/index',
      query: { orgId: 'c1', period: month, figure: 'study.attendance' },
    })
  })

  test('上月 asks for the month before; 下月 is off in the month under way', async () => {
    const page = await loadPage(MONTH_PAGE, {
      cloud: backend({
        'stats/month': (input) =>
          ok(view('c1', input.month ?? month, input.month === shiftMonth(month, -1) ? 7 : 3)),
      }),
    })
    await page.waitForText('（2/3）')
    expect(page.isDisabled('下月')).toBe(true)
    await page.tap('上月')
    await page.waitFor(() => monthCalls(page).length === 2, 3000, 'the month before asked for')
    expect(monthCalls(page)[1]).toEqual({ month: shiftMonth(month, -1), orgId: 'c1' })
    await page.waitFor(() => page.text().split('\n').includes('7'), 3000, 'the month before shown')
  })
  test('shows every area: study, quizzes, pledges, volunteer service, home visits and 受益人次, each with its chart', async () => {
    const data = everyArea()
    const page = await loadPage(MONTH_PAGE, { cloud: backend({ 'stats/month': () => ok(data) }) })
    await page.waitForText('直接受益（志愿服务＋上门服务）')
    for (const area of data.areas) {
      expect([area.title, page.hasText(area.title)]).toEqual([area.title, true])
      for (const f of area.figures) {
        // A rate reads large, its counts below it: "47.5%", then "（19/40）".
        const parts = f.whole === null ? [f.text] : f.text.replace('（', '\n（').split('\n')
        for (const part of parts) expect([f.label, part, page.hasText(part)]).toEqual([f.label, part, true])
      }
    }
    expect(page.hasText('● 未达标：合格率不低于95%')).toBe(true)
    // One chart per area, each drawn at the pixel ratio with its months, and its table of the same numbers.
    for (const area of data.areas) {
      const id = `trend-${area.key}`
      await page.waitFor(() => (page.canvases.get(id)?.calls.length ?? 0) > 0, 3000, `${id} drawn`)
      const canvas = page.canvases.get(id)!
      expect([id, canvas.width, canvas.height]).toEqual([id, 640, 400])
      expect(canvas.calls).toEqual(
        expect.arrayContaining([`fillText:${Number(months[0].slice(5))}月`, 'stroke']),
      )
      expect(page.hasText(`${area.title}：近12个月`)).toBe(true)
    }
    await page.tap('直接受益（志愿服务＋上门服务）')
    expect(parseUrl(page.navigations.at(-1)?.url ?? '')).toMatchObject({
      route: 'packages/stats/pages/records/index',
      query: { orgId: 'c1', period: month, figure: 'benefit.total' },
    })
  })
})
