import ExcelJS from 'exceljs'

import { type SessionType } from '../../cloudfunctions/domain/study.rules'
import { type Backend, DEMO, failed, ok, startBackend, type Stored } from '../support/backend'
import {
  type DirectFigures,
  directFigures,
  rawStreet,
  screenFigures,
  sideBySide,
} from '../support/stats-direct'

/**
 * 月度统计 through the bundled `stats` function: figures read from the rollups the study and quiz functions keep
 * equal a direct count over raw records, the rebuild changes nothing after incremental writes (overlapping ones
 * included), a secretary never receives another subtree's figures, and the export reads back as the screen.
 */
jest.setTimeout(120_000)

let backend: Backend
let clock: number
const MIN = 60_000
const HOUR = 60 * MIN
const MONTH = '2026-11'
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 25, 6, 0, 0)
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  backend = await startBackend()
})
afterEach(async () => {
  await backend.close()
  jest.restoreAllMocks()
})

async function session(
  type: SessionType,
  orgId: string,
  startAt: number,
  format: 'theory' | 'activity' = 'theory',
) {
  return ok(
    await backend.call(DEMO.secretary1, 'study', 'session/create', {
      type,
      format,
      title: `测试${type}`,
      lecturerId: null,
      orgId,
      startAt,
      endAt: startAt + HOUR,
      place: '党群服务中心',
      allowVisitors: false,
      rotateSeconds: 20,
      lateAfterMinutes: 5,
    }),
  )
}

const membersOf = async (orgId: string) =>
  (await backend.docs('members')).filter((m) => m.orgPath.includes(orgId)).map((m) => m._id as string)

const makeup = (sessionId: string, memberId: string) =>
  backend.call(DEMO.secretary1, 'study', 'checkin/makeup', {
    sessionId,
    memberId,
    kind: 'makeup_sign',
    reason: '现场登记',
  })

/** A month of 和平社区: 三会一课 in its first branch, a 党课 for the community, attendance, a leave, an exam. */
async function scenario() {
  const b1 = await membersOf('org-c1-b1')
  const c1 = await membersOf('org-c1')
  const committee = await session('committee_meeting', 'org-c1-b1', clock - 5 * HOUR, 'activity')
  const group = await session('party_group', 'org-c1-b1', clock - 4 * HOUR)
  const lecture = await session('party_lecture', 'org-c1', clock - 3 * HOUR)
  await session('group_study', 'org-c1', clock - 2 * HOUR) // nobody came: not held
  for (const m of b1.slice(0, 3)) ok(await makeup(committee.id, m))
  for (const m of b1.slice(0, 4)) ok(await makeup(group.id, m))
  for (const m of c1.slice(0, 10)) ok(await makeup(lecture.id, m))
  // A leave for a session later today, approved.
  const later = await session('group_study', 'org-c1', clock + 3 * HOUR)
  const leave = ok(
    await backend.call(DEMO.member1, 'study', 'leave/request', { sessionId: later.id, reason: '值班' }),
  )
  ok(await backend.call(DEMO.secretary1, 'study', 'leave/decide', { leaveId: leave.id, approve: true }))
  // An exam: one member passes, one fails.
  ok(
    await backend.call(DEMO.admin, 'quiz', 'bank/save', {
      question: {
        type: 'judge',
        stem: '党员有权批评党的任何组织和任何党员。',
        options: [],
        answer: ['正确'],
        tags: ['党章'],
      },
    }),
  )
  const question = (await backend.docs('quiz_questions'))[0]
  const exam = ok(
    await backend.call(DEMO.secretary1, 'quiz', 'exam/create', {
      title: '十一月党章测试',
      orgId: 'org-c1',
      mode: 'fixed',
      questionIds: [question._id],
      timeLimitMinutes: 30,
      opensAt: clock - MIN,
      closesAt: clock + 24 * HOUR,
    }),
  )
  ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: exam.id }))
  for (const [who, answer] of [
    [DEMO.member1, '正确'],
    ['demo-member-2', '错误'],
  ] as const) {
    const attempt = ok(await backend.call(who, 'quiz', 'attempt/start', { examId: exam.id }))
    const q = attempt.questions[0]
    const choice = q.options.find((o) => o.text === answer)?.id ?? answer
    ok(
      await backend.call(who, 'quiz', 'attempt/submit', {
        attemptId: attempt.id,
        answers: { [q.id]: [choice] },
      }),
    )
  }
}

function expectEqual(view: Parameters<typeof sideBySide>[0], d: DirectFigures) {
  const { screen, direct } = sideBySide(view, d)
  expect(screen).toEqual(direct)
}

