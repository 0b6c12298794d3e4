/**
 * Every guard that keeps overlapping calls from counting twice or losing a write, raced through the runtime,
 * whose calls interleave at every database request as concurrent instances do on CloudBase. Each test is
 * proven by breaking its guard: `node scripts/prove-guards.mjs` removes each guard in turn, rebuilds the
 * functions, and checks that the test named here fails (see docs/GUARDS.md).
 */
import type { SessionView } from '../../cloudfunctions/contract/study.contract'
import { periodOf, signToken } from '../../cloudfunctions/domain/checkin-token'
import { type Backend, DEMO, failed, ok, startBackend, type Stored } from '../support/backend'
import { startDuring } from '../support/races'

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
/** How many database requests into the first call the second one is started at, swept 1..ROUNDS. */
const ROUNDS = 8

const codeOf = (result: { ok: boolean; code?: string }) => (result.ok ? 'ok' : result.code)

async function unboundMembers(): Promise<Stored[]> {
  return (await backend.docs('members')).filter((m) => m.openid === null && m.roles.length === 0)
}

async function inviteFor(memberId: string): Promise<string> {
  return ok(await backend.call(DEMO.admin, 'account', 'account/createInvite', { memberId })).code
}

describe('binding', () => {
  it('binds one account to one member when it uses two invite codes at once (user claim)', async () => {
    const [a, b] = (await unboundMembers()).slice(0, 2)
    for (let round = 1; round <= ROUNDS; round += 1) {
      const who = `race-one-user-${round}`
      const [codeA, codeB] = [await inviteFor(a._id), await inviteFor(b._id)]
      const [first, second] = await startDuring(
        () => backend.call(who, 'account', 'account/bindByInvite', { code: codeA }),
        { openid: who, label: 'account account/bindByInvite' },
        round,
        () => backend.call(who, 'account', 'account/bindByInvite', { code: codeB }),
      )
      const outcomes = [codeOf(first), codeOf(second)].sort()
      expect(outcomes).toEqual(['ACCOUNT.ALREADY_BOUND', 'ok'])
      const boundToWho = (await backend.docs('members')).filter((m) => m.openid === who)
      expect(boundToWho).toHaveLength(1)
      ok(await backend.call(DEMO.admin, 'org', 'member/unbind', { memberId: boundToWho[0]._id }))
    }
  })

  it('binds a member to exactly one of ten accounts matching name and phone at once (member claim)', async () => {
    const [member] = await unboundMembers()
    const people = Array.from({ length: 10 }, (_, i) => `race-phone-${i}`)
    const results = await Promise.all(
      people.map((who) =>
        backend.call(who, 'account', 'account/bindByPhone', {
          name: member.name,
          phoneLast4: String(member.phone).slice(-4),
        }),
      ),
    )
    expect(results.map(codeOf).filter((c) => c === 'ok')).toHaveLength(1)
    expect(results.map(codeOf).filter((c) => c !== 'ok')).toEqual(Array(9).fill('ACCOUNT.MEMBER_TAKEN'))
    const users = (await backend.docs('users')).filter((u) => people.includes(u._id))
    expect(users.filter((u) => u.memberId !== null)).toHaveLength(1)
    const stored = (await backend.docs('members')).find((m) => m._id === member._id)
    expect(stored?.openid).toBe(users.find((u) => u.memberId !== null)?._id)
  })

  it('spends an invite code once: of ten accounts using it at once, nine are told it is used (invite)', async () => {
    const [member] = await unboundMembers()
    const code = await inviteFor(member._id)
    const people = Array.from({ length: 10 }, (_, i) => `race-invite-${i}`)
    const results = await Promise.all(
      people.map((who) => backend.call(who, 'account', 'account/bindByInvite', { code })),
    )
    const codes = results.map(codeOf)
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1)
    expect(codes.filter((c) => c !== 'ok')).toEqual(Array(9).fill('ACCOUNT.INVITE_USED'))
    const winner = people[codes.indexOf('ok')]
    const invite = (await backend.docs('invites')).find((i) => i._id === code)
    expect(invite?.usedBy).toBe(winner)
  })
})

