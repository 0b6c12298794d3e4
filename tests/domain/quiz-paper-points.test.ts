import { PAPER_TOTAL, paperPoints, scoreAttempt } from '../../cloudfunctions/domain/quiz.rules'

const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x * 10, 0)) / 10

describe('paperPoints: each question’s share of what the paper is worth', () => {
  it('keeps exact shares as they are', () => {
    expect(paperPoints([2, 2, 2, 2, 1, 1])).toEqual([20, 20, 20, 20, 10, 10])
    expect(paperPoints([10, 10, 10, 10])).toEqual([25, 25, 25, 25])
  })

  it('rounds to tenths by largest remainder, so the parts add up to 100 exactly', () => {
    // Three equal questions: 33.3 each leaves a tenth over, given to the first.
    expect(paperPoints([1, 1, 1])).toEqual([33.4, 33.3, 33.3])
    // 2·5 + 3·3 + 1·2 = 21 raw points: a single is 9.52…, a multiple 14.28…, a judge 4.76….
    const mixed = paperPoints([2, 2, 2, 2, 2, 3, 3, 3, 1, 1])
    expect(sum(mixed)).toBe(PAPER_TOTAL)
    for (const [i, raw] of [2, 2, 2, 2, 2, 3, 3, 3, 1, 1].entries())
      expect(Math.abs(mixed[i] - (raw * 100) / 21)).toBeLessThan(0.1)
  })

  it('adds up to 100 for every paper of up to 200 questions with points of one decimal', () => {
    let seed = 7
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    for (let round = 0; round < 300; round++) {
      const raw = Array.from(
        { length: 1 + Math.floor(random() * 200) },
        () => Math.round(random() * 100) / 10,
      )
      if (raw.every((p) => p === 0)) continue
      const points = paperPoints(raw)
      expect(sum(points)).toBe(PAPER_TOTAL)
      expect(points.every((p) => Number.isInteger(Math.round(p * 10)) && p >= 0)).toBe(true)
    }
  })

  it('gives nothing to questions worth nothing, and a paper worth nothing stays at 0', () => {
    expect(paperPoints([0, 1, 3])).toEqual([0, 25, 75])
    expect(paperPoints([0, 0])).toEqual([0, 0])
  })

  it('makes the score the sum of the points earned', () => {
    const points = paperPoints([1, 1, 1])
    const paper = points.map((p) => ({ type: 'single' as const, points: p }))
    expect(scoreAttempt(paper, [2, 0, 0], { passLine: 60, excellentLine: 90 }).score).toBe(33.4)
    expect(scoreAttempt(paper, [2, 2, 2], { passLine: 60, excellentLine: 90 }).score).toBe(100)
  })
})
