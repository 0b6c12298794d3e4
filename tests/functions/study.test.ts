import type { SessionView } from '../../cloudfunctions/contract/study.contract'
import { type Backend, DEMO, failed, ok, startBackend } from '../support/backend'
import { decodeQr } from '../support/qr'
import { sentTwiceStoredOnce } from '../support/races'

/**
 * Study sessions and check-in through the bundled `study` function on the real SDK. The clock
 * is the functions' `Date.now`, moved by the tests to cross periods, the start and the end.
 */

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
const C2_MEMBER = 'demo-member-4'

async function createSession(
  patch: Partial<Parameters<Backend['call']>[3]> = {},
  who: string = DEMO.secretary1,
) {
  const result = await backend.call(who, 'study', 'session/create', {
    type: 'party_lecture',
    format: 'theory',
    title: '学习二十届三中全会精神',
    lecturerId: null,
    orgId: 'org-c1',
    startAt: clock + 10 * MIN,
    endAt: clock + 130 * MIN,
    place: '和平社区党群服务中心',
    allowVisitors: false,
    rotateSeconds: 20,
    lateAfterMinutes: 5,
    ...(patch as object),
  })
  return result
}

async function qrToken(sessionId: string): Promise<string> {
  return ok(await backend.call(DEMO.secretary1, 'study', 'session/qr', { sessionId, linkBase: null })).token
}

const scan = (who: string, token: string) => backend.call(who, 'study', 'checkin/scan', { token })

describe('creating sessions', () => {
  it('lets a secretary create a session for their node and refuses everyone else, storing nothing', async () => {
    const session = ok(await createSession())
    expect(session).toMatchObject({ orgName: '和平社区党委', status: 'scheduled', staticCodeEnabled: false })
    const before = await backend.snapshot()
    expect(failed(await createSession({}, DEMO.secretary2)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await createSession({}, DEMO.member1)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await createSession({}, DEMO.resident1)).code).toBe('COMMON.NOT_BOUND')
    expect(failed(await createSession({}, DEMO.branchSecretary1)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await createSession({ endAt: clock }, DEMO.secretary1)).code).toBe('STUDY.BAD_TIME')
    expect(failed(await createSession({ type: 'party' as never })).code).toBe('COMMON.INVALID_INPUT')
    expect(failed(await createSession({ rotateSeconds: 5 })).code).toBe('COMMON.INVALID_INPUT')
    expect(failed(await createSession({ title: '学'.repeat(61) })).code).toBe('COMMON.INVALID_INPUT')
    expect(failed(await createSession({ orgId: 'nowhere' })).code).toBe('ORG.NOT_FOUND')
    expect(failed(await backend.raw(DEMO.secretary1, 'study', { action: 'session/explode' })).code).toBe(
      'COMMON.UNKNOWN_ACTION',
    )
    expect(await backend.snapshot()).toEqual(before)
  })

  it('stores a form sent twice (its answer lost, a second tap, or both at once) as one session', async () => {
    const count = async () => (await backend.docs('study_sessions')).length
    await sentTwiceStoredOnce({
      who: { openid: DEMO.secretary1, label: 'study session/create' },
      rounds: 6,
      count,
      send: (submitKey) => createSession({ submitKey }),
      idOf: (answer) => ok(answer).id,
    })
    // Once more after both: still the same session.
    const first = ok(await createSession({ submitKey: 'oneFormKey12345678' }))
    expect(ok(await createSession({ submitKey: 'oneFormKey12345678' })).id).toBe(first.id)
    // Without a key, or with another form's, each is a session of its own.
    const before = await count()
    ok(await createSession())
    ok(await createSession())
    ok(await createSession({ submitKey: 'anotherFormKey1234567' }))
    expect(await count()).toBe(before + 3)
  })

  it('lets a branch secretary create one for their own branch', async () => {
    expect(ok(await createSession({ orgId: 'org-c1-b2' }, DEMO.branchSecretary1)).orgName).toBe('第二党支部')
  })
})

