import cloud from 'wx-server-sdk'

import type { AttemptView } from '../../cloudfunctions/contract/quiz.contract'
import { type Backend, DEMO, ok, startBackend, type Stored } from '../support/backend'

jest.setTimeout(120_000)

let backend: Backend
beforeAll(async () => {
  backend = await startBackend()
})
afterAll(() => backend.close())

const MEMBERS = 200
const openidOf = (i: number) => `load-member-${i}`

/** Two hundred bound members of 光明社区第一党支部, written as the seed writes (through the real SDK). */
async function addMembers(): Promise<void> {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  const now = Date.now()
  const members = Array.from({ length: MEMBERS }, (_, i) => ({
    // As long as the ids CloudBase generates (32 characters), so attempt ids are as long as in production.
    _id: `load${String(i).padStart(28, '0')}`,
    name: `测试党员${i}`,
    gender: '男',
    phone: `188${String(i).padStart(8, '0')}`,
    orgId: 'org-c2-b1',
    orgPath: ['org-street', 'org-c2', 'org-c2-b1'],
    category: '在职',
    cadreLevel: null,
    roles: [],
    openid: openidOf(i),
    boundAt: now,
    importBatch: null,
    createdAt: now,
    updatedAt: now,
  }))
  await db.collection('members').add({ data: members })
  await db.collection('users').add({
    data: members.map((m) => ({ _id: m.openid, memberId: m._id, bindFailures: null, createdAt: now })),
  })
}

function bank(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    type: '单选',
    stem: `第${i}题：下列说法正确的是？`,
    options: ['正确说法', '错误说法甲', '错误说法乙', '错误说法丙'],
    answer: 'A',
    tags: [`知识点${i % 5}`],
  }))
}

describe('200 members submitting at the same moment', () => {
  it('stores 200 attempts, each scored once, and a duplicate submission of each changes nothing', async () => {
    await addMembers()
    ok(await backend.call(DEMO.admin, 'quiz', 'bank/import', { format: 'json', questions: bank(60) }))
    const now = Date.now()
    const draft = ok(
      await backend.call(DEMO.admin, 'quiz', 'exam/create', {
        title: '并发交卷测试',
        orgId: 'org-c2-b1',
        mode: 'random',
        draws: [{ type: 'single', count: 20 }],
        timeLimitMinutes: 30,
        opensAt: now - 60_000,
        closesAt: now + 3_600_000,
      }),
    )
    const exam = ok(await backend.call(DEMO.admin, 'quiz', 'exam/publish', { examId: draft.id }))
    expect(exam.expectedCount).toBeGreaterThanOrEqual(MEMBERS)

    const started = await Promise.all(
      Array.from({ length: MEMBERS }, (_, i) =>
        backend.call(openidOf(i), 'quiz', 'attempt/start', { examId: exam.id }).then(ok),
      ),
    )
    // Member i answers the first i % 21 questions right (the right option is the one saying 正确说法).
    const answersOf = (a: AttemptView, i: number) =>
      Object.fromEntries(
        a.questions.map((q, k) => [
          q.id,
          [q.options.find((o) => (k < i % 21 ? o.text === '正确说法' : o.text === '错误说法甲'))!.id],
        ]),
      )
    const submissions = started.flatMap((a, i) => [
      backend.call(openidOf(i), 'quiz', 'attempt/submit', { attemptId: a.id, answers: answersOf(a, i) }),
      backend.call(openidOf(i), 'quiz', 'attempt/submit', { attemptId: a.id, answers: answersOf(a, i) }),
    ])
    const results = (await Promise.all(submissions)).map(ok)

    for (let i = 0; i < MEMBERS; i++) {
      const [first, second] = [results[2 * i], results[2 * i + 1]]
      expect(first.result).toEqual(second.result)
      expect(first.result?.score).toBe((i % 21) * 5)
    }
    const stored = (await backend.docs('quiz_attempts')) as Stored[]
    expect(stored).toHaveLength(MEMBERS)
    expect(new Set(stored.map((a) => a.memberId)).size).toBe(MEMBERS)
    expect(stored.every((a) => a.status === 'submitted' && a.results.length === 20)).toBe(true)

    const stats = ok(
      await backend.call(DEMO.admin, 'quiz', 'exam/stats', { examId: exam.id, orgId: 'org-c2-b1' }),
    )
    expect(stats.participated).toBe(MEMBERS)
    const passing = Array.from({ length: MEMBERS }, (_, i) => i % 21).filter((r) => r >= 12).length
    expect(stats.passed.count).toBe(passing)
    expect(stats.questions.reduce((s, q) => s + q.answered, 0)).toBe(MEMBERS * 20)
  })
})