const month = (who: string, input: { month?: string; orgId?: string } = {}) =>
  backend.call(who, 'stats', 'stats/month', input)

describe('月度统计', () => {
  it('shows every figure as a direct count of the records gives, for the secretary’s node and below', async () => {
    await scenario()
    const raw = await rawStreet(backend.docs)
    const view = ok(await month(DEMO.secretary1))
    expect(view).toMatchObject({ month: MONTH, orgId: 'org-c1' })
    expectEqual(view, directFigures(raw, 'org-c1', MONTH, clock))
    expect(screenFigures(view)['study.sessions'].value).toBe(3)
    for (const orgId of ['org-c1-b1', 'org-c1-b2'])
      expectEqual(ok(await month(DEMO.secretary1, { orgId })), directFigures(raw, orgId, MONTH, clock))
    const street = ok(await month(DEMO.admin))
    expectEqual(street, directFigures(raw, street.orgId, MONTH, clock))
    // 三会一课: the first branch held its 支委会 and 党小组会 this month; the quarter's 党员大会 is due; its 党课 is
    // the community's, given to the branch's members (支部工作条例 第十九条: a higher organisation's 党课 counts).
    const b1 = view.meetings.find((m) => m.orgId === 'org-c1-b1')
    expect(b1?.checks.map((c) => `${c.label}:${c.status}:${c.held}:${c.fromAbove}`)).toEqual([
      '支部委员会会议:met:1:0',
      '党小组会:met:1:0',
      '支部党员大会:due:0:0',
      '党课:met:1:1',
    ])
    const meetingRecords = ok(
      await backend.call(DEMO.secretary1, 'stats', 'stats/records', {
        orgId: 'org-c1-b1',
        period: MONTH,
        figure: 'study.meetings',
      }),
    )
    expect(meetingRecords.total).toBe(3)
    expect(meetingRecords.rows.map((r) => `${r[1]}@${r[3]}`)).toEqual([
      '党课@和平社区党委（上级党组织）',
      '党小组会@第一党支部',
      '支部委员会会议@第一党支部',
    ])
    expect(view.meetings.find((m) => m.orgId === 'org-c1-b2')?.status).toBe('due')
    // The trend ends with this month and the comparison has a row per branch.
    const study = view.trends.find((t) => t.area === 'study')
    expect(study?.months.at(-1)).toBe(MONTH)
    expect(study?.series.find((s) => s.key === 'study.sessions')?.values.at(-1)).toBe(3)
    expect(view.compare.rows.map((r) => r.orgId)).toEqual(['org-c1-b1', 'org-c1-b2', 'org-c1-b3'])
    expect(view.compare.rows[0].values['study.sessions']).toBe(2)
  })

  it('rebuilds to exactly the rollups the services kept, and the nightly check finds no drift until one is made', async () => {
    await scenario()
    const before = await backend.docs('rollups')
    const report = ok(await backend.call(DEMO.admin, 'stats', 'rollups/rebuild', {}))
    expect(report).toMatchObject({ changed: 0, removed: 0, tallies: 0 })
    expect(report.buckets).toBeGreaterThan(0)
    expect(await backend.docs('rollups')).toEqual(before)
    const night = ok(await backend.fireTimer('stats', 'nightlyRollupCheck')) as {
      drift: unknown[]
      checked: number
    }
    expect(night.drift).toEqual([])
    expect(night.checked).toBeGreaterThan(0)
    // A lost increment (a call killed between its record and its rollup) is reported, and the rebuild repairs it.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    await backend.database.handle('database.modifyDocument', {
      collectionName: 'rollups',
      queryType: 'DOC',
      query: JSON.stringify({ _id: `org-c1-b1_${MONTH}` }),
      data: JSON.stringify({ $inc: { 'c.study.present': -1 } }),
      multi: false,
      merge: true,
      upsert: false,
    })
    const drift = ok(await backend.fireTimer('stats', 'nightlyRollupCheck')) as { drift: Stored[] }
    expect(drift.drift).toEqual([
      {
        id: `org-c1-b1_${MONTH}`,
        key: 'study.present',
        stored: expect.any(Number),
        expected: expect.any(Number),
      },
    ])
    expect(logged).toHaveBeenCalledWith('[stats] rollup drift', expect.stringContaining('study.present'))
    expect(ok(await backend.call(DEMO.admin, 'stats', 'rollups/rebuild', {})).changed).toBe(1)
    expect(await backend.docs('rollups')).toEqual(before)
  })

  it('keeps the rollups exact through 200 overlapping writes', async () => {
    const c1 = await membersOf('org-c1')
    const sessions = await Promise.all([
      session('party_lecture', 'org-c1', clock - 3 * HOUR),
      session('group_study', 'org-c1', clock - 2 * HOUR),
      session('party_group', 'org-c1-b1', clock - HOUR),
    ])
    // Every member at every session, some twice, all at once: first counts of node-months, tallies crossing 2.
    const calls = Array.from({ length: 200 }, (_, i) =>
      makeup(sessions[i % 3].id, c1[Math.floor(i / 3) % c1.length]),
    )
    const answers = await Promise.all(calls)
    expect(
      answers.filter((a) => !a.ok && a.code !== 'STUDY.ALREADY_RECORDED' && a.code !== 'STUDY.NOT_IN_SCOPE'),
    ).toEqual([])
    const raw = await rawStreet(backend.docs)
    expectEqual(ok(await month(DEMO.secretary1)), directFigures(raw, 'org-c1', MONTH, clock))
    expectEqual(
      ok(await month(DEMO.secretary1, { orgId: 'org-c1-b1' })),
      directFigures(raw, 'org-c1-b1', MONTH, clock),
    )
    expect(ok(await backend.call(DEMO.admin, 'stats', 'rollups/rebuild', {}))).toMatchObject({
      changed: 0,
      tallies: 0,
    })
  })
})