describe('checking in with the rotating QR code', () => {
  let session: SessionView
  beforeEach(async () => {
    session = ok(await createSession())
  })

  it('checks a member in once: 签到成功, then 已签到 without a second record', async () => {
    const token = await qrToken(session.id)
    const first = ok(await scan(DEMO.member1, token))
    expect(first).toMatchObject({
      outcome: 'checked_in',
      late: false,
      visitor: false,
      sessionTitle: session.title,
    })
    const second = ok(await scan(DEMO.member1, token))
    expect(second.outcome).toBe('already')
    expect(await backend.docs('checkins')).toHaveLength(1)
  })

  it('takes twenty simultaneous scans by one member as exactly one check-in', async () => {
    const token = await qrToken(session.id)
    const results = await Promise.all(Array.from({ length: 20 }, () => scan(DEMO.member1, token)))
    const outcomes = results.map((r) => ok(r).outcome)
    expect(outcomes.filter((o) => o === 'checked_in')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'already')).toHaveLength(19)
    expect(await backend.docs('checkins')).toHaveLength(1)
  })

  it('stops a forwarded photo of the code within a period: 二维码已过期', async () => {
    const token = await qrToken(session.id)
    clock += 20_000
    expect(ok(await scan(DEMO.member1, token)).outcome).toBe('checked_in') // previous period still accepted
    clock += 20_000
    const late = failed(await scan('demo-member-2', token))
    expect(late).toMatchObject({ code: 'STUDY.QR_EXPIRED', message: '二维码已过期，请重新扫码' })
    expect(ok(await scan(DEMO.member1, token)).outcome).toBe('already')
  })

  it('refuses forged and foreign codes', async () => {
    const token = await qrToken(session.id)
    const [id, period] = token.split('.')
    expect(failed(await scan(DEMO.member1, `${id}.${period}.${'A'.repeat(22)}`)).code).toBe(
      'STUDY.QR_INVALID',
    )
    expect(failed(await scan(DEMO.member1, 'https://example.com/whatever')).code).toBe('STUDY.QR_INVALID')
    expect(failed(await scan(DEMO.member1, `nosuchsession.${period}.${'A'.repeat(22)}`)).code).toBe(
      'STUDY.QR_INVALID',
    )
    expect(await backend.docs('checkins')).toHaveLength(0)
  })

  it('marks 迟到 after the grace minutes', async () => {
    clock = session.startAt + 6 * MIN
    expect(ok(await scan(DEMO.member1, await qrToken(session.id))).late).toBe(true)
  })

  it('says 不在签到时间 before the window and after the end', async () => {
    const later = ok(await createSession({ startAt: clock + 3 * 60 * MIN, endAt: clock + 4 * 60 * MIN }))
    expect(failed(await scan(DEMO.member1, await qrToken(later.id))).message).toContain('不在签到时间')
    // The last code shown, at the end, scanned a moment later (the code is no longer given after the end).
    clock = session.endAt
    const last = await qrToken(session.id)
    clock = session.endAt + 1
    expect(failed(await scan(DEMO.member1, last)).code).toBe('STUDY.NOT_IN_WINDOW')
  })

  it('refuses members outside the scope unless the session admits visitors, recorded as such', async () => {
    const token = await qrToken(session.id)
    expect(failed(await scan(C2_MEMBER, token))).toMatchObject({
      code: 'STUDY.NOT_IN_SCOPE',
      message: '你不在本次活动的参会范围',
    })
    expect(failed(await scan(DEMO.resident1, token)).code).toBe('COMMON.NOT_BOUND')
    const open = ok(await createSession({ allowVisitors: true, title: '大讲堂' }))
    expect(ok(await scan(C2_MEMBER, await qrToken(open.id)))).toMatchObject({
      outcome: 'checked_in',
      visitor: true,
    })
  })

  it('says 活动已取消 for a cancelled session, and keeps records from being cancelled away', async () => {
    const token = await qrToken(session.id)
    ok(
      await backend.call(DEMO.secretary1, 'study', 'session/cancel', {
        sessionId: session.id,
        reason: '台风停课',
      }),
    )
    expect(failed(await scan(DEMO.member1, token))).toMatchObject({
      code: 'STUDY.CANCELLED',
      message: '活动已取消',
    })

    const other = ok(await createSession())
    ok(await scan(DEMO.member1, await qrToken(other.id)))
    expect(
      failed(
        await backend.call(DEMO.secretary1, 'study', 'session/cancel', {
          sessionId: other.id,
          reason: '改期',
        }),
      ).code,
    ).toBe('STUDY.HAS_CHECKINS')
    const moved = await backend.call(DEMO.secretary1, 'study', 'session/update', {
      sessionId: other.id,
      patch: { startAt: clock + 20 * MIN },
    })
    expect(failed(moved).code).toBe('STUDY.FIXED_BY_CHECKINS')
  })

  it('only the session’s secretaries get its code', async () => {
    for (const who of [DEMO.member1, DEMO.secretary2]) {
      expect(
        failed(await backend.call(who, 'study', 'session/qr', { sessionId: session.id, linkBase: null }))
          .code,
      ).toBe('COMMON.FORBIDDEN')
    }
    const linked = ok(
      await backend.call(DEMO.secretary1, 'study', 'session/qr', {
        sessionId: session.id,
        linkBase: 'http://127.0.0.1:8080/#/packages/study/pages/checkin/index?t=',
      }),
    )
    expect(linked.payload).toContain(encodeURIComponent(linked.token))
    expect(decodeQr(Buffer.from(linked.imageBase64, 'base64'))).toBe(linked.payload)
    expect(linked.periodEndsAt - linked.serverNow).toBeLessThanOrEqual(20_000)
  })
})

