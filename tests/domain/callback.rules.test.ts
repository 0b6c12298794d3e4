import { callbackRollup } from '../../cloudfunctions/domain/callback.rollup'
import {
  checkLedgerSheet,
  type LedgerContext,
  maskContact,
  parseDay,
  quarterLabel,
  quarterOfDate,
  quarterRange,
  quartersOfPeriod,
  shiftQuarter,
  summarise,
  summaryLines,
} from '../../cloudfunctions/domain/callback.rules'
import { sumContributions } from '../../cloudfunctions/domain/rollup.rules'
import { dateOf } from '../../cloudfunctions/domain/time'
import { homeMenu } from '../../src/features/home-menu'

const HEADER = ['事项', '经办人', '服务对象', '联系电话', '办结日期', '所在社区']
const ctx: LedgerContext = {
  resolveOrg: (cell) => (cell === '和平社区' ? { orgId: 'org-c1' } : { error: `找不到社区“${cell}”` }),
  today: '2026-11-25',
}
const good = ['低保申请', '李窗口', '王大妈', '13700000001', '2026-10-08', '和平社区']

describe('回访核查 quarters', () => {
  it('names the quarter of a date, its China-time range and its label', () => {
    expect(quarterOfDate('2026-10-01')).toBe('2026-Q4')
    expect(quarterOfDate('2026-03-31')).toBe('2026-Q1')
    const [start, end] = quarterRange('2026-Q4')
    expect(dateOf(start)).toBe('2026-10-01')
    expect(dateOf(end - 1)).toBe('2026-12-31')
    expect(dateOf(end)).toBe('2027-01-01')
    expect(quarterLabel('2026-Q4')).toBe('2026年第四季度')
    expect(quartersOfPeriod('2026-11')).toEqual(['2026-Q4'])
    expect(quartersOfPeriod('2026')).toHaveLength(4)
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4')
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1')
  })

  it('reads the dates a ledger export holds, and refuses dates that do not exist', () => {
    expect(parseDay('2026/10/8')).toBe('2026-10-08')
    expect(parseDay('2026年10月8日')).toBe('2026-10-08')
    expect(parseDay('2026-02-29')).toBeNull()
    expect(parseDay('2024-02-29')).toBe('2024-02-29')
    expect(parseDay('十月八日')).toBeNull()
  })

  it('masks a mobile and a landline alike', () => {
    expect(maskContact('13812345678')).toBe('138****5678')
    expect(maskContact('0571-88886666')).toBe('0571****6666')
  })
})

describe('回访核查 ledger sheet', () => {
  it('takes a clean sheet, with date cells as the reader gives them', () => {
    const check = checkLedgerSheet(
      [
        HEADER,
        good,
        ['医保报销', '赵窗口', '钱大爷', '0571-88886666', new Date(Date.UTC(2026, 9, 9)), '和平社区'],
      ],
      ctx,
    )
    expect(check.ok && check.rows.map((r) => [r.row, r.completedOn, r.orgId])).toEqual([
      [2, '2026-10-08', 'org-c1'],
      [3, '2026-10-09', 'org-c1'],
    ])
  })

  it('reports every bad row by its spreadsheet number, in Chinese, and keeps none', () => {
    const check = checkLedgerSheet(
      [
        HEADER,
        good,
        [],
        ['', '李窗口', '王大妈', '123', '2026-12-01', '和平社区'],
        [...good],
        ['事项', { richText: true }, '王', '13700000002', '2026-10-08', '别的社区'],
      ],
      ctx,
    )
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.errors).toEqual([
      { row: 4, reason: '事项为空；联系电话应为11位手机号或带区号的座机号；办结日期晚于今天' },
      { row: 5, reason: '与第2行重复' },
      { row: 6, reason: expect.stringContaining('单元格内容不是文字、数字或日期') },
    ])
    expect(check.errors[2].reason).toContain('找不到社区“别的社区”')
  })

  it('names missing columns and an empty sheet', () => {
    const missing = checkLedgerSheet([['事项', '经办人']], ctx)
    expect(!missing.ok && missing.errors[0]).toEqual({
      row: 1,
      reason: '表头缺少列：服务对象、联系电话、办结日期、所在社区',
    })
    const empty = checkLedgerSheet([HEADER], ctx)
    expect(!empty.ok && empty.errors[0].reason).toBe('没有可导入的数据行')
  })
})

describe('回访核查 summary', () => {
  const calls = [
    { reached: true, ratings: { attitude: 5, ability: 4, efficiency: 3, integrity: 5 }, problem: '' },
    { reached: true, ratings: { attitude: 2, ability: 3, efficiency: 2, integrity: 4 }, problem: '办事拖拉' },
    { reached: false, ratings: null, problem: '' },
  ]

  it('counts calls made, effective calls, satisfied ratings and problems', () => {
    const s = summarise(6, calls)
    expect(s).toMatchObject({ sampled: 6, called: 3, reached: 2, ratings: 8, satisfied: 4, problems: 1 })
    expect(s.dimensions.find((d) => d.key === 'attitude')).toMatchObject({ rated: 2, satisfied: 1, total: 7 })
    const lines = Object.fromEntries(summaryLines(s).map((l) => [l.label, l.text]))
    expect(lines['有效回访（接通并评价）']).toBe('66.7%（2/3）')
    expect(lines['满意率（4分及以上的评分）']).toBe('50.0%（4/8）')
    expect(lines['态度满意率']).toBe('50.0%（1/2），平均3.5分')
    expect(summaryLines(summarise(0, [])).find((l) => l.label === '已回访')?.text).toBe('—')
  })

  it('counts each call at its community and month, the same as the summary counts them', () => {
    const sample = ['a', 'b', 'c'].map((key, i) => ({ key, orgPath: ['s', `c${i}`] }))
    const at = Date.UTC(2026, 10, 20)
    const quarter = {
      sample,
      calls: Object.fromEntries(calls.map((c, i) => [sample[i].key, { ...c, calledAt: at }])),
    }
    const buckets = [...sumContributions(callbackRollup(quarter)).values()]
    const street = buckets.reduce<Record<string, number>>((all, b) => {
      for (const [k, n] of Object.entries(b.counts)) all[k] = (all[k] ?? 0) + n
      return all
    }, {})
    expect(street).toEqual({
      'callback.calls': 3,
      'callback.reached': 2,
      'callback.ratings': 8,
      'callback.satisfied': 4,
      'callback.problems': 1,
    })
    expect(buckets.find((b) => b.orgId === 'c1')?.counts['callback.problems']).toBe(1)
  })
})

describe('回访核查 on 首页', () => {
  const member = { id: 'm1', name: '张三', orgId: 'b1', orgName: '第一党支部', category: '在职' as const }
  const tile = (role: 'inspector' | 'street_admin' | 'community_secretary' | null) =>
    homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: role ? [{ orgId: 's', orgName: '幸福街道党工委', role }] : [],
    }).find((e) => e.key === 'pledgeCallback')

  it('is offered to the 纪工委 (to call) and the street admin (ledger and summary), never to others', () => {
    expect(tile('inspector')).toMatchObject({ route: 'pledgeCallback', caption: '抽取、电话回访、发布汇总' })
    expect(tile('street_admin')).toMatchObject({ route: 'pledgeCallback', caption: '台账、抽取与汇总' })
    expect(tile('community_secretary')).toBeUndefined()
    expect(tile(null)).toBeUndefined()
  })
})
