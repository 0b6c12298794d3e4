import {
  attemptDeadline,
  type Credit,
  type GradedQuestion,
  gradeQuestion,
  normaliseFill,
  scoreAttempt,
} from '../../cloudfunctions/domain/quiz.rules'
import { type DrawCandidate, drawPaper, formatShortage } from '../../cloudfunctions/domain/quiz-draw.rules'
import { checkBankRows, jsonToRows, sheetToRows } from '../../cloudfunctions/domain/quiz-import.rules'
import {
  countedAttempts,
  examFigures,
  type GradedAttempt,
} from '../../cloudfunctions/domain/quiz-stats.rules'

/** A small deterministic generator, so the generated cases are the same on every run. */
function seeded(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const choice = (type: 'single' | 'multiple' | 'judge', answer: string[]): GradedQuestion => ({
  type,
  options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id })),
  answer,
})
const fill = (...answer: string[]): GradedQuestion => ({ type: 'fill', options: [], answer })

describe('fill-in normalisation', () => {
  it.each([
    ['中国共产党', ' 中国 共产党 '],
    ['（一）中央委员会', '(一)中央委员会'],
    ['【一】', '（一）'],
    ['[一]', '〔一〕'],
    ['为人民服务，', '为人民服务,'],
    ['“两个确立”', '"两个确立"'],
    ['ＡＢＣ１２３', 'abc123'],
    ['《党章》', '<党章>'],
    ['全\u3000心', '全心'],
  ])('treats %s and %s alike', (a, b) => expect(normaliseFill(a)).toBe(normaliseFill(b)))

  it('keeps different words different', () => {
    expect(normaliseFill('中国共产党')).not.toBe(normaliseFill('中国共青团'))
  })
})

describe('grading one question', () => {
  it('single and judge: the one right option id, nothing else', () => {
    expect(gradeQuestion(choice('single', ['b']), ['b'], 'all')).toBe(2)
    expect(gradeQuestion(choice('single', ['b']), ['a'], 'all')).toBe(0)
    expect(gradeQuestion(choice('single', ['b']), ['b', 'a'], 'partial')).toBe(0)
    expect(gradeQuestion(choice('judge', ['a']), ['a'], 'all')).toBe(2)
    expect(gradeQuestion(choice('judge', ['a']), [], 'all')).toBe(0)
    expect(gradeQuestion(choice('judge', ['a']), undefined, 'all')).toBe(0)
  })

  it('multiple, all-or-nothing: the exact set in any order', () => {
    const q = choice('multiple', ['a', 'c', 'd'])
    expect(gradeQuestion(q, ['d', 'a', 'c'], 'all')).toBe(2)
    expect(gradeQuestion(q, ['a', 'c'], 'all')).toBe(0)
    expect(gradeQuestion(q, ['a', 'b', 'c', 'd'], 'all')).toBe(0)
    expect(gradeQuestion(q, ['a', 'a', 'c', 'd'], 'all')).toBe(0)
  })

  it('multiple, partial credit: half for a correct proper subset, none with a wrong option', () => {
    const q = choice('multiple', ['a', 'c', 'd'])
    expect(gradeQuestion(q, ['a', 'c', 'd'], 'partial')).toBe(2)
    expect(gradeQuestion(q, ['c'], 'partial')).toBe(1)
    expect(gradeQuestion(q, ['a', 'd'], 'partial')).toBe(1)
    expect(gradeQuestion(q, ['a', 'b'], 'partial')).toBe(0)
    expect(gradeQuestion(q, [], 'partial')).toBe(0)
  })

  it('fill-in: any listed alternative after normalisation; empty never counts', () => {
    const q = fill('中国共产党', '中共')
    expect(gradeQuestion(q, [' 中 共 '], 'all')).toBe(2)
    expect(gradeQuestion(q, ['中国共产党'], 'all')).toBe(2)
    expect(gradeQuestion(q, ['共产党'], 'all')).toBe(0)
    expect(gradeQuestion(q, ['   '], 'all')).toBe(0)
  })
})