describe('study sessions', () => {
  async function createSession(): Promise<SessionView> {
    return ok(
      await backend.call(DEMO.secretary1, 'study', 'session/create', {
        type: 'party_lecture',
        format: 'theory',
        title: '并发测试',
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
  const token = (sessionId: string) =>
    signToken(process.env.CHECKIN_HMAC_SECRET as string, sessionId, periodOf(clock, 20))

  it('never leaves a cancelled session holding a check-in, wherever the cancel lands in a scan (parent guard)', async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const session = await createSession()
      const [scan, cancel] = await startDuring(
        () => backend.call(DEMO.member1, 'study', 'checkin/scan', { token: token(session.id) }),
        { openid: DEMO.member1, label: 'study checkin/scan' },
        round,
        () =>
          backend.call(DEMO.secretary1, 'study', 'session/cancel', { sessionId: session.id, reason: '改期' }),
      )
      const stored = (await backend.docs('study_sessions')).find((s) => s._id === session.id)
      const records = (await backend.docs('checkins')).filter((c) => c.sessionId === session.id)
      // Exactly one of the two wins, and what is stored agrees with what each was told.
      expect([codeOf(scan), codeOf(cancel)].sort()).toEqual(
        scan.ok ? ['STUDY.HAS_CHECKINS', 'ok'] : ['STUDY.CANCELLED', 'ok'],
      )
      expect(stored?.status === 'cancelled' ? records.length : 1).toBe(stored?.status === 'cancelled' ? 0 : 1)
      expect(records).toHaveLength(scan.ok ? 1 : 0)
    }
  })

  it('records one leave request of ten sent at once, and one decision of two made at once (leave)', async () => {
    const session = await createSession()
    const requests = await Promise.all(
      Array.from({ length: 10 }, () =>
        backend.call(DEMO.member1, 'study', 'leave/request', { sessionId: session.id, reason: '出差' }),
      ),
    )
    expect(requests.map(codeOf).sort()).toEqual([...Array(9).fill('STUDY.LEAVE_EXISTS'), 'ok'])
    expect((await backend.docs('leaves')).filter((l) => l.sessionId === session.id)).toHaveLength(1)
  })

  it('takes one decision when two secretaries decide the same leave at once (leave decision)', async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const session = await createSession()
      const leave = ok(
        await backend.call(DEMO.member1, 'study', 'leave/request', { sessionId: session.id, reason: '出差' }),
      )
      const [approve, decline] = await startDuring(
        () => backend.call(DEMO.secretary1, 'study', 'leave/decide', { leaveId: leave.id, approve: true }),
        { openid: DEMO.secretary1, label: 'study leave/decide' },
        round,
        () => backend.call(DEMO.admin, 'study', 'leave/decide', { leaveId: leave.id, approve: false }),
      )
      expect([codeOf(approve), codeOf(decline)].sort()).toEqual(['STUDY.LEAVE_DECIDED', 'ok'])
      const stored = (await backend.docs('leaves')).find((l) => l._id === leave.id)
      expect(stored?.status).toBe(approve.ok ? 'approved' : 'declined')
    }
  })
})

describe('organisations', () => {
  it('answers ORG.NAME_TAKEN, never an internal error, to the second of two branches named alike at once (unique name)', async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const name = `并发支部${round}`
      const [a, b] = await startDuring(
        () => backend.call(DEMO.admin, 'org', 'org/create', { parentId: 'org-c1', name }),
        { openid: DEMO.admin, label: 'org org/create' },
        round,
        () => backend.call(DEMO.admin, 'org', 'org/create', { parentId: 'org-c1', name }),
      )
      expect([codeOf(a), codeOf(b)].sort()).toEqual(['ORG.NAME_TAKEN', 'ok'])
      expect((await backend.docs('orgs')).filter((o) => o.name === name)).toHaveLength(1)
    }
  })
})

describe('quiz grading', () => {
  it('never loses an answer acknowledged while the attempt was being graded (grading revision)', async () => {
    ok(
      await backend.call(DEMO.admin, 'quiz', 'bank/import', {
        format: 'json',
        questions: Array.from({ length: 5 }, (_, i) => ({
          type: '单选',
          stem: `第${i}题：下列说法正确的是？`,
          options: ['正确说法', '错误说法甲', '错误说法乙', '错误说法丙'],
          answer: 'A',
          tags: ['并发'],
        })),
      }),
    )
    const draft = ok(
      await backend.call(DEMO.admin, 'quiz', 'exam/create', {
        title: '交卷与保存同时到达',
        orgId: 'org-c1',
        mode: 'random',
        draws: [{ type: 'single', count: 5 }],
        timeLimitMinutes: 30,
        attemptsAllowed: ROUNDS,
        opensAt: clock - MIN,
        closesAt: clock + 3_600_000,
      }),
    )
    const exam = ok(await backend.call(DEMO.admin, 'quiz', 'exam/publish', { examId: draft.id }))
    for (let round = 1; round <= ROUNDS; round += 1) {
      const attempt = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
      const right = Object.fromEntries(
        attempt.questions.map((q) => [q.id, [q.options.find((o) => o.text === '正确说法')!.id]]),
      )
      const [submitted, saved] = await startDuring(
        () => backend.call(DEMO.member1, 'quiz', 'attempt/submit', { attemptId: attempt.id }),
        { openid: DEMO.member1, label: 'quiz attempt/submit' },
        round,
        () => backend.call(DEMO.member1, 'quiz', 'attempt/save', { attemptId: attempt.id, answers: right }),
      )
      const score = ok(submitted).result?.score
      // A save the member was told succeeded is in the score; one refused as 已交卷 is not.
      if (saved.ok) expect(score).toBe(100)
      else expect([failed(saved).code, score]).toEqual(['QUIZ.ALREADY_SUBMITTED', 0])
      const stored = (await backend.docs('quiz_attempts')).find((a) => a._id === attempt.id)
      expect(stored?.score).toBe(score)
    }
  })
})
