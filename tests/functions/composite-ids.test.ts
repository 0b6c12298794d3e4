import { type Backend, DEMO, ok, startBackend } from '../support/backend'

/**
 * Records kept once per pair (a leave per session and member, an attempt per exam, member and
 * number) are keyed by the ids they join. Made through the app's own actions, not the seed's
 * short ids, those ids are longer than a single id: the client must still be able to send them back.
 */
let backend: Backend
beforeEach(async () => {
  backend = await startBackend()
})
afterEach(() => backend.close())

const MINUTE = 60_000
const NEWCOMER = 'wx-composite-newcomer'

/** A member the street admin adds to 和平社区 through the app, bound by an invite: a generated id. */
async function newMember(): Promise<string> {
  const member = ok(
    await backend.call(DEMO.admin, 'org', 'member/create', {
      name: '新党员甲',
      gender: '男',
      phone: '13700001111',
      orgId: 'org-c1-b1',
      category: '在职',
      cadreLevel: null,
    }),
  )
  const { code } = ok(
    await backend.call(DEMO.admin, 'account', 'account/createInvite', { memberId: member.id }),
  )
  ok(await backend.call(NEWCOMER, 'account', 'account/bindByInvite', { code }))
  return member.id
}

it('the leave request of a member and a session both created in the app can be decided', async () => {
  await newMember()
  const now = Date.now()
  const session = ok(
    await backend.call(DEMO.secretary1, 'study', 'session/create', {
      type: 'party_lecture',
      format: 'theory',
      title: '学习党章',
      lecturerId: null,
      orgId: 'org-c1',
      startAt: now + 60 * MINUTE,
      endAt: now + 120 * MINUTE,
      place: '和平社区党群服务中心',
      allowVisitors: false,
      rotateSeconds: 20,
      lateAfterMinutes: 5,
    }),
  )
  const leave = ok(
    await backend.call(NEWCOMER, 'study', 'leave/request', { sessionId: session.id, reason: '出差在外' }),
  )
  expect(leave.id.length).toBeGreaterThan(64)
  const decided = ok(
    await backend.call(DEMO.secretary1, 'study', 'leave/decide', { leaveId: leave.id, approve: true }),
  )
  expect(decided.status).toBe('approved')
})

it('the attempt of such a member at an exam created in the app can be read, saved and submitted', async () => {
  await newMember()
  const questions = [1, 2, 3].map((i) => ({
    type: '判断',
    stem: `判断题${i}：党员应当按期交纳党费。`,
    answer: '正确',
  }))
  ok(await backend.call(DEMO.admin, 'quiz', 'bank/import', { format: 'json', questions }))
  const now = Date.now()
  const exam = ok(
    await backend.call(DEMO.secretary1, 'quiz', 'exam/create', {
      title: '党费知识测试',
      orgId: 'org-c1',
      mode: 'random',
      draws: [{ type: 'judge', count: 2 }],
      timeLimitMinutes: 30,
      opensAt: now - MINUTE,
      closesAt: now + 60 * MINUTE,
    }),
  )
  ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: exam.id }))
  const attempt = ok(await backend.call(NEWCOMER, 'quiz', 'attempt/start', { examId: exam.id }))
  expect(attempt.id.length).toBeGreaterThan(64)
  const first = attempt.questions[0]
  const answers = { [first.id]: [first.options[0].id] }
  ok(await backend.call(NEWCOMER, 'quiz', 'attempt/save', { attemptId: attempt.id, answers }))
  expect(ok(await backend.call(NEWCOMER, 'quiz', 'attempt/get', { attemptId: attempt.id })).id).toBe(
    attempt.id,
  )
  const submitted = ok(await backend.call(NEWCOMER, 'quiz', 'attempt/submit', { attemptId: attempt.id }))
  expect(submitted.status).toBe('over')
  expect(submitted.result).not.toBeNull()
})