describe('scores and lines', () => {
  const lines = { passLine: 60, excellentLine: 90 }
  const paper = (n: number, points = 1) =>
    Array.from({ length: n }, () => ({ type: 'single' as const, points }))
  const credits = (right: number, n: number) =>
    Array.from({ length: n }, (_, i) => (i < right ? 2 : 0) as Credit)

  it('normalises any point total to 100', () => {
    expect(scoreAttempt(paper(40, 2.5), credits(30, 40), lines).score).toBe(75)
    expect(scoreAttempt(paper(3), credits(1, 3), lines).score).toBe(33.33)
    expect(scoreAttempt(paper(3), credits(2, 3), lines).score).toBe(66.66)
  })

  it('counts a line when the score is ≥ it, with no rounding up: 59.5 fails, 60 passes', () => {
    const at = (right: number) => scoreAttempt(paper(200), credits(right, 200), lines)
    expect(at(119)).toMatchObject({ score: 59.5, passed: false })
    expect(at(120)).toMatchObject({ score: 60, passed: true, excellent: false })
    expect(at(179)).toMatchObject({ score: 89.5, excellent: false })
    expect(at(180)).toMatchObject({ score: 90, excellent: true })
    // 2 of 3 is 66.666…: above a 66.66 line, below a 66.67 one.
    expect(scoreAttempt(paper(3), credits(2, 3), { passLine: 66.66, excellentLine: 66.67 })).toMatchObject({
      passed: true,
      excellent: false,
    })
    // Thirds that add up to exactly 60 reach the line (no floating-point shortfall).
    const thirds = scoreAttempt(paper(15), credits(9, 15), lines)
    expect(thirds).toMatchObject({ score: 60, passed: true })
  })

  it('gives half points for partial credit, per type points', () => {
    const mixed = [
      { type: 'multiple' as const, points: 3 },
      { type: 'judge' as const, points: 1 },
    ]
    expect(scoreAttempt(mixed, [1, 2], lines).score).toBe(62.5)
  })

  it('holds the deadline at the earlier of start + limit and the close', () => {
    expect(attemptDeadline(1_000, 10, 10_000_000)).toBe(1_000 + 600_000)
    expect(attemptDeadline(1_000, 10, 300_000)).toBe(300_000)
  })
})

describe('random draws', () => {
  const bank: DrawCandidate[] = [
    ...Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, type: 'single' as const, tags: ['党章'] })),
    ...Array.from({ length: 4 }, (_, i) => ({
      id: `m${i}`,
      type: 'multiple' as const,
      tags: ['党章', '党史'],
    })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: `j${i}`, type: 'judge' as const, tags: ['党史'] })),
  ]

  it('never repeats a question across draws, over many random papers', () => {
    const random = seeded(7)
    for (let run = 0; run < 200; run++) {
      const drawn = drawPaper(
        [
          { tag: '党章', count: 8 },
          { tag: '党史', count: 5 },
        ],
        bank,
        random,
      )
      if (!drawn.ok) throw new Error('expected a paper')
      const all = drawn.picks.flat()
      expect(new Set(all).size).toBe(13)
      expect(drawn.picks[0].every((id) => !id.startsWith('j'))).toBe(true)
      expect(drawn.picks[1].every((id) => !id.startsWith('s'))).toBe(true)
    }
  })

  it('finds a paper where taking shared questions greedily would fail', () => {
    // 党史 can only be served by m* and j*; 党章 must leave it enough multiples.
    const drawn = drawPaper(
      [
        { tag: '党章', count: 7 },
        { tag: '党史', count: 6 },
      ],
      bank,
      () => 0.999,
    )
    expect(drawn.ok).toBe(true)
  })

  it('reports which draw is short and by how much', () => {
    const drawn = drawPaper(
      [
        { type: 'judge', count: 5 },
        { type: 'single', count: 2 },
      ],
      bank,
    )
    expect(drawn).toEqual({
      ok: false,
      shortages: [expect.objectContaining({ index: 0, wanted: 5, found: 3 })],
    })
    if (!drawn.ok) expect(formatShortage(drawn.shortages[0])).toBe('第1组（判断题）需要5题，题库中只够3题')
    const shared = drawPaper(
      [
        { tag: '党章', count: 10 },
        { tag: '党史', count: 5 },
      ],
      bank,
    )
    expect(shared.ok).toBe(false)
    if (!shared.ok) expect(shared.shortages.reduce((s, x) => s + x.wanted - x.found, 0)).toBe(2)
  })
})

