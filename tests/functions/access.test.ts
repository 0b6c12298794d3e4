import ExcelJS from 'exceljs'

import type { ExamInput } from '../../cloudfunctions/contract/quiz.contract'
import type { SessionView } from '../../cloudfunctions/contract/study.contract'
import { type Backend, DEMO, failed, ok, startBackend, type Stored } from '../support/backend'

/**
 * Who can see what (issue 8): the street's 纪工委 reads every study and quiz figure and changes nothing; a 支部书记
 * reads the higher nodes' sessions where their members are expected, and only their members' part; the names
 * behind the figures, reminders once per person and day, and the names as an .xlsx.
 */
jest.setTimeout(60_000)

let backend: Backend
let clock: number
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 25, 6, 0, 0)
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  backend = await startBackend()
})
afterEach(async () => {
  await backend.close()
  jest.restoreAllMocks()
})

const MIN = 60_000
const MONTH = '2026-11'

async function communitySession(): Promise<SessionView> {
  return ok(
    await backend.call(DEMO.secretary1, 'study', 'session/create', {
      type: 'party_lecture',
      format: 'theory',
      title: '社区党课',
      lecturerId: null,
      orgId: 'org-c1',
      startAt: clock + 10 * MIN,
      endAt: clock + 130 * MIN,
      place: '和平社区党群服务中心',
      allowVisitors: false,
      rotateSeconds: 20,
      lateAfterMinutes: 5,
    }),
  )
}

function bankJson(perType: number) {
  return Array.from({ length: perType }, (_, i) => ({
    type: '判断',
    stem: `判断题${i}：党员有权在党的会议上批评党的任何组织和任何党员。`,
    answer: '正确',
    tags: ['纪律'],
  }))
}

function examInput(): ExamInput {
  return {
    title: '十一月党章测试',
    orgId: 'org-c1',
    mode: 'random',
    draws: [{ type: 'judge', count: 4 }],
    points: { single: 0, multiple: 0, judge: 25, fill: 0 },
    timeLimitMinutes: 30,
    opensAt: clock - MIN,
    closesAt: clock + 24 * 60 * MIN,
  }
}

/** A published exam of 和平社区 that DEMO.member1 took and failed (handed in blank). */
async function failedExam() {
  ok(await backend.call(DEMO.admin, 'quiz', 'bank/import', { format: 'json', questions: bankJson(6) }))
  const draft = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/create', examInput()))
  const exam = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: draft.id }))
  const attempt = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
  ok(await backend.call(DEMO.member1, 'quiz', 'attempt/submit', { attemptId: attempt.id }))
  return exam
}

async function memberByOpenid(openid: string): Promise<Stored> {
  return (await backend.docs('members')).find((m) => m.openid === openid)!
}

