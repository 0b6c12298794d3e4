import type { AttemptView } from '../../cloudfunctions/contract/quiz.contract'
import { type Backend, DEMO, ok, startBackend, type Stored } from '../support/backend'
import { addBoundMembers } from '../support/members'

jest.setTimeout(120_000)

let backend: Backend
beforeAll(async () => {
  backend = await startBackend()
})
afterAll(() => backend.close())

const MEMBERS = 200
const openidOf = (i: number) => `load-member-${i}`

/** Two hundred bound members of 光明社区第一党支部. */
function addMembers(): Promise<void> {
  return addBoundMembers({
    count: MEMBERS,
    openid: openidOf,
    idPrefix: 'load',
    orgId: 'org-c2-b1',
    orgPath: ['org-street', 'org-c2', 'org-c2-b1'],
    namePrefix: '测试党员',
    phonePrefix: '188',
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