describe('the static poster code', () => {
  it('works while allowed and stops when withdrawn', async () => {
    const session = ok(await createSession())
    const code = ok(
      await backend.call(DEMO.secretary1, 'study', 'session/staticCode', {
        sessionId: session.id,
        enable: true,
      }),
    )
    expect(code.scene).toMatch(/^k=[2-9A-HJKMNP-Z]{8}$/)
    expect(decodeQr(Buffer.from(code.imageBase64!, 'base64'))).toBe(code.scene)
    const result = ok(await backend.call(DEMO.member1, 'study', 'checkin/scene', { scene: code.scene! }))
    expect(result.outcome).toBe('checked_in')
    expect((await backend.docs('checkins'))[0].method).toBe('static')

    ok(
      await backend.call(DEMO.secretary1, 'study', 'session/staticCode', {
        sessionId: session.id,
        enable: false,
      }),
    )
    expect(
      failed(await backend.call('demo-member-2', 'study', 'checkin/scene', { scene: code.scene! })).code,
    ).toBe('STUDY.STATIC_DISABLED')
  })
})

describe('请假 and 补签 / 补学', () => {
  it('lets a member ask for leave before the start, once, decided once by the secretary', async () => {
    const session = ok(await createSession())
    const leave = ok(
      await backend.call('demo-member-2', 'study', 'leave/request', {
        sessionId: session.id,
        reason: '出差',
      }),
    )
    expect(leave.status).toBe('pending')
    expect(
      failed(
        await backend.call('demo-member-2', 'study', 'leave/request', {
          sessionId: session.id,
          reason: '出差',
        }),
      ).code,
    ).toBe('STUDY.LEAVE_EXISTS')
    expect(
      failed(
        await backend.call(C2_MEMBER, 'study', 'leave/request', { sessionId: session.id, reason: '有事' }),
      ).code,
    ).toBe('STUDY.NOT_IN_SCOPE')
    expect(
      failed(
        await backend.call(DEMO.secretary2, 'study', 'leave/decide', { leaveId: leave.id, approve: true }),
      ).code,
    ).toBe('COMMON.FORBIDDEN')
    const decisions = await Promise.all([
      backend.call(DEMO.secretary1, 'study', 'leave/decide', { leaveId: leave.id, approve: true }),
      backend.call(DEMO.admin, 'study', 'leave/decide', { leaveId: leave.id, approve: false }),
    ])
    expect(decisions.filter((d) => d.ok)).toHaveLength(1)
    expect(decisions.filter((d) => !d.ok).map((d) => failed(d).code)).toEqual(['STUDY.LEAVE_DECIDED'])
    clock = session.startAt
    expect(
      failed(
        await backend.call('demo-member-3', 'study', 'leave/request', {
          sessionId: session.id,
          reason: '晚了',
        }),
      ).code,
    ).toBe('STUDY.LEAVE_CLOSED')
  })

  it('records 补学 after the start with who and why, counted apart from QR check-ins', async () => {
    const session = ok(await createSession())
    const member3 = (await backend.docs('members')).find((m) => m.openid === 'demo-member-3')!
    const early = await backend.call(DEMO.secretary1, 'study', 'checkin/makeup', {
      sessionId: session.id,
      memberId: member3._id,
      kind: 'makeup_study',
      reason: '观看录像补学',
    })
    expect(failed(early).code).toBe('STUDY.MAKEUP_TOO_EARLY')
    clock = session.endAt + 3600_000
    const row = ok(
      await backend.call(DEMO.secretary1, 'study', 'checkin/makeup', {
        sessionId: session.id,
        memberId: member3._id,
        kind: 'makeup_study',
        reason: '观看录像补学',
      }),
    )
    expect(row).toMatchObject({ method: 'makeup_study', reason: '观看录像补学', recordedByName: '沈静怡' })
    const again = await backend.call(DEMO.secretary1, 'study', 'checkin/makeup', {
      sessionId: session.id,
      memberId: member3._id,
      kind: 'makeup_sign',
      reason: '再补',
    })
    expect(failed(again).code).toBe('STUDY.ALREADY_RECORDED')
    const view = ok(await backend.call(DEMO.secretary1, 'study', 'attendance/get', { sessionId: session.id }))
    expect(view.summary.byMethod).toEqual({ qr: 0, static: 0, makeup_sign: 0, makeup_study: 1 })
    expect(view.rows.find((r) => r.memberId === member3._id)).toMatchObject({
      status: 'present',
      recordedByName: '沈静怡',
    })
  })
})