async function sheetRows(url: string): Promise<unknown[][]> {
  const cloudPath = new URL(url, 'http://host').pathname.replace('/local/files/', '')
  const bytes = await backend.stored(`cloud://local.local/${cloudPath}`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe('the discipline inspector (纪工委)', () => {
  it('reads sessions, attendance, 学习达标, 讲师队伍 and exam results across the street', async () => {
    const session = await communitySession()
    const exam = await failedExam()
    const who = DEMO.inspector
    const listed = ok(await backend.call(who, 'study', 'session/list', { orgId: 'org-street', month: MONTH }))
    expect(listed.sessions.map((s) => s.id)).toContain(session.id)
    expect(ok(await backend.call(who, 'study', 'session/get', { sessionId: session.id })).title).toBe(
      '社区党课',
    )
    const attendance = ok(await backend.call(who, 'study', 'attendance/get', { sessionId: session.id }))
    expect(attendance.limitedTo).toBeNull()
    expect(attendance.summary.expected).toBeGreaterThan(0)
    const rule = ok(await backend.call(who, 'study', 'study/rule', { orgId: 'org-street', month: MONTH }))
    expect(rule.total).toBe((await backend.docs('members')).length)
    ok(await backend.call(who, 'study', 'lecturer/list', { orgId: 'org-street' }))
    ok(await backend.call(who, 'study', 'lecturer/report', { orgId: 'org-c1', year: 2026 }))
    const exams = ok(await backend.call(who, 'quiz', 'exam/list', {}))
    expect(exams.items.map((e) => [e.id, e.mayManage])).toEqual([[exam.id, false]])
    const stats = ok(await backend.call(who, 'quiz', 'exam/stats', { examId: exam.id }))
    expect(stats.participated).toBe(1)
    expect(stats.failed.map((p) => p.name)).toEqual([(await memberByOpenid(DEMO.member1)).name])
  })

  it('is refused every write with COMMON.FORBIDDEN, and nothing changes', async () => {
    const session = await communitySession()
    const exam = await failedExam()
    ok(await backend.call(DEMO.member1, 'study', 'leave/request', { sessionId: session.id, reason: '出差' }))
    const leave = (await backend.docs('leaves'))[0]
    const question = (await backend.docs('quiz_questions'))[0]
    const member1 = await memberByOpenid(DEMO.member1)
    clock += 20 * MIN
    const before = await backend.snapshot()
    const who = DEMO.inspector
    const writes = [
      backend.call(who, 'study', 'session/create', {
        type: 'party_lecture',
        format: 'theory',
        title: '纪工委不能建活动',
        lecturerId: null,
        orgId: 'org-c1',
        startAt: clock + 10 * MIN,
        endAt: clock + 70 * MIN,
        place: '会议室',
        allowVisitors: false,
        rotateSeconds: 20,
        lateAfterMinutes: 5,
      }),
      backend.call(who, 'study', 'session/update', { sessionId: session.id, patch: { title: '改名' } }),
      backend.call(who, 'study', 'session/cancel', { sessionId: session.id, reason: '取消' }),
      backend.call(who, 'study', 'session/qr', { sessionId: session.id, linkBase: null }),
      backend.call(who, 'study', 'session/staticCode', { sessionId: session.id, enable: true }),
      backend.call(who, 'study', 'checkin/makeup', {
        sessionId: session.id,
        memberId: member1._id,
        kind: 'makeup_sign',
        reason: '补签',
      }),
      backend.call(who, 'study', 'leave/decide', { leaveId: leave._id, approve: true }),
      backend.call(who, 'study', 'lecturer/save', {
        orgId: 'org-c1',
        name: '王讲师',
        isStaff: true,
        speciality: '党史',
      }),
      backend.call(who, 'study', 'study/remind', { orgId: 'org-c1', month: MONTH, memberIds: [member1._id] }),
      backend.call(who, 'quiz', 'exam/create', examInput()),
      backend.call(who, 'quiz', 'exam/publish', { examId: exam.id }),
      backend.call(who, 'quiz', 'exam/remove', { examId: exam.id }),
      backend.call(who, 'quiz', 'exam/remind', {
        examId: exam.id,
        orgId: 'org-c1',
        memberIds: [member1._id],
      }),
      backend.call(who, 'quiz', 'bank/save', {
        questionId: question._id,
        question: { type: 'judge', stem: '纪工委改题', answer: ['正确'] },
      }),
      backend.call(who, 'quiz', 'bank/remove', { questionId: question._id }),
      backend.call(who, 'quiz', 'bank/import', { format: 'json', questions: bankJson(1) }),
      backend.call(who, 'quiz', 'bank/export', {}),
    ]
    const codes = (await Promise.all(writes)).map((r) => failed(r).code)
    expect(codes).toEqual(Array(writes.length).fill('COMMON.FORBIDDEN'))
    expect(await backend.snapshot()).toEqual(before)
  })
})

describe('a branch secretary at a higher node’s session', () => {
  it('sees the community’s session, read-only, with their own branch’s members only', async () => {
    const session = await communitySession()
    const who = DEMO.branchSecretary1
    const listed = ok(await backend.call(who, 'study', 'session/list', { orgId: 'org-c1-b2', month: MONTH }))
    expect(listed.sessions.map((s) => s.id)).toEqual([session.id])
    ok(await backend.call(who, 'study', 'session/get', { sessionId: session.id }))
    clock += 20 * MIN
    const view = ok(await backend.call(who, 'study', 'attendance/get', { sessionId: session.id }))
    const branch = (await backend.docs('members')).filter((m) => m.orgId === 'org-c1-b2')
    expect(view.limitedTo).toEqual(['第二党支部'])
    expect(view.rows.map((r) => r.memberId).sort()).toEqual(branch.map((m) => m._id).sort())
    expect(view.summary.expected).toBe(branch.length)
    const whole = ok(
      await backend.call(DEMO.secretary1, 'study', 'attendance/get', { sessionId: session.id }),
    )
    expect(whole.rows.length).toBeGreaterThan(branch.length)

    // Reading is all: the community's session stays the community secretary's to manage.
    const before = await backend.snapshot()
    const member = branch[0]
    for (const write of [
      backend.call(who, 'study', 'checkin/makeup', {
        sessionId: session.id,
        memberId: member._id,
        kind: 'makeup_sign',
        reason: '补签',
      }),
      backend.call(who, 'study', 'session/cancel', { sessionId: session.id, reason: '取消' }),
    ])
      expect(failed(await write).code).toBe('COMMON.FORBIDDEN')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('is refused another community’s session', async () => {
    const session = await communitySession()
    for (const action of ['session/get', 'attendance/get'] as const)
      expect(
        failed(await backend.call(DEMO.secretary2, 'study', action, { sessionId: session.id })).code,
      ).toBe('COMMON.FORBIDDEN')
  })
})

describe('the names behind the figures', () => {
  it('lists 学习未达标 and 未参考/不合格 within the caller’s subtree only', async () => {
    const exam = await failedExam()
    const members = await backend.docs('members')
    const inBranch = new Set(members.filter((m) => m.orgId === 'org-c1-b2').map((m) => m._id))
    const inCommunity = new Set(members.filter((m) => m.orgPath.includes('org-c1')).map((m) => m._id))
    const branchRule = ok(
      await backend.call(DEMO.branchSecretary1, 'study', 'study/rule', { orgId: 'org-c1-b2', month: MONTH }),
    )
    expect(branchRule.below.map((b) => b.memberId).sort()).toEqual([...inBranch].sort())
    expect(
      failed(
        await backend.call(DEMO.branchSecretary1, 'study', 'study/rule', { orgId: 'org-c1', month: MONTH }),
      ).code,
    ).toBe('COMMON.FORBIDDEN')

    const stats = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/stats', { examId: exam.id }))
    const member1 = await memberByOpenid(DEMO.member1)
    expect(stats.failed).toEqual([expect.objectContaining({ memberId: member1._id, score: 0 })])
    expect(stats.absent).toHaveLength(stats.expected - 1)
    expect(stats.absent.every((p) => inCommunity.has(p.memberId))).toBe(true)
    const branchStats = ok(
      await backend.call(DEMO.branchSecretary1, 'quiz', 'exam/stats', {
        examId: exam.id,
        orgId: 'org-c1-b2',
      }),
    )
    expect(branchStats.absent.length).toBeGreaterThan(0)
    expect([...branchStats.absent, ...branchStats.failed].every((p) => inBranch.has(p.memberId))).toBe(true)
  })
})

describe('reminders', () => {
  it('sends one subscribe message per bound person and day, whatever the taps, and shows 已提醒', async () => {
    const members = await backend.docs('members')
    const rule = ok(
      await backend.call(DEMO.secretary1, 'study', 'study/rule', { orgId: 'org-c1', month: MONTH }),
    )
    const ids = rule.below.map((b) => b.memberId)
    const bound = members.filter((m) => ids.includes(m._id) && m.openid !== null)
    expect(bound.length).toBeGreaterThan(1)
    const tap = () =>
      backend.call(DEMO.secretary1, 'study', 'study/remind', {
        orgId: 'org-c1',
        month: MONTH,
        memberIds: ids,
      })
    // Two taps at once (a double tap, or two secretaries) remind each person once.
    const [a, b] = (await Promise.all([tap(), tap()])).map((r) => ok(r))
    expect(a.sent + b.sent).toBe(bound.length)
    expect(a.already + b.already).toBe(bound.length)
    expect(a.unreachable).toBe(ids.length - bound.length)
    const outbox = await backend.docs('outbox')
    expect(outbox.map((m) => m.touser).sort()).toEqual(bound.map((m) => m.openid).sort())
    const message = outbox[0]
    expect(message.data.phrase2.value).toBe('未达标')
    expect([...String(message.data.thing1.value)].length).toBeLessThanOrEqual(20)
    expect([...String(message.data.thing3.value)].length).toBeLessThanOrEqual(20)

    const after = ok(
      await backend.call(DEMO.secretary1, 'study', 'study/rule', { orgId: 'org-c1', month: MONTH }),
    )
    expect(after.remindedToday).toBe(bound.length)
    expect(
      after.below
        .filter((b) => b.remindedToday)
        .map((b) => b.memberId)
        .sort(),
    ).toEqual(bound.map((m) => m._id).sort())
    // Again later the same day: nothing sent. The next day: once more.
    expect(ok(await tap()).sent).toBe(0)
    clock += 24 * 60 * MIN
    expect(ok(await tap()).sent).toBe(bound.length)
    expect(await backend.docs('outbox')).toHaveLength(bound.length * 2)
  })

  it('sends with the deployment’s template, and counts a member who has not allowed the messages apart', async () => {
    const members = await backend.docs('members')
    const rule = ok(
      await backend.call(DEMO.secretary1, 'study', 'study/rule', { orgId: 'org-c1', month: MONTH }),
    )
    const bound = members.filter((m) => rule.below.some((b) => b.memberId === m._id) && m.openid !== null)
    const [declined, ...others] = bound
    process.env.SUBSCRIBE_TEMPLATE_STUDY = 'tmpl-study-of-this-appid'
    process.env.LOCAL_UNSUBSCRIBED_OPENIDS = declined.openid
    try {
      // What the member's app asks WeChat to allow is what the server sends with.
      expect(
        ok(await backend.call(declined.openid, 'account', 'account/me', {})).reminderTemplateIds,
      ).toContain('tmpl-study-of-this-appid')
      const tap = () =>
        backend.call(DEMO.secretary1, 'study', 'study/remind', {
          orgId: 'org-c1',
          month: MONTH,
          memberIds: bound.map((m) => m._id),
        })
      const first = ok(await tap())
      expect(first).toMatchObject({ sent: others.length, unsubscribed: 1, failed: 0 })
      const outbox = await backend.docs('outbox')
      expect(outbox.every((m) => m.templateId === 'tmpl-study-of-this-appid')).toBe(true)
      expect(outbox.map((m) => m.touser)).not.toContain(declined.openid)
      // Not counted as reminded: once they allow the messages, the same day's 提醒 reaches them.
      process.env.LOCAL_UNSUBSCRIBED_OPENIDS = ''
      expect(ok(await tap())).toMatchObject({ sent: 1, already: others.length, unsubscribed: 0 })
    } finally {
      delete process.env.SUBSCRIBE_TEMPLATE_STUDY
      delete process.env.LOCAL_UNSUBSCRIBED_OPENIDS
    }
    // A resident is asked for nothing.
    expect(ok(await backend.call('wx-resident-x', 'account', 'account/me', {})).reminderTemplateIds).toEqual(
      [],
    )
  })

  it('reminds only within the secretary’s subtree and only those still behind, changing nothing else', async () => {
    const exam = await failedExam()
    const members = await backend.docs('members')
    const other = members.find((m) => m.orgPath.includes('org-c2'))!
    const before = await backend.snapshot()
    expect(
      failed(
        await backend.call(DEMO.secretary1, 'study', 'study/remind', {
          orgId: 'org-c1',
          month: MONTH,
          memberIds: [other._id],
        }),
      ).code,
    ).toBe('COMMON.FORBIDDEN')
    expect(
      failed(
        await backend.call(DEMO.branchSecretary1, 'quiz', 'exam/remind', {
          examId: exam.id,
          orgId: 'org-c1',
          memberIds: [other._id],
        }),
      ).code,
    ).toBe('COMMON.FORBIDDEN')
    expect(await backend.snapshot()).toEqual(before)

    const member1 = await memberByOpenid(DEMO.member1)
    const outcome = ok(
      await backend.call(DEMO.secretary1, 'quiz', 'exam/remind', {
        examId: exam.id,
        orgId: 'org-c1',
        memberIds: [member1._id],
      }),
    )
    expect(outcome).toMatchObject({ sent: 1, already: 0, resolved: 0 })
    const [message] = await backend.docs('outbox')
    expect(message).toMatchObject({ touser: DEMO.member1 })
    expect(message.data.phrase2.value).toBe('未合格')
    const stats = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/stats', { examId: exam.id }))
    expect(stats.failed[0].remindedToday).toBe(true)
    expect(stats.remindedToday).toBe(1)
  })
})

describe('exporting the names', () => {
  it('answers a URL whose .xlsx lists the names behind the figures', async () => {
    const exam = await failedExam()
    const rule = ok(
      await backend.call(DEMO.branchSecretary1, 'study', 'study/rule', { orgId: 'org-c1-b2', month: MONTH }),
    )
    const file = ok(
      await backend.call(DEMO.branchSecretary1, 'study', 'study/ruleExport', {
        orgId: 'org-c1-b2',
        month: MONTH,
      }),
    )
    expect(file.fileName).toMatch(/^学习未达标-2026-11-\d{8}\.xlsx$/)
    const rows = await sheetRows(file.url)
    expect(rows[1]).toEqual(['姓名', '所在组织', '本月理论学习次数', '今日是否已提醒'])
    expect(rows.slice(2).map((r) => r[0])).toEqual(rule.below.map((b) => b.name))

    const examFile = ok(
      await backend.call(DEMO.inspector, 'quiz', 'exam/namesExport', { examId: exam.id, orgId: 'org-c1' }),
    )
    const examRows = await sheetRows(examFile.url)
    const member1 = await memberByOpenid(DEMO.member1)
    expect(examRows).toContainEqual(expect.arrayContaining([member1.name, '不合格', 0]))
    expect(examRows.filter((r) => r[2] === '未参考').length).toBeGreaterThan(0)
  })
})