describe('exam figures equal direct counts on generated attempts', () => {
  it('counts 应考, 参考, 合格, 优秀, rates, distribution and item analysis', () => {
    const random = seeded(42)
    const expected = new Set(Array.from({ length: 80 }, (_, i) => `m${i}`))
    const tags = ['党章', '党史', '纪律', '理论']
    const attempts: GradedAttempt[] = []
    for (let i = 0; i < 90; i++) {
      const memberId = `m${Math.floor(random() * 100)}`
      const results = Array.from({ length: 10 }, (_, k) => ({
        questionId: `q${k}`,
        tags: [tags[k % 4]],
        credit: (random() < 0.3 + (k % 4) * 0.15 ? 2 : random() < 0.5 ? 1 : 0) as Credit,
      }))
      const score = Math.floor(random() * 10001) / 100
      attempts.push({
        memberId,
        n: attempts.filter((a) => a.memberId === memberId).length + 1,
        score,
        passed: score >= 60,
        excellent: score >= 90,
        results,
      })
    }
    for (const rule of ['best', 'last'] as const) {
      const counted = countedAttempts(attempts, rule)
      expect(new Set(counted.map((a) => a.memberId)).size).toBe(counted.length)
      for (const c of counted) {
        const own = attempts.filter((a) => a.memberId === c.memberId)
        if (rule === 'best') expect(c.score).toBe(Math.max(...own.map((a) => a.score)))
        else expect(c.n).toBe(Math.max(...own.map((a) => a.n)))
      }
      const f = examFigures(expected, counted)
      const taking = counted.filter((a) => expected.has(a.memberId))
      expect(f.expected).toBe(80)
      expect(f.participated).toBe(taking.length)
      expect(f.passed.count).toBe(taking.filter((a) => a.score >= 60).length)
      expect(f.excellent.count).toBe(taking.filter((a) => a.score >= 90).length)
      expect(f.passed.ofParticipants).toBe(f.passed.count / taking.length)
      expect(f.excellent.ofExpected).toBe(f.excellent.count / 80)
      expect(f.distribution.reduce((s, d) => s + d.count, 0)).toBe(taking.length)
      expect(f.distribution[0].count).toBe(taking.filter((a) => a.score < 60).length)
      for (const t of f.tags) {
        const rows = taking.flatMap((a) => a.results.filter((r) => r.tags.includes(t.tag)))
        expect([t.answered, t.correct]).toEqual([rows.length, rows.filter((r) => r.credit === 2).length])
      }
      for (const q of f.questions) {
        const rows = taking.flatMap((a) => a.results.filter((r) => r.questionId === q.questionId))
        expect(q.correct).toBe(rows.filter((r) => r.credit === 2).length)
      }
      expect(f.tags.map((t) => t.rate)).toEqual(f.tags.map((t) => t.rate).sort((a, b) => a - b))
      expect(f.tags[0].tag).toBe('党章')
    }
  })

  it('answers null rates when nobody was expected or took part', () => {
    const f = examFigures(new Set(), [])
    expect(f.passed).toEqual({ count: 0, ofParticipants: null, ofExpected: null })
  })
})

describe('bank rows', () => {
  it('reads a sheet by its header and numbers rows as the spreadsheet does', () => {
    const rows = sheetToRows([
      ['题型', '题干', '选项A', '选项B', '答案', '知识点'],
      ['单选', '题一', '甲', '乙', 'B', '党章，党史'],
      [],
      ['判断', '题二', '', '', '错', ''],
    ])
    if (!Array.isArray(rows)) throw new Error('expected rows')
    const check = checkBankRows(rows, new Set())
    expect(check).toEqual({
      ok: true,
      questions: [
        expect.objectContaining({ row: 2, type: 'single', correct: [1], tags: ['党章', '党史'] }),
        expect.objectContaining({ row: 4, type: 'judge', correct: [1] }),
      ],
    })
    expect(sheetToRows([['题干', '答案']])).toEqual({ row: 1, reason: '表头缺少列：题型' })
  })

  it('reports every problem of a JSON row with its position', () => {
    const check = checkBankRows(
      jsonToRows([
        { type: 'multiple', stem: '只有一个答案', options: ['甲', '乙', '丙'], answer: 'A' },
        { type: 'single', stem: '选项空缺', options: ['甲', '', '丙'], answer: 'A' },
        { type: 'fill', stem: '填空', answer: ['｜'] },
        'not an object',
        { type: 'single', stem: '好题', options: ['甲', '乙'], answer: ['a'] },
      ]),
      new Set(),
    )
    expect(check.ok).toBe(false)
    if (!check.ok)
      expect(check.errors).toEqual([
        { row: 1, reason: '多选题至少应有两个正确答案' },
        { row: 2, reason: '选项B为空' },
        { row: 3, reason: '填空题答案为空' },
        { row: 4, reason: '题型应为单选、多选、判断或填空；题干为空' },
      ])
  })
})