describe('attendance and the monthly rule equal direct counts of the records', () => {
  it('for a session with check-ins, a late arrival, a leave and a visitor', async () => {
    const session = ok(await createSession({ allowVisitors: true }))
    const m2 = (await backend.docs('members')).find((m) => m.openid === 'demo-member-2')!
    const leave = ok(
      await backend.call('demo-member-2', 'study', 'leave/request', {
        sessionId: session.id,
        reason: '住院',
      }),
    )
    ok(await backend.call(DEMO.secretary1, 'study', 'leave/decide', { leaveId: leave.id, approve: true }))
    ok(await scan(DEMO.member1, await qrToken(session.id)))
    clock = session.startAt + 10 * MIN
    ok(await scan('demo-member-3', await qrToken(session.id)))
    ok(await scan(C2_MEMBER, await qrToken(session.id)))

    const view = ok(await backend.call(DEMO.secretary1, 'study', 'attendance/get', { sessionId: session.id }))
    const expected = (await backend.docs('members')).filter((m) => (m.orgPath as string[]).includes('org-c1'))
    expect(view.summary).toMatchObject({
      expected: expected.length,
      present: 2,
      late: 1,
      onLeave: 1,
      absent: expected.length - 3,
      visitors: 1,
    })
    expect(view.summary.rateOfExpected).toBeCloseTo(2 / expected.length)
    expect(view.summary.rateOfRequired).toBeCloseTo(2 / (expected.length - 1))
    expect(view.rows.find((r) => r.memberId === m2._id)?.status).toBe('leave')
    expect(view.rows.filter((r) => r.status === 'visitor')).toHaveLength(1)
    expect(
      failed(await backend.call(DEMO.secretary2, 'study', 'attendance/get', { sessionId: session.id })).code,
    ).toBe('COMMON.FORBIDDEN')
  })

  it('我的学习 and the secretary’s list of members below 每月2次', async () => {
    const a = ok(await createSession({ title: '第一次' }))
    ok(await scan(DEMO.member1, await qrToken(a.id)))
    ok(await scan('demo-member-2', await qrToken(a.id)))
    const b = ok(await createSession({ title: '主题党日', type: 'theme_day', format: 'activity' }))
    ok(await scan(DEMO.member1, await qrToken(b.id)))

    let mine = ok(await backend.call(DEMO.member1, 'study', 'study/mine', {}))
    expect(mine).toMatchObject({ month: '2026-11', required: 2, theoryCount: 1, met: false })
    expect(mine.sessions.map((s) => s.status)).toEqual(['present', 'present'])

    const c = ok(await createSession({ title: '第二次' }))
    ok(await scan(DEMO.member1, await qrToken(c.id)))
    mine = ok(await backend.call(DEMO.member1, 'study', 'study/mine', { month: '2026-11' }))
    expect(mine).toMatchObject({ theoryCount: 2, met: true })

    const report = ok(
      await backend.call(DEMO.secretary1, 'study', 'study/rule', { orgId: 'org-c1', month: '2026-11' }),
    )
    const c1 = (await backend.docs('members')).filter((m) => (m.orgPath as string[]).includes('org-c1'))
    expect(report.total).toBe(c1.length)
    expect(report.met).toBe(1)
    expect(report.below).toHaveLength(c1.length - 1)
    expect(report.below[0].count).toBe(0)
    expect(report.below.find((b) => b.count === 1)?.name).toBe(
      c1.find((m) => m.openid === 'demo-member-2')!.name,
    )
    const other = ok(
      await backend.call(DEMO.secretary1, 'study', 'study/rule', { orgId: 'org-c1', month: '2026-10' }),
    )
    expect(other.met).toBe(0)
    expect(
      failed(await backend.call(DEMO.member1, 'study', 'study/rule', { orgId: 'org-c1', month: '2026-11' }))
        .code,
    ).toBe('COMMON.FORBIDDEN')
  })
})

