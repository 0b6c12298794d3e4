/** 登记回访 (packages/pledge/pages/callback-call/index) and 回访核查公示 (packages/pledge/pages/callback-published/index). */
import type { CallbackQuarterView, PublishedCallbackSummary } from '@contract/callback.contract'

import { summarise, summaryLines } from '../../cloudfunctions/domain/callback.rules'
import { backend, fail, ok } from './backend'
import { loadPage } from './harness'

const CALL = 'packages/pledge/pages/callback-call/index'
const PUBLISHED = 'packages/pledge/pages/callback-published/index'

function quarter(over: Partial<CallbackQuarterView> = {}): CallbackQuarterView {
  const summary = summarise(2, [])
  return {
    quarter: '2026-Q4',
    label: '2026年第四季度',
    seed: '2026Q4-纪工委',
    size: 2,
    poolSize: 30,
    status: 'drawn',
    drawnAt: Date.now(),
    drawnByName: '董思远',
    revision: 0,
    sample: [
      {
        key: 'L-led1',
        kind: 'ledger',
        matter: '低保申请',
        staffName: '李敏',
        servedName: '王秀英',
        phone: '139****1001',
        completedOn: '2026-10-08',
        communityName: '和平社区党委',
        call: null,
      },
    ],
    summary,
    lines: summaryLines(summary),
    problems: [],
    publishedAt: null,
    scopeOrgId: null,
    scopeName: null,
    mayCall: true,
    ...over,
  }
}

describe('登记回访', () => {
  test('shows the phone masked until the 纪工委 asks, refuses a reached call without four ratings, and saves one', async () => {
    const saved: unknown[] = []
    const page = await loadPage(CALL, {
      query: { q: '2026-Q4', key: 'L-led1' },
      cloud: backend({
        'callback/quarter': () => ok(quarter()),
        'callback/contact': () => ok({ phone: '13900101001' }),
        'callback/call': (input) => {
          saved.push(input)
          // The answer carries the call now stored: the form stays, now for 修改, and says it saved.
          const view = quarter({ revision: 1 })
          view.sample[0].call = {
            reached: true,
            calledOn: input.calledOn,
            ratings: input.ratings ?? null,
            remark: input.remark ?? '',
            problem: input.problem ?? '',
            byName: '董思远',
            at: Date.now(),
            revision: 1,
          }
          return ok(view)
        },
      }),
    })
    await page.waitForText('低保申请')
    expect(page.text()).toContain('电话：139****1001')
    expect(page.text()).toContain('查看电话会记入操作日志')
    await page.tap('查看电话')
    await page.waitForText('电话：13900101001')
    expect(page.cloudCalls.map((c) => (c.data as { action: string }).action)).toContain('callback/contact')

    await page.tap('保存')
    await page.waitForText('请为态度、能力、效率、廉洁各打1到5分')
    expect(saved).toHaveLength(0)

    const on = (id: string) => String(page.attrOf(id, 'class')).includes('chip--on')
    for (const key of ['attitude', 'ability', 'efficiency', 'integrity']) {
      await page.tap(`#rating-${key}-4`)
      await page.waitFor(() => on(`#rating-${key}-4`), 3000, `${key} rated 4`)
    }
    await page.tap('#rating-efficiency-3')
    await page.waitFor(() => on('#rating-efficiency-3'), 3000, 'efficiency rated 3')
    await page.input('#callback-remark', '群众表示满意')
    await page.tap('保存')
    await page.waitForText('已保存')
    expect(page.text()).toContain('修改回访记录')
    expect(saved[0]).toMatchObject({
      quarter: '2026-Q4',
      itemKey: 'L-led1',
      reached: true,
      ratings: { attitude: 4, ability: 4, efficiency: 3, integrity: 4 },
      remark: '群众表示满意',
    })
  })

  test('records a call nobody answered without ratings, and shows why a save was refused', async () => {
    const saved: unknown[] = []
    const page = await loadPage(CALL, {
      query: { q: '2026-Q4', key: 'L-led1' },
      cloud: backend({
        'callback/quarter': () => ok(quarter()),
        'callback/call': (input) => {
          saved.push(input)
          return fail('CALLBACK.PUBLISHED', { quarter: '2026年第四季度' })
        },
      }),
    })
    await page.waitForText('登记回访')
    await page.tap('#reached-no')
    await page.waitForNoText('廉洁')
    await page.tap('保存')
    await page.waitForText('2026年第四季度的回访汇总已经发布，不能再修改')
    expect(saved[0]).toMatchObject({ reached: false, ratings: null })
  })

  test('tells someone who is not the 纪工委 that the calls are theirs, with no phone button', async () => {
    const page = await loadPage(CALL, {
      query: { q: '2026-Q4', key: 'L-led1' },
      cloud: backend({ 'callback/quarter': () => ok(quarter({ mayCall: false })) }),
    })
    await page.waitForText('回访由纪工委拨打和登记')
    expect(page.hasText('查看电话')).toBe(false)
  })

  test('opened without an item, says so and calls nothing', async () => {
    const page = await loadPage(CALL, { cloud: backend({}) })
    await page.waitForText('没有指定回访事项')
    expect(page.cloudCalls).toHaveLength(0)
  })
})

describe('回访核查公示', () => {
  test('shows each published quarter: its rates with their counts and the problems, never a phone', async () => {
    const summary = summarise(6, [
      { reached: true, ratings: { attitude: 5, ability: 4, efficiency: 3, integrity: 5 }, problem: '' },
      {
        reached: true,
        ratings: { attitude: 2, ability: 3, efficiency: 2, integrity: 4 },
        problem: '办事拖拉',
      },
      { reached: false, ratings: null, problem: '' },
    ])
    const published: PublishedCallbackSummary = {
      quarter: '2026-Q3',
      label: '2026年第三季度',
      scopeName: '幸福街道党工委',
      publishedAt: Date.now(),
      publishedByName: '董思远',
      seed: '2026-Q3-演示',
      poolSize: 12,
      summary,
      lines: summaryLines(summary),
      problems: [{ matter: '低保申请', orgName: '和平社区党委', problem: '办事拖拉' }],
    }
    const page = await loadPage(PUBLISHED, {
      cloud: backend({ 'callback/published': () => ok([published]) }),
    })
    await page.waitForText('2026年第三季度回访核查')
    expect(page.text()).toContain('66.7%（2/3）')
    expect(page.text()).toContain('50.0%（4/8）')
    expect(page.text()).toContain('和平社区党委 · 低保申请：办事拖拉')
    expect(page.text()).toContain('随机种子“2026-Q3-演示”')
    expect(page.text()).not.toMatch(/1[3-9]\d{9}|\*{4}/)
  })

  test('says so when nothing has been published to the member', async () => {
    const page = await loadPage(PUBLISHED, { cloud: backend({ 'callback/published': () => ok([]) }) })
    await page.waitForText('还没有发布给你所在组织的回访核查汇总')
  })
})
