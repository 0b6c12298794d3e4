/**
 * What quiz records contribute to the monthly rollups (domain/rollup.rules.ts), in the month the exam opens:
 *
 * - `quiz.exams` — exams published, on the exam's node.
 * - `quiz.expected` — 应考: one per expected member (quiz_expected), on the member's node at publication.
 * - `quiz.participants` — 参考: expected members with a graded attempt; `quiz.passed` and `quiz.excellent` those
 *   whose counted attempt (the exam's counting rule: best or last) passed or was excellent. The counted attempt is
 *   kept on the member's 应考 record (`counted`, quiz/quiz-tally.ts), so a better second attempt moves the counts
 *   instead of adding to them.
 */
import type { Counts, RollupRule } from './rollup.rules'

/** The fields of the stored documents (common/quiz.docs.ts) that the rules read. */
export interface ExamFacts {
  status: 'draft' | 'published'
  orgPath: string[]
  opensAt: number
}
export interface ExpectedFacts {
  orgPath: string[]
  at?: number
  counted?: { passed: boolean; excellent: boolean } | null
}

export const examRollup: RollupRule<ExamFacts> = (e) =>
  e.status === 'published' ? [{ orgPath: e.orgPath, time: e.opensAt, counts: { 'quiz.exams': 1 } }] : []

/** 应考 records stored before they carried the exam's opening count nowhere (the rebuild cannot place them). */
export const expectedRollup: RollupRule<ExpectedFacts> = (e) => {
  if (e.at === undefined) return []
  const counts: Counts = { 'quiz.expected': 1 }
  if (e.counted) {
    counts['quiz.participants'] = 1
    if (e.counted.passed) counts['quiz.passed'] = 1
    if (e.counted.excellent) counts['quiz.excellent'] = 1
  }
  return [{ orgPath: e.orgPath, time: e.at, counts }]
}
