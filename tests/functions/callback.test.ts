import ExcelJS from 'exceljs'

import type { CallbackQuarterView } from '../../cloudfunctions/contract/callback.contract'
import { allocate } from '../../cloudfunctions/domain/follow-up-sample.rules'
import { type Backend, DEMO, failed, ok, startBackend } from '../support/backend'
import { startDuring } from '../support/races'

/**
 * 回访核查 through the pledge function: the ledger (imported all-or-nothing, or entered by hand), the quarter's
 * reproducible draw (once per quarter), the 纪工委's calls (once per item, editable until published), the summary
 * and its publication to a scope. Phones reach the 纪工委 only, each reveal logged.
 */
jest.setTimeout(180_000)

const Q = '2026-Q4'
let backend: Backend
let clock: number
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 25, 6, 0, 0) // 2026-11-25 14:00 China time
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  backend = await startBackend()
})
afterEach(async () => {
  await backend.close()
  jest.restoreAllMocks()
})

const chinese = /[\u4e00-\u9fa5]/
const HEADER = ['事项', '经办人', '服务对象', '联系电话', '办结日期', '所在社区']
const COMMUNITIES = ['和平社区党委', '光明社区党委', '东风社区党委']

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('窗口服务台账')
  rows.forEach((r) => sheet.addRow(r))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** 30 services in October and November: 15 in 和平, 10 in 光明, 5 in 东风. */
function ledgerRows(): unknown[][] {
  const counts = [15, 10, 5]
  return counts.flatMap((n, c) =>
    Array.from({ length: n }, (_, i) => [
      `${['低保申请', '老年证办理', '医保报销'][i % 3]}`,
      `经办${c}${i % 4}`,
      `群众${c}-${i}`,
      `1370000${String(c * 100 + i).padStart(4, '0')}`,
      `2026-${i % 2 === 0 ? '10' : '11'}-${String((i % 20) + 1).padStart(2, '0')}`,
      COMMUNITIES[c],
    ]),
  )
}

async function importLedger(who: string = DEMO.inspector, rows = ledgerRows()) {
  const fileID = await backend.upload(who, await xlsx([HEADER, ...rows]))
  return backend.call(who, 'pledge', 'callback/import', { fileID })
}

async function drawn(size = 10, seed = '2026Q4-纪工委'): Promise<CallbackQuarterView> {
  ok(await importLedger())
  return ok(await backend.call(DEMO.inspector, 'pledge', 'callback/draw', { quarter: Q, size, seed }))
}

/** Runs `act`, expects `code` with a Chinese message, and that no collection changed. */
async function refusedUnchanged(act: () => Promise<unknown>, code: string) {
  const before = await backend.snapshot()
  const result = failed((await act()) as never)
  expect(result.code).toBe(code)
  expect(result.message).toMatch(chinese)
  expect(await backend.snapshot()).toEqual(before)
}

/** The ledger's items of a quarter (the demo ledger's, server/seed-callback.ts, and those imported). */
async function ledgerItems(quarter: string): Promise<number> {
  return (await backend.docs('callback_items')).filter((i) => i.quarter === quarter).length
}

async function storedQuarter() {
  const stored = (await backend.docs('callback_quarters')).find((d) => d.quarter === Q)
  if (!stored) throw new Error('no draw stored')
  return stored
}

/** The 回访核查 counters of November's rollups, summed over the nodes (each call counts at its item's node). */
async function callbackCounts(): Promise<Record<string, number>> {
  const sum: Record<string, number> = { calls: 0, reached: 0, ratings: 0, satisfied: 0, problems: 0 }
  for (const r of await backend.docs('rollups')) {
    if (r.month !== '2026-11' || !r.c.callback) continue
    for (const [k, n] of Object.entries(r.c.callback as Record<string, number>)) sum[k] += n
  }
  return sum
}

const call = (key: string, extra: Record<string, unknown> = {}) => ({
  quarter: Q,
  itemKey: key,
  reached: true,
  calledOn: '2026-11-25',
  ratings: { attitude: 5, ability: 4, efficiency: 3, integrity: 5 },
  remark: '群众表示满意',
  problem: '',
  ...extra,
})