describe('the lecturer pool', () => {
  it('keeps lecturers per node, lets sessions name one from their node or above, and counts their lectures', async () => {
    const own = ok(
      await backend.call(DEMO.secretary1, 'study', 'lecturer/save', {
        orgId: 'org-c1',
        name: '李老师',
        isStaff: false,
        speciality: '党史',
      }),
    )
    const foreign = ok(
      await backend.call(DEMO.secretary2, 'study', 'lecturer/save', {
        orgId: 'org-c2',
        name: '王老师',
        isStaff: true,
        speciality: '法律',
      }),
    )
    expect(failed(await createSession({ lecturerId: foreign.id })).code).toBe('STUDY.LECTURER_NOT_FOUND')
    ok(await createSession({ lecturerId: own.id }))
    ok(await createSession({ lecturerId: own.id, type: 'theme_day', format: 'activity' }))
    const report = ok(
      await backend.call(DEMO.secretary1, 'study', 'lecturer/report', { orgId: 'org-c1', year: 2026 }),
    )
    expect(report.total).toBe(2)
    expect(report.byFormat).toEqual({ theory: 1, activity: 1 })
    expect(report.byType.party_lecture).toBe(1)
    // The pool also lists the seeded members who hold the 讲师 role; none of them gave these lectures.
    expect(report.lecturers[0]).toEqual(
      expect.objectContaining({ name: '李老师', sessions: 2, isStaff: false }),
    )
    expect(report.lecturers.slice(1).every((l) => l.sessions === 0)).toBe(true)
    expect(
      failed(
        await backend.call(DEMO.secretary1, 'study', 'lecturer/save', {
          lecturerId: foreign.id,
          orgId: 'org-c1',
          name: '改名',
          isStaff: true,
          speciality: '法律',
        }),
      ).code,
    ).toBe('COMMON.FORBIDDEN')
  })
})

