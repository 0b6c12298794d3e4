/**
 * An exam's and a question's life after they are first stored: a draft fixed after a short bank is published
 * as the same exam, drafts are edited, published exams closed early; bank questions edited and retired.
 */
import type { AttemptView, ExamInput } from '../../cloudfunctions/contract/quiz.contract'
import { type Backend, DEMO, failed, ok, startBackend, type Stored } from '../support/backend'
import { startDuring } from '../support/races'

jest.setTimeout(120_000)

let backend: Backend
let clock: number
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 25, 2, 0, 0)
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  backend = await startBackend()
})
afterEach(async () => {
  jest.restoreAllMocks()
  await backend.close()
})

const MINUTE = 60_000

/** `n` single-choice questions of one knowledge point; the right option is always 正确说法. */
function singles(n: number, tag = '党章', from = 0) {
  return Array.from({ length: n }, (_, i) => ({
    type: '单选',
    stem: `${tag}第${from + i}题：下列说法正确的是？`,
    options: ['正确说法', '错误说法甲', '错误说法乙'],
    answer: 'A',
    tags: [tag],
  }))
}

async function importBank(rows: unknown[]) {
  ok(await backend.call(DEMO.admin, 'quiz', 'bank/import', { format: 'json', questions: rows }))
}

function examInput(overrides: Partial<ExamInput> = {}): ExamInput {
  return {
    title: '十二月党章测试',
    orgId: 'org-c1',
    mode: 'random',
    draws: [{ type: 'single', count: 5 }],
    points: { single: 2, multiple: 3, judge: 1, fill: 2 },
    timeLimitMinutes: 30,
    opensAt: clock - MINUTE,
    closesAt: clock + 24 * 60 * MINUTE,
    ...overrides,
  }
}

const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : (r.code ?? ''))
const examDocs = async () => backend.docs('quiz_exams')
const rightOf = async (attempt: AttemptView) => {
  const doc = (await backend.docs('quiz_attempts')).find((a) => a._id === attempt.id) as Stored
  return Object.fromEntries((doc.paper as Stored[]).map((p) => [p.questionId, p.answer as string[]]))
}

describe('publishing a draft', () => {
  it('publishes the same draft once the shortage is fixed, leaving one exam of its title', async () => {
    await importBank(singles(3))
    const draft = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/create', examInput()))
    const short = failed(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: draft.id }))
    expect(short.code).toBe('QUIZ.DRAW_SHORT')
    // Fixed twice: the draft asks for fewer questions, and the bank grows.
    ok(
      await backend.call(DEMO.secretary1, 'quiz', 'exam/update', {
        examId: draft.id,
        ...examInput({ draws: [{ type: 'single', count: 4 }] }),
      }),
    )
    await importBank(singles(2, '党章', 10))
    const published = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: draft.id }))
    expect(published).toMatchObject({ id: draft.id, status: 'published', questionCount: 4 })
    const exams = await examDocs()
    expect(exams.filter((e) => e.title === '十二月党章测试')).toHaveLength(1)
    expect(exams[0]).toMatchObject({ _id: draft.id, status: 'published' })
  })

  it('publishes once when two publishes of one draft overlap at every point', async () => {
    await importBank(singles(6))
    // The clock moves on every reading, so the second publisher's write would change the stored exam.
    let tick = 0
    jest.spyOn(Date, 'now').mockImplementation(() => clock + tick++)
    for (let round = 1; round <= 12; round++) {
      const draft = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/create', examInput()))
      const [a, b] = await startDuring(
        () => backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: draft.id }),
        { openid: DEMO.secretary1, label: 'quiz exam/publish' },
        round,
        () => backend.call(DEMO.admin, 'quiz', 'exam/publish', { examId: draft.id }),
      )
      expect([codeOf(a), codeOf(b)].sort()).toEqual(['QUIZ.EXAM_PUBLISHED', 'ok'])
      const expected = (await backend.docs('quiz_expected')).filter((e) => e.examId === draft.id)
      const exam = (await examDocs()).find((e) => e._id === draft.id) as Stored
      expect(exam.status).toBe('published')
      expect(expected).toHaveLength(exam.expectedCount as number)
      expect(new Set(expected.map((e) => e.memberId)).size).toBe(expected.length)
    }
  })

  it('edits a draft, and refuses to edit, remove or publish again once published, changing nothing', async () => {
    await importBank(singles(6))
    const draft = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/create', examInput()))
    const edited = ok(
      await backend.call(DEMO.secretary1, 'quiz', 'exam/update', {
        examId: draft.id,
        ...examInput({
          title: '十二月党章测试（修订）',
          passLine: 70,
          draws: [{ type: 'single', count: 6 }],
        }),
      }),
    )
    expect(edited).toMatchObject({
      id: draft.id,
      title: '十二月党章测试（修订）',
      passLine: 70,
      questionCount: 6,
    })
    ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: draft.id }))
    const before = await backend.snapshot()
    const update = await backend.call(DEMO.secretary1, 'quiz', 'exam/update', {
      examId: draft.id,
      ...examInput({ title: '改过的标题' }),
    })
    expect(codeOf(update)).toBe('QUIZ.EXAM_PUBLISHED')
    expect(codeOf(await backend.call(DEMO.secretary1, 'quiz', 'exam/remove', { examId: draft.id }))).toBe(
      'QUIZ.EXAM_PUBLISHED',
    )
    expect(await backend.snapshot()).toEqual(before)
  })
})