describe('回访核查: the ledger', () => {
  it('imports a clean export, every row, with phones masked in the list', async () => {
    const seeded = await ledgerItems(Q)
    const result = ok(await importLedger())
    expect(result).toEqual({ imported: 30, quarters: [Q] })
    const list = ok(await backend.call(DEMO.inspector, 'pledge', 'callback/items', { quarter: Q, limit: 50 }))
    expect(list.total).toBe(30 + seeded)
    expect(list.items[0].phone).toMatch(/^137\*{4}\d{4}$/)
    expect(JSON.stringify(list)).not.toContain('13700000001')
    // The street admin keeps the ledger too.
    expect(ok(await backend.call(DEMO.admin, 'pledge', 'callback/items', { quarter: Q })).total).toBe(
      30 + seeded,
    )
  })

  it('reports every bad row by its number and imports nothing', async () => {
    const rows = ledgerRows().slice(0, 4)
    rows[1] = ['低保申请', '', '王大妈', '12345', '2026-13-01', '不存在社区']
    rows[3] = [...rows[0]]
    const before = await backend.snapshot()
    const result = failed(await importLedger(DEMO.inspector, rows))
    expect(result.code).toBe('CALLBACK.IMPORT_INVALID')
    expect(result.message).toBe('台账有 2 行有误，未导入任何数据，请修改后重新导入')
    const errors = (result.details as { errors: { row: number; reason: string }[] }).errors
    expect(errors.map((e) => e.row)).toEqual([3, 5])
    expect(errors[0].reason).toContain('经办人为空')
    expect(errors[0].reason).toContain('联系电话应为11位手机号')
    expect(errors[0].reason).toContain('办结日期应为')
    expect(errors[0].reason).toContain('找不到社区“不存在社区”')
    expect(errors[1].reason).toBe('与第2行重复')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('refuses a sheet imported again, naming its rows, and keeps the first import whole', async () => {
    ok(await importLedger())
    const before = await backend.snapshot()
    const again = failed(
      await importLedger(DEMO.inspector, [
        ...ledgerRows().slice(0, 2),
        ['新事项', '甲', '乙', '13800000000', '2026-11-02', '和平社区党委'],
      ]),
    )
    expect(again.code).toBe('CALLBACK.IMPORT_INVALID')
    const errors = (again.details as { errors: { row: number; reason: string }[] }).errors
    expect(errors.map((e) => e.row)).toEqual([2, 3])
    expect(await backend.snapshot()).toEqual(before)
  })

  it("refuses a file that is not a workbook, and someone else's upload", async () => {
    const mine = await backend.upload(DEMO.inspector, Buffer.from('PK\u0003\u0004 not really a workbook'))
    await refusedUnchanged(
      () => backend.call(DEMO.inspector, 'pledge', 'callback/import', { fileID: mine }),
      'CALLBACK.FILE_UNREADABLE',
    )
    const theirs = await backend.upload(DEMO.admin, await xlsx([HEADER, ...ledgerRows()]))
    await refusedUnchanged(
      () => backend.call(DEMO.inspector, 'pledge', 'callback/import', { fileID: theirs }),
      'FILE.FORBIDDEN',
    )
  })

  it('takes one item by hand, refuses it twice, and checks it as a sheet row', async () => {
    const item = {
      matter: '残疾证办理',
      staffName: '李窗口',
      servedName: '张三',
      phone: '0571-88886666',
      completedOn: '2026-11-20',
      orgId: 'org-c2-b1',
    }
    const added = ok(await backend.call(DEMO.inspector, 'pledge', 'callback/item-add', item))
    expect(added).toMatchObject({ matter: '残疾证办理', phone: '0571****6666', orgName: '第一党支部' })
    const add = (data: typeof item) => () => backend.call(DEMO.inspector, 'pledge', 'callback/item-add', data)
    await refusedUnchanged(add(item), 'CALLBACK.ITEM_EXISTS')
    await refusedUnchanged(add({ ...item, orgId: 'org-street' }), 'CALLBACK.NOT_COMMUNITY')
    await refusedUnchanged(add({ ...item, orgId: 'nowhere' }), 'ORG.NOT_FOUND')
    await refusedUnchanged(add({ ...item, completedOn: '2026-12-01' }), 'CALLBACK.ITEM_INVALID')
    await refusedUnchanged(add({ ...item, completedOn: '2026-02-30' }), 'CALLBACK.ITEM_INVALID')
    await refusedUnchanged(add({ ...item, phone: '12345' }), 'COMMON.INVALID_INPUT')
  })

  it('is kept by the inspector and the street admin only', async () => {
    for (const who of [DEMO.secretary1, DEMO.branchSecretary1, DEMO.member1]) {
      await refusedUnchanged(
        () => backend.call(who, 'pledge', 'callback/items', { quarter: Q }),
        'COMMON.FORBIDDEN',
      )
      await refusedUnchanged(() => importLedger(who), 'COMMON.FORBIDDEN')
      await refusedUnchanged(() => backend.call(who, 'pledge', 'callback/quarters', {}), 'COMMON.FORBIDDEN')
    }
    await refusedUnchanged(
      () => backend.call(DEMO.resident1, 'pledge', 'callback/items', { quarter: Q }),
      'COMMON.NOT_BOUND',
    )
  })
})

describe('回访核查: the draw', () => {
  it('draws the size asked, no item twice, in proportion to each community, with the seed shown', async () => {
    const view = await drawn(10)
    expect(view.seed).toBe('2026Q4-纪工委')
    expect(view.sample).toHaveLength(10)
    expect(new Set(view.sample.map((s) => s.key)).size).toBe(10)
    // The pool: the 30 ledger items, the demo ledger's and the demo street's home visit completed this quarter.
    const visits = (await backend.docs('visits')).filter(
      (v) => v.completedAt !== null && ['completed', 'confirmed'].includes(v.status),
    )
    expect(view.poolSize).toBe((await ledgerItems(Q)) + visits.length)
    const stored = (await backend.docs('callback_quarters')).find((d) => d.quarter === Q)
    if (!stored) throw new Error('no draw stored')
    const counts = new Map<string, number>()
    for (const [, g] of stored.pool as [string, string][]) counts.set(g, (counts.get(g) ?? 0) + 1)
    const shares = allocate(counts, 10)
    for (const [g, n] of shares) {
      expect(stored.sample.filter((s: { communityId: string }) => s.communityId === g)).toHaveLength(n)
    }
    expect(view.sample.every((s) => /\*{4}/.test(s.phone))).toBe(true)
  })

  it('can be drawn again by anyone who reads it, with the same result', async () => {
    const view = await drawn(8)
    const again = ok(await backend.call(DEMO.admin, 'pledge', 'callback/redraw', { quarter: Q }))
    expect(again).toMatchObject({ matches: true, seed: view.seed, size: 8 })
    expect(again.keys).toEqual(view.sample.map((s) => s.key))
    // Before publication a member may not.
    await refusedUnchanged(
      () => backend.call(DEMO.member1, 'pledge', 'callback/redraw', { quarter: Q }),
      'CALLBACK.NOT_PUBLISHED',
    )
  })

  it('makes a seed when none is given, and draws a quarter once', async () => {
    ok(await importLedger())
    const view = ok(await backend.call(DEMO.admin, 'pledge', 'callback/draw', { quarter: Q, size: 5 }))
    expect(view.seed).toMatch(/^2026-Q4-[0-9a-f]{8}$/)
    const result = failed(
      await backend.call(DEMO.inspector, 'pledge', 'callback/draw', { quarter: Q, size: 5, seed: 'x' }),
    )
    expect(result.code).toBe('CALLBACK.ALREADY_DRAWN')
    expect(result.message).toContain(view.seed)
  })

  it('refuses a quarter not begun, an empty quarter, and those who do not keep the ledger', async () => {
    const draw = (who: string, quarter: string) => () =>
      backend.call(who, 'pledge', 'callback/draw', { quarter, size: 5 })
    await refusedUnchanged(draw(DEMO.inspector, '2027-Q1'), 'CALLBACK.QUARTER_NOT_OVER')
    await refusedUnchanged(draw(DEMO.inspector, '2025-Q1'), 'CALLBACK.POOL_EMPTY')
    await refusedUnchanged(draw(DEMO.secretary1, Q), 'COMMON.FORBIDDEN')
    await refusedUnchanged(draw(DEMO.member1, Q), 'COMMON.FORBIDDEN')
    await refusedUnchanged(draw(DEMO.resident1, Q), 'COMMON.NOT_BOUND')
    await refusedUnchanged(
      () => backend.call(DEMO.inspector, 'pledge', 'callback/draw', { quarter: '2026Q4', size: 5 }),
      'COMMON.INVALID_INPUT',
    )
    await refusedUnchanged(
      () => backend.call(DEMO.inspector, 'pledge', 'callback/draw', { quarter: Q, size: 0 }),
      'COMMON.INVALID_INPUT',
    )
  })

  it('stores one draw of a quarter when two are made at once', async () => {
    // The demo street's last quarter (2026-Q3) is drawn already.
    const quarters = ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q4']
    const days = ['2025-05-01', '2025-08-01', '2025-11-01', '2026-02-01', '2026-05-01', '2026-11-01']
    ok(
      await importLedger(
        DEMO.inspector,
        days.flatMap((day, q) =>
          [0, 1, 2].map((i) => [
            '低保申请',
            '经办人',
            `群众${q}${i}`,
            `1360000${q}00${i}`,
            day,
            COMMUNITIES[i],
          ]),
        ),
      ),
    )
    for (let round = 1; round <= quarters.length; round++) {
      const quarter = quarters[round - 1]
      const draw = (who: string, seed: string) => () =>
        backend.call(who, 'pledge', 'callback/draw', { quarter, size: 2, seed })
      const [a, b] = await startDuring(
        draw(DEMO.inspector, `甲${round}`),
        { openid: DEMO.inspector, label: 'pledge callback/draw' },
        round,
        draw(DEMO.admin, `乙${round}`),
      )
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
      const loser = failed(a.ok ? b : a)
      expect(loser.code).toBe('CALLBACK.ALREADY_DRAWN')
      expect((await backend.docs('callback_quarters')).filter((d) => d.quarter === quarter)).toHaveLength(1)
    }
  })
})

describe('回访核查: calls', () => {
  it('shows the phone to the 纪工委 only, and logs each reveal', async () => {
    const view = await drawn(5)
    const key = view.sample[0].key
    const shown = ok(
      await backend.call(DEMO.inspector, 'pledge', 'callback/contact', { quarter: Q, itemKey: key }),
    )
    expect(shown.phone).toMatch(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/)
    const audit = (await backend.docs('audit_log')).filter((a) => a.action === 'callback.contact')
    expect(audit).toHaveLength(1)
    expect(audit[0].targetId).toBe(`${Q}/${key}`)
    for (const who of [DEMO.admin, DEMO.secretary1, DEMO.member1]) {
      await refusedUnchanged(
        () => backend.call(who, 'pledge', 'callback/contact', { quarter: Q, itemKey: key }),
        'COMMON.FORBIDDEN',
      )
    }
    const adminView = ok(await backend.call(DEMO.admin, 'pledge', 'callback/quarter', { quarter: Q }))
    expect(JSON.stringify(adminView)).not.toContain(shown.phone)
    expect(adminView.mayCall).toBe(false)
  })

  it('records a call once, lets the 纪工委 correct it at the revision read, and counts it', async () => {
    const view = await drawn(5)
    const key = view.sample[0].key
    const after = ok(await backend.call(DEMO.inspector, 'pledge', 'callback/call', call(key)))
    expect(after.sample[0].call).toMatchObject({ reached: true, revision: 1 })
    expect(after.summary).toMatchObject({ sampled: 5, called: 1, reached: 1, ratings: 4, satisfied: 3 })
    expect(after.lines.find((l) => l.label.startsWith('满意率'))?.text).toBe('75.0%（3/4）')
    await refusedUnchanged(
      () => backend.call(DEMO.inspector, 'pledge', 'callback/call', call(key)),
      'CALLBACK.CALL_EXISTS',
    )
    const edited = ok(
      await backend.call(
        DEMO.inspector,
        'pledge',
        'callback/call',
        call(key, { reached: false, ratings: null, problem: '电话是空号', revision: 1 }),
      ),
    )
    expect(edited.summary).toMatchObject({ called: 1, reached: 0, ratings: 0, problems: 1 })
    await refusedUnchanged(
      () => backend.call(DEMO.inspector, 'pledge', 'callback/call', call(key, { revision: 1 })),
      'CALLBACK.CALL_CHANGED',
    )
    // The rollups moved with the edit: one call, none reached, one problem.
    expect(await callbackCounts()).toEqual({ calls: 1, reached: 0, ratings: 0, satisfied: 0, problems: 1 })
  })

  it('refuses bad calls and those who are not the 纪工委, changing nothing', async () => {
    const view = await drawn(5)
    const key = view.sample[0].key
    const record = (who: string, data: Record<string, unknown>) => () =>
      backend.call(who, 'pledge', 'callback/call', data as never)
    await refusedUnchanged(record(DEMO.inspector, call(key, { ratings: null })), 'CALLBACK.RATINGS_REQUIRED')
    await refusedUnchanged(
      record(DEMO.inspector, call(key, { reached: false })),
      'CALLBACK.RATINGS_UNREACHED',
    )
    await refusedUnchanged(
      record(DEMO.inspector, call(key, { calledOn: '2026-11-30' })),
      'CALLBACK.CALL_DATE',
    )
    await refusedUnchanged(record(DEMO.inspector, call('L-nothing')), 'CALLBACK.ITEM_NOT_SAMPLED')
    await refusedUnchanged(record(DEMO.inspector, call(key, { revision: 1 })), 'CALLBACK.CALL_NOT_FOUND')
    await refusedUnchanged(
      record(
        DEMO.inspector,
        call(key, { ratings: { attitude: 6, ability: 4, efficiency: 3, integrity: 5 } }),
      ),
      'COMMON.INVALID_INPUT',
    )
    await refusedUnchanged(record(DEMO.inspector, { ...call(key), quarter: '2026-Q2' }), 'CALLBACK.NOT_DRAWN')
    await refusedUnchanged(record(DEMO.admin, call(key)), 'COMMON.FORBIDDEN')
    await refusedUnchanged(record(DEMO.secretary1, call(key)), 'COMMON.FORBIDDEN')
    await refusedUnchanged(record(DEMO.member1, call(key)), 'COMMON.FORBIDDEN')
    await refusedUnchanged(record(DEMO.resident1, call(key)), 'COMMON.NOT_BOUND')
  })

  it('stores one call of an item when it is recorded twice at once', async () => {
    const view = await drawn(8)
    for (let round = 1; round <= 6; round++) {
      const key = view.sample[round - 1].key
      const record = (remark: string) => () =>
        backend.call(DEMO.inspector, 'pledge', 'callback/call', call(key, { remark }))
      const [a, b] = await startDuring(
        record('第一次'),
        { openid: DEMO.inspector, label: 'pledge callback/call' },
        round,
        record('第二次'),
      )
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
      expect(failed(a.ok ? b : a).code).toBe('CALLBACK.CALL_EXISTS')
    }
    const stored = await storedQuarter()
    expect(Object.keys(stored.calls)).toHaveLength(6)
    expect((await callbackCounts()).calls).toBe(6)
  })
})

describe('回访核查: the summary', () => {
  async function withCalls() {
    const view = await drawn(6)
    const keys = view.sample.map((s) => s.key)
    ok(await backend.call(DEMO.inspector, 'pledge', 'callback/call', call(keys[0])))
    ok(
      await backend.call(
        DEMO.inspector,
        'pledge',
        'callback/call',
        call(keys[1], {
          ratings: { attitude: 2, ability: 3, efficiency: 2, integrity: 4 },
          problem: '办事拖拉',
        }),
      ),
    )
    return ok(
      await backend.call(
        DEMO.inspector,
        'pledge',
        'callback/call',
        call(keys[2], { reached: false, ratings: null }),
      ),
    )
  }

  it('counts calls, effective calls, satisfaction and problems, and publishes them frozen to a scope', async () => {
    const view = await withCalls()
    expect(view.summary).toMatchObject({
      sampled: 6,
      called: 3,
      reached: 2,
      ratings: 8,
      satisfied: 4,
      problems: 1,
    })
    expect(view.lines).toEqual(
      expect.arrayContaining([
        { label: '已回访', text: '50.0%（3/6）' },
        { label: '有效回访（接通并评价）', text: '66.7%（2/3）' },
        { label: '满意率（4分及以上的评分）', text: '50.0%（4/8）' },
        { label: '发现问题', text: '1件' },
      ]),
    )
    const published = ok(
      await backend.call(DEMO.inspector, 'pledge', 'callback/publish', {
        quarter: Q,
        orgId: 'org-c1',
        revision: view.revision,
      }),
    )
    expect(published).toMatchObject({ status: 'published', scopeName: '和平社区党委' })
    // Frozen: no call, edit or second publication.
    const key = view.sample[3].key
    await refusedUnchanged(
      () => backend.call(DEMO.inspector, 'pledge', 'callback/call', call(key)),
      'CALLBACK.PUBLISHED',
    )
    await refusedUnchanged(
      () =>
        backend.call(DEMO.inspector, 'pledge', 'callback/call', call(view.sample[0].key, { revision: 1 })),
      'CALLBACK.PUBLISHED',
    )
    await refusedUnchanged(
      () =>
        backend.call(DEMO.admin, 'pledge', 'callback/publish', {
          quarter: Q,
          orgId: 'org-street',
          revision: 3,
        }),
      'CALLBACK.PUBLISHED',
    )
    // A member of 和平社区 reads it, without a phone or a name of those served; 光明社区's secretary does not.
    // The demo street's last quarter, published to the whole street, is there too.
    const mine = ok(await backend.call(DEMO.member1, 'pledge', 'callback/published', {})).filter(
      (p) => p.quarter === Q,
    )
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ quarter: Q, scopeName: '和平社区党委', label: '2026年第四季度' })
    expect(mine[0].problems).toEqual([
      { matter: expect.any(String), orgName: expect.any(String), problem: '办事拖拉' },
    ])
    const text = JSON.stringify(mine)
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)|\*{4}/)
    expect(text).not.toContain('群众')
    const theirs = ok(await backend.call(DEMO.secretary2, 'pledge', 'callback/published', {}))
    expect(theirs.map((p) => p.quarter)).toEqual(['2026-Q3'])
    expect(ok(await backend.call(DEMO.member1, 'pledge', 'callback/redraw', { quarter: Q })).matches).toBe(
      true,
    )
    await refusedUnchanged(
      () => backend.call(DEMO.secretary2, 'pledge', 'callback/redraw', { quarter: Q }),
      'CALLBACK.NOT_PUBLISHED',
    )
  })

  it('refuses to publish a summary the calls have moved past, and those who do not keep it', async () => {
    const view = await withCalls()
    const publish =
      (who: string, revision: number, orgId = 'org-street') =>
      () =>
        backend.call(who, 'pledge', 'callback/publish', { quarter: Q, orgId, revision })
    await refusedUnchanged(publish(DEMO.inspector, view.revision - 1), 'CALLBACK.CHANGED')
    await refusedUnchanged(publish(DEMO.inspector, view.revision, 'nowhere'), 'ORG.NOT_FOUND')
    await refusedUnchanged(publish(DEMO.secretary1, view.revision, 'org-c1'), 'COMMON.FORBIDDEN')
    await refusedUnchanged(publish(DEMO.member1, view.revision), 'COMMON.FORBIDDEN')
    await refusedUnchanged(publish(DEMO.resident1, view.revision), 'COMMON.NOT_BOUND')
    await refusedUnchanged(
      () => backend.call(DEMO.resident1, 'pledge', 'callback/published', {}),
      'COMMON.NOT_BOUND',
    )
  })

  it('publishes exactly the calls stored when a call is recorded during the publication', async () => {
    const view = await drawn(8)
    for (let round = 1; round <= 5; round++) {
      const current = ok(await backend.call(DEMO.inspector, 'pledge', 'callback/quarter', { quarter: Q }))
      const [p, c] = await startDuring(
        () =>
          backend.call(DEMO.admin, 'pledge', 'callback/publish', {
            quarter: Q,
            orgId: 'org-street',
            revision: current.revision,
          }),
        { openid: DEMO.admin, label: 'pledge callback/publish' },
        round,
        () => backend.call(DEMO.inspector, 'pledge', 'callback/call', call(view.sample[round - 1].key)),
      )
      const stored = await storedQuarter()
      if (p.ok) {
        expect(stored.summary.called).toBe(Object.keys(stored.calls).length)
        expect(c.ok).toBe(false)
        return
      }
      expect(failed(p).code).toBe('CALLBACK.CHANGED')
      expect(c.ok).toBe(true)
    }
    throw new Error('the publication never went through')
  })
})