describe('members holding the 讲师 role', () => {
  it('are offered by the pool of their node and those below it, and join 讲师队伍 once when a session names them', async () => {
    const member = ok(
      await backend.call(DEMO.admin, 'org', 'member/create', {
        name: '赵讲师',
        gender: '女',
        phone: '13800000077',
        orgId: 'org-c1-b1',
        category: '在职',
        cadreLevel: null,
      }),
    )
    ok(
      await backend.call(DEMO.admin, 'org', 'member/setRoles', {
        memberId: member.id,
        roles: [{ orgId: 'org-c1', role: 'lecturer' }],
      }),
    )
    const pool = async (who: string, orgId: string) =>
      ok(await backend.call(who, 'study', 'lecturer/list', { orgId })).lecturers.filter(
        (l) => l.name === '赵讲师',
      )
    expect(await pool(DEMO.secretary1, 'org-c1')).toEqual([
      expect.objectContaining({ id: member.id, isStaff: true, orgId: 'org-c1' }),
    ])
    // Another community's pool does not hold them, nor may its sessions name them.
    expect(await pool(DEMO.secretary2, 'org-c2')).toEqual([])
    expect(
      failed(await createSession({ lecturerId: member.id, orgId: 'org-c2' }, DEMO.secretary2)).code,
    ).toBe('STUDY.LECTURER_NOT_FOUND')
    // Two sessions naming them at once: both stand, and 讲师队伍 holds them once.
    const [a, b] = await Promise.all([
      createSession({ lecturerId: member.id }),
      createSession({ lecturerId: member.id }),
    ])
    expect(ok(a).lecturerName).toBe('赵讲师')
    expect(ok(b).lecturerName).toBe('赵讲师')
    expect((await backend.docs('lecturers')).filter((l) => l.name === '赵讲师')).toHaveLength(1)
    expect(await pool(DEMO.secretary1, 'org-c1')).toHaveLength(1)
    const report = ok(
      await backend.call(DEMO.secretary1, 'study', 'lecturer/report', { orgId: 'org-c1', year: 2026 }),
    )
    expect(report.lecturers).toContainEqual(
      expect.objectContaining({ id: member.id, name: '赵讲师', sessions: 2 }),
    )
  })
})

describe('every study action refuses the wrong people, changing nothing', () => {
  it('residents, plain members and another community’s secretary', async () => {
    const session = ok(await createSession())
    const leave = ok(
      await backend.call('demo-member-2', 'study', 'leave/request', {
        sessionId: session.id,
        reason: '出差',
      }),
    )
    const lecturer = ok(
      await backend.call(DEMO.secretary1, 'study', 'lecturer/save', {
        orgId: 'org-c1',
        name: '李老师',
        isStaff: true,
        speciality: '党史',
      }),
    )
    const member3 = (await backend.docs('members')).find((m) => m.openid === 'demo-member-3')!
    const secretaryOnly: Array<[string, Record<string, unknown>]> = [
      ['session/update', { sessionId: session.id, patch: { title: '改' } }],
      ['session/cancel', { sessionId: session.id, reason: '改期' }],
      ['session/list', { orgId: 'org-c1', month: '2026-11' }],
      ['session/qr', { sessionId: session.id, linkBase: null }],
      ['session/staticCode', { sessionId: session.id, enable: true }],
      ['checkin/makeup', { sessionId: session.id, memberId: member3._id, kind: 'makeup_sign', reason: '补' }],
      ['leave/decide', { leaveId: leave.id, approve: true }],
      ['attendance/get', { sessionId: session.id }],
      ['study/rule', { orgId: 'org-c1', month: '2026-11' }],
      ['lecturer/list', { orgId: 'org-c1' }],
      [
        'lecturer/save',
        { lecturerId: lecturer.id, orgId: 'org-c1', name: '改', isStaff: true, speciality: '改' },
      ],
      ['lecturer/report', { orgId: 'org-c1', year: 2026 }],
    ]
    const before = await backend.snapshot()
    for (const [action, data] of secretaryOnly) {
      for (const [who, code] of [
        [DEMO.member1, 'COMMON.FORBIDDEN'],
        [DEMO.secretary2, 'COMMON.FORBIDDEN'],
        [DEMO.resident1, 'COMMON.NOT_BOUND'],
      ]) {
        const result = failed(await backend.raw(who, 'study', { action, data }))
        expect([action, who, result.code]).toEqual([action, who, code])
      }
    }
    for (const [action, data] of [
      ['study/mine', {}],
      ['leave/request', { sessionId: session.id, reason: '事假' }],
      ['checkin/scan', { token: 'x.1.aaaaaaaaaaaaaaaaaaaaaa' }],
      ['checkin/scene', { scene: 'k=XFJD2345' }],
      ['session/get', { sessionId: session.id }],
    ] as const) {
      expect(failed(await backend.raw(DEMO.resident1, 'study', { action, data })).code).toBe(
        'COMMON.NOT_BOUND',
      )
    }
    expect(
      failed(
        await backend.call(C2_MEMBER, 'study', 'session/get', {
          sessionId: session.id,
        }),
      ).code,
    ).toBe('COMMON.FORBIDDEN')
    expect(await backend.snapshot()).toEqual(before)
  })
})