describe('closing a published exam early', () => {
  async function published(overrides: Partial<ExamInput> = {}) {
    await importBank(singles(6))
    const draft = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/create', examInput(overrides)))
    return ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: draft.id }))
  }

  it('ends the window now; an attempt under way is graded on what was saved, as at a normal close', async () => {
    const exam = await published()
    const attempt = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
    const right = await rightOf(attempt)
    const [first, second] = attempt.questions
    ok(
      await backend.call(DEMO.member1, 'quiz', 'attempt/save', {
        attemptId: attempt.id,
        answers: { [first.id]: right[first.id] },
      }),
    )
    clock += 5 * MINUTE
    const closed = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/close', { examId: exam.id }))
    expect(closed).toMatchObject({ state: 'closed', closesAt: clock, closedEarlyAt: clock })

    clock += 1000
    const late = await backend.call(DEMO.member1, 'quiz', 'attempt/save', {
      attemptId: attempt.id,
      answers: { [second.id]: right[second.id] },
    })
    expect(codeOf(late)).toBe('QUIZ.DEADLINE_PASSED')
    const view = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/get', { attemptId: attempt.id }))
    // One question of five right, each worth 20 of 100.
    expect(view.result).toMatchObject({ score: 20, late: true })
    expect(
      codeOf(await backend.call(DEMO.branchSecretary1, 'quiz', 'attempt/start', { examId: exam.id })),
    ).toBe('QUIZ.CLOSED')
    const mine = ok(await backend.call(DEMO.member1, 'quiz', 'exam/mine', {}))
    expect(mine.items.find((e) => e.id === exam.id)).toMatchObject({ state: 'closed' })
  })

  it('closes once, refuses a draft, a closed exam and anyone without the exam in reach, changing nothing', async () => {
    const exam = await published()
    const draft = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/create', examInput({ title: '草稿' })))
    const before = await backend.snapshot()
    expect(codeOf(await backend.call(DEMO.secretary1, 'quiz', 'exam/close', { examId: draft.id }))).toBe(
      'QUIZ.EXAM_NOT_PUBLISHED',
    )
    for (const who of [DEMO.member1, DEMO.secretary2, DEMO.inspector])
      expect(codeOf(await backend.call(who, 'quiz', 'exam/close', { examId: exam.id }))).toBe(
        'COMMON.FORBIDDEN',
      )
    expect(await backend.snapshot()).toEqual(before)

    // Two closes overlapping at every point close once (the later one at the same moment finds it closed).
    for (let round = 1; round <= 6; round++) {
      const draftN = ok(
        await backend.call(DEMO.secretary1, 'quiz', 'exam/create', examInput({ title: `第${round}场` })),
      )
      const open = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: draftN.id }))
      const [a, b] = await startDuring(
        () => backend.call(DEMO.secretary1, 'quiz', 'exam/close', { examId: open.id }),
        { openid: DEMO.secretary1, label: 'quiz exam/close' },
        round,
        () => backend.call(DEMO.admin, 'quiz', 'exam/close', { examId: open.id }),
      )
      expect([codeOf(a), codeOf(b)].sort()).toEqual(['QUIZ.EXAM_ALREADY_CLOSED', 'ok'])
    }
    ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/close', { examId: exam.id }))
    clock += MINUTE
    const after = await backend.snapshot()
    expect(codeOf(await backend.call(DEMO.secretary1, 'quiz', 'exam/close', { examId: exam.id }))).toBe(
      'QUIZ.EXAM_ALREADY_CLOSED',
    )
    expect(await backend.snapshot()).toEqual(after)
  })
})