describe('who sees what', () => {
  it('never gives a secretary another subtree’s figures, records, to-do list, export or paragraph', async () => {
    await scenario()
    const other = { orgId: 'org-c1' }
    expect(failed(await month(DEMO.secretary2, other)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await month(DEMO.branchSecretary1, other)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await month(DEMO.branchSecretary1, { orgId: 'org-c1-b1' })).code).toBe('COMMON.FORBIDDEN')
    for (const [action, data] of [
      ['stats/records', { ...other, period: MONTH, figure: 'study.attendance' }],
      ['stats/todo', other],
      ['stats/export', { ...other, period: MONTH }],
      ['stats/year', { ...other, year: 2026 }],
    ] as const) {
      expect(failed(await backend.call(DEMO.secretary2, 'stats', action, data as never)).code).toBe(
        'COMMON.FORBIDDEN',
      )
    }
    // Their own: the community's secretary defaults to it, the branch secretary to the branch.
    expect(ok(await month(DEMO.secretary2)).orgId).toBe('org-c2')
    const branch = ok(await month(DEMO.branchSecretary1))
    expect(branch.orgId).toBe('org-c1-b2')
    expect(branch.nodes.map((n) => n.id)).toEqual(['org-c1-b2'])
    expect(branch.compare.rows).toEqual([])
    // Records of the own subtree only: the street's sessions are not in a branch's list.
    const rows = ok(
      await backend.call(DEMO.branchSecretary1, 'stats', 'stats/records', {
        orgId: 'org-c1-b2',
        period: MONTH,
        figure: 'study.attendance',
      }),
    )
    const b2 = new Set(
      (await backend.docs('members')).filter((m) => m.orgId === 'org-c1-b2').map((m) => m.name),
    )
    expect(rows.rows.every((r) => b2.has(r[1]))).toBe(true)
  })

  it('lets the inspector read the whole street but not rebuild; members and residents read nothing', async () => {
    await scenario()
    const street = ok(await month(DEMO.inspector))
    expect(street.nodes.length).toBeGreaterThan(20)
    expect(ok(await month(DEMO.inspector, { orgId: 'org-c1' })).orgId).toBe('org-c1')
    expect(failed(await backend.call(DEMO.inspector, 'stats', 'rollups/rebuild', {})).code).toBe(
      'COMMON.FORBIDDEN',
    )
    expect(failed(await backend.call(DEMO.secretary1, 'stats', 'rollups/rebuild', {})).code).toBe(
      'COMMON.FORBIDDEN',
    )
    expect(failed(await month(DEMO.member1)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await month(DEMO.resident1)).code).toBe('COMMON.NOT_BOUND')
  })

  it('refuses bad months, unknown nodes and figures with a Chinese message, changing nothing', async () => {
    const before = await backend.snapshot()
    for (const bad of ['2026-13', '2026-1', '26-11', '']) {
      const answer = failed(await month(DEMO.secretary1, { month: bad }))
      expect(answer.code).toBe('COMMON.INVALID_INPUT')
      expect(answer.message).toMatch(/月份/)
    }
    expect(failed(await month(DEMO.secretary1, { month: '2026-12' })).code).toBe('STATS.FUTURE_MONTH')
    expect(failed(await month(DEMO.secretary1, { orgId: 'nowhere' })).code).toBe('ORG.NOT_FOUND')
    expect(
      failed(
        await backend.call(DEMO.secretary1, 'stats', 'stats/records', {
          orgId: 'org-c1',
          period: MONTH,
          figure: 'study.nothing',
        }),
      ).code,
    ).toBe('STATS.UNKNOWN_FIGURE')
    expect(
      failed(await backend.call(DEMO.secretary1, 'stats', 'stats/year', { orgId: 'org-c1', year: 2030 }))
        .code,
    ).toBe('STATS.FUTURE_MONTH')
    expect(await backend.snapshot()).toEqual(before)
  })
})

