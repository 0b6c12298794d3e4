import type { CountingRule, Credit } from './quiz.rules'

/**
 * The figures of one exam for one organisation: 应考 (expected), 参考 (took part: a graded attempt),
 * 合格 and 优秀 among those, rates over 参考 and over 应考, the score distribution, and item analysis
 * (per question and per knowledge-point tag, weakest first). Pure: the service loads, this counts.
 */
export interface GradedAttempt {
  memberId: string
  /** 1 for the member's first attempt. */
  n: number
  score: number
  passed: boolean
  excellent: boolean
  results: readonly { questionId: string; tags: readonly string[]; credit: Credit }[]
}

/** The attempt that counts for each member: the best (earliest among equals) or the last one. */
export function countedAttempts<A extends GradedAttempt>(attempts: readonly A[], rule: CountingRule): A[] {
  const byMember = new Map<string, A>()
  for (const a of attempts) {
    const held = byMember.get(a.memberId)
    const better =
      !held ||
      (rule === 'last' ? a.n > held.n : a.score > held.score || (a.score === held.score && a.n < held.n))
    if (better) byMember.set(a.memberId, a)
  }
  return [...byMember.values()]
}

export interface Rate {
  count: number
  /** count / 参考, null when nobody took part. */
  ofParticipants: number | null
  /** count / 应考, null when nobody was expected. */
  ofExpected: number | null
}

export interface Correctness {
  answered: number
  correct: number
  rate: number
}

export interface ExamFigures {
  expected: number
  participated: number
  participationRate: number | null
  passed: Rate
  excellent: Rate
  distribution: { label: string; count: number }[]
  questions: (Correctness & { questionId: string })[]
  tags: (Correctness & { tag: string })[]
}

export const SCORE_BUCKETS = [
  { label: '60分以下', min: 0, max: 60 },
  { label: '60–69分', min: 60, max: 70 },
  { label: '70–79分', min: 70, max: 80 },
  { label: '80–89分', min: 80, max: 90 },
  { label: '90–100分', min: 90, max: Infinity },
] as const

const ratio = (count: number, base: number) => (base > 0 ? count / base : null)

function weakestFirst<T extends Correctness>(rows: T[], key: (r: T) => string): T[] {
  return rows.sort((a, b) => a.rate - b.rate || b.answered - a.answered || key(a).localeCompare(key(b)))
}

/**
 * `expectedIds` are the members expected in the organisation's subtree; `counted` the counted
 * attempts (one per member) of members in that subtree. Only expected members count as 参考.
 */
export function examFigures(
  expectedIds: ReadonlySet<string>,
  counted: readonly GradedAttempt[],
): ExamFigures {
  const taking = counted.filter((a) => expectedIds.has(a.memberId))
  const expected = expectedIds.size
  const participated = taking.length
  const passed = taking.filter((a) => a.passed).length
  const excellent = taking.filter((a) => a.excellent).length
  const perQuestion = new Map<string, Correctness>()
  const perTag = new Map<string, Correctness>()
  const add = (map: Map<string, Correctness>, key: string, right: boolean) => {
    const row = map.get(key) ?? { answered: 0, correct: 0, rate: 0 }
    row.answered++
    if (right) row.correct++
    map.set(key, row)
  }
  for (const a of taking) {
    for (const r of a.results) {
      const right = r.credit === 2
      add(perQuestion, r.questionId, right)
      for (const tag of new Set(r.tags)) add(perTag, tag, right)
    }
  }
  const finish = (row: Correctness) => ({ ...row, rate: row.correct / row.answered })
  return {
    expected,
    participated,
    participationRate: ratio(participated, expected),
    passed: {
      count: passed,
      ofParticipants: ratio(passed, participated),
      ofExpected: ratio(passed, expected),
    },
    excellent: {
      count: excellent,
      ofParticipants: ratio(excellent, participated),
      ofExpected: ratio(excellent, expected),
    },
    distribution: SCORE_BUCKETS.map((b) => ({
      label: b.label,
      count: taking.filter((a) => a.score >= b.min && a.score < b.max).length,
    })),
    questions: weakestFirst(
      [...perQuestion].map(([questionId, row]) => ({ questionId, ...finish(row) })),
      (r) => r.questionId,
    ),
    tags: weakestFirst(
      [...perTag].map(([tag, row]) => ({ tag, ...finish(row) })),
      (r) => r.tag,
    ),
  }
}