describe('a start and an early close at the same moment', () => {
  it('never leaves an attempt running past the exam’s close, at every interleaving', async () => {
    await importBank(singles(6))
    for (let round = 1; round <= 12; round++) {
      const draft = ok(
        await backend.call(DEMO.secretary1, 'quiz', 'exam/create', examInput({ title: `第${round}场` })),
      )
      const exam = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: draft.id }))
      const [start, close] = await startDuring(
        () => backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }),
        { openid: DEMO.member1, label: 'quiz attempt/start' },
        round,
        () => backend.call(DEMO.secretary1, 'quiz', 'exam/close', { examId: exam.id }),
      )
      expect(codeOf(close)).toBe('ok')
      const closesAt = ((await examDocs()).find((e) => e._id === exam.id) as Stored).closesAt as number
      const running = (await backend.docs('quiz_attempts')).filter((a) => a.examId === exam.id)
      // The start either came too late (QUIZ.CLOSED) or its attempt ends when the exam does.
      if (start.ok) expect(running.map((a) => a.deadline <= closesAt)).toEqual([true])
      else expect(codeOf(start)).toBe('QUIZ.CLOSED')
    }
  })
})

describe('keeping bank questions', () => {
  it('retires a question: kept in past attempts and their review, never drawn again, listed only on request', async () => {
    await importBank(singles(5))
    const exam = ok(
      await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', {
        examId: ok(
          await backend.call(
            DEMO.secretary1,
            'quiz',
            'exam/create',
            examInput({ reveal: 'after_submit', draws: [{ type: 'single', count: 5 }] }),
          ),
        ).id,
      }),
    )
    const attempt = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
    const retiredId = attempt.questions[0].id
    const right = await rightOf(attempt)

    const retired = ok(await backend.call(DEMO.admin, 'quiz', 'bank/retire', { questionId: retiredId }))
    expect(retired).toMatchObject({ id: retiredId, retired: true })
    expect(codeOf(await backend.call(DEMO.admin, 'quiz', 'bank/retire', { questionId: retiredId }))).toBe(
      'QUIZ.QUESTION_RETIRED',
    )

    // The attempt that drew it keeps it, is graded on it and reviews it.
    const done = ok(
      await backend.call(DEMO.member1, 'quiz', 'attempt/submit', {
        attemptId: attempt.id,
        answers: { [retiredId]: right[retiredId] },
      }),
    )
    expect(done.questions.map((q) => q.id)).toContain(retiredId)
    expect(done.result?.score).toBe(20)
    expect(done.review?.find((r) => r.questionId === retiredId)).toMatchObject({ credit: 2 })

    // The default list hides it; the filter shows it.
    const listed = ok(await backend.call(DEMO.admin, 'quiz', 'bank/list', {}))
    expect(listed.total).toBe(4)
    expect(listed.items.map((q) => q.id)).not.toContain(retiredId)
    const onlyRetired = ok(await backend.call(DEMO.admin, 'quiz', 'bank/list', { show: 'retired' }))
    expect(onlyRetired.items.map((q) => [q.id, q.retired])).toEqual([[retiredId, true]])
    expect(ok(await backend.call(DEMO.admin, 'quiz', 'bank/list', { show: 'all' })).total).toBe(5)
    expect(ok(await backend.call(DEMO.admin, 'quiz', 'bank/tags', {})).totals.single).toBe(4)

    // Never drawn again: a draw of five is short, a draw of four never holds it, nor does practice.
    const five = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/create', examInput({ title: '五题' })))
    expect(codeOf(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: five.id }))).toBe(
      'QUIZ.DRAW_SHORT',
    )
    const four = ok(
      await backend.call(
        DEMO.secretary1,
        'quiz',
        'exam/create',
        examInput({ title: '四题', draws: [{ type: 'single', count: 4 }] }),
      ),
    )
    ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: four.id }))
    for (const who of [DEMO.member1, DEMO.branchSecretary1, DEMO.secretary1]) {
      const paper = ok(await backend.call(who, 'quiz', 'attempt/start', { examId: four.id }))
      expect(paper.questions.map((q) => q.id)).not.toContain(retiredId)
    }
    const practice = ok(await backend.call(DEMO.member1, 'quiz', 'practice/today', {}))
    expect(practice.questions.map((q) => q.id)).not.toContain(retiredId)

    // A fixed paper holding it is refused at publication, naming the question.
    const fixed = ok(
      await backend.call(
        DEMO.secretary1,
        'quiz',
        'exam/create',
        examInput({
          title: '固定卷',
          mode: 'fixed',
          questionIds: [listed.items[0].id, retiredId],
          draws: [],
        }),
      ),
    )
    const refused = failed(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: fixed.id }))
    expect(refused.message).toBe('考试设置有误：第2题已停用，请换题后再发布')
  })

  it('edits a question for later papers while an attempt keeps the one it drew', async () => {
    await importBank(singles(5))
    const draft = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/create', examInput()))
    const exam = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: draft.id }))
    const attempt = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
    const target = attempt.questions[0]
    const edited = ok(
      await backend.call(DEMO.admin, 'quiz', 'bank/save', {
        questionId: target.id,
        question: {
          type: 'single',
          stem: '改过的题干：党的最高领导机关是？',
          options: ['全国代表大会和中央委员会', '中央政治局'],
          answer: ['A'],
          tags: ['党章'],
          explanation: null,
        },
      }),
    )
    expect(edited).toMatchObject({ id: target.id, stem: '改过的题干：党的最高领导机关是？', retired: false })
    const again = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/get', { attemptId: attempt.id }))
    expect(again.questions[0]).toEqual(target)
    const next = ok(await backend.call(DEMO.branchSecretary1, 'quiz', 'attempt/start', { examId: exam.id }))
    // The paper draws all five singles, so the edited one is on it, as edited.
    expect(next.questions.find((q) => q.id === target.id)?.stem).toBe('改过的题干：党的最高领导机关是？')
  })

  it('lets only the bank keeper retire, and refuses a missing question, changing nothing', async () => {
    await importBank(singles(2))
    const [q] = (await backend.docs('quiz_questions')) as Stored[]
    const before = await backend.snapshot()
    for (const who of [DEMO.secretary1, DEMO.member1, DEMO.inspector])
      expect(codeOf(await backend.call(who, 'quiz', 'bank/retire', { questionId: q._id }))).toBe(
        'COMMON.FORBIDDEN',
      )
    expect(
      codeOf(await backend.call(DEMO.admin, 'quiz', 'bank/retire', { questionId: 'no-such-question' })),
    ).toBe('QUIZ.QUESTION_NOT_FOUND')
    expect(await backend.snapshot()).toEqual(before)
  })
})