describe('records, to-do, export and the year', () => {
  it('opens the records behind a figure, page by page', async () => {
    await scenario()
    const view = ok(await month(DEMO.secretary1))
    const attendance = screenFigures(view)['study.attendance']
    const first = ok(
      await backend.call(DEMO.secretary1, 'stats', 'stats/records', {
        orgId: 'org-c1',
        period: MONTH,
        figure: 'study.attendance',
        limit: 10,
      }),
    )
    expect(first.total).toBe(attendance.value)
    expect(first.rows).toHaveLength(10)
    const second = ok(
      await backend.call(DEMO.secretary1, 'stats', 'stats/records', {
        orgId: 'org-c1',
        period: MONTH,
        figure: 'study.attendance',
        limit: 10,
        offset: first.nextOffset ?? 0,
      }),
    )
    expect(first.rows.length + second.rows.length).toBe(attendance.value)
    expect(second.nextOffset).toBeNull()
    const committee = ok(
      await backend.call(DEMO.secretary1, 'stats', 'stats/records', {
        orgId: 'org-c1',
        period: MONTH,
        figure: 'study.sessions.committeeMeeting',
      }),
    )
    expect(committee.rows.map((r) => r[1])).toEqual(['支部委员会会议'])
  })

  it('lists what needs doing: members below the rule, branches behind on 三会一课, exams below the pass target', async () => {
    await scenario()
    const todo = ok(await backend.call(DEMO.secretary1, 'stats', 'stats/todo', {}))
    const kinds = todo.items.map((i) => i.kind)
    expect(kinds).toContain('below')
    expect(kinds).toContain('meetings')
    expect(todo.items.find((i) => i.kind === 'lowPass')?.title).toMatch(/十一月党章测试.*50\.0%/)
  })

  it('exports the month as a workbook whose numbers are the screen’s', async () => {
    await scenario()
    const view = ok(await month(DEMO.secretary1))
    const file = ok(
      await backend.call(DEMO.secretary1, 'stats', 'stats/export', { orgId: 'org-c1', period: MONTH }),
    )
    const cloudPath = new URL(file.url, 'http://host').pathname.replace('/local/files/', '')
    const bytes = await backend.stored(`cloud://local.local/${cloudPath}`)
    expect(bytes).not.toBeNull()
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as never)
    for (const area of view.areas) {
      const sheet = book.getWorksheet(area.title)
      expect(sheet).toBeDefined()
      const read: Record<string, unknown[]> = {}
      sheet?.eachRow((row, n) => {
        if (n > 2)
          read[String(row.getCell(1).value)] = [
            row.getCell(2).value,
            row.getCell(3).value,
            row.getCell(4).value,
          ]
      })
      for (const f of area.figures) expect(read[f.label]).toEqual([f.text, f.value, f.whole ?? ''])
    }
    expect(book.getWorksheet('三会一课')?.rowCount).toBe(1 + view.meetings.length * 4)
  })

  it('writes the year’s paragraph in the manner of the 述职报告, each figure opening its records', async () => {
    await scenario()
    const year = ok(
      await backend.call(DEMO.secretary1, 'stats', 'stats/year', { orgId: 'org-c1', year: 2026 }),
    )
    expect(year.text).toContain('全年上党课1次，集体学习0次')
    expect(year.text).toContain('开展党建常识考核1次，共2人次参加，合格率50.0%，优秀率50.0%')
    const figures = year.paragraphs.flatMap((p) => p.parts).filter((p) => p.figure)
    expect(figures.length).toBeGreaterThan(5)
    for (const part of figures) {
      const page = ok(
        await backend.call(DEMO.secretary1, 'stats', 'stats/records', {
          orgId: 'org-c1',
          period: '2026',
          figure: part.figure ?? '',
        }),
      )
      expect(page.columns.length).toBeGreaterThan(0)
    }
  })
})