describe('points on a paper', () => {
  it('gives each question its share of 100, the parts adding up to 100, and grades on them', async () => {
    // 3 single (2 points) + 2 judge (1 point): raw 8, so 25, 25, 25, 12.5, 12.5.
    const judges = Array.from({ length: 2 }, (_, i) => ({
      type: '判断',
      stem: `判断${i}：党员应当按期交纳党费。`,
      answer: '正确',
      tags: ['纪律'],
    }))
    await importBank([...singles(3), ...judges])
    const draft = ok(
      await backend.call(
        DEMO.secretary1,
        'quiz',
        'exam/create',
        examInput({
          draws: [
            { type: 'single', count: 3 },
            { type: 'judge', count: 2 },
          ],
        }),
      ),
    )
    const exam = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: draft.id }))
    const attempt = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
    expect(attempt.questions.map((q) => [q.type, q.points])).toEqual([
      ['single', 25],
      ['single', 25],
      ['single', 25],
      ['judge', 12.5],
      ['judge', 12.5],
    ])
    const right = await rightOf(attempt)
    const judge = attempt.questions[3]
    const done = ok(
      await backend.call(DEMO.member1, 'quiz', 'attempt/submit', {
        attemptId: attempt.id,
        answers: { [attempt.questions[0].id]: right[attempt.questions[0].id], [judge.id]: right[judge.id] },
      }),
    )
    expect(done.result?.score).toBe(37.5)
  })
})
