import { _ } from '../common/cloud'
import { collection, findById } from '../common/data'
import type { AttemptDoc, CountedResult, ExamDoc } from '../common/quiz.docs'
import { recordChanged } from '../common/rollups'
import { joinIds } from '../domain/ids'
import { expectedRollup } from '../domain/quiz.rollup'

const TRIES = 8

/** Whether a graded attempt replaces the counted one under the exam's rule (as `countedAttempts` picks). */
export function replacesCounted(
  held: CountedResult | null | undefined,
  a: CountedResult,
  rule: ExamDoc['counting'],
): boolean {
  if (!held) return true
  return rule === 'last' ? a.n > held.n : a.score > held.score || (a.score === held.score && a.n < held.n)
}

/**
 * Keeps the member's counted attempt on their 应考 record and moves the rollups with it: conditional on the
 * counted attempt read (`counted.n`), retried when another grading of the same member got there first, so two
 * attempts graded at once leave the one the rule picks, counted once.
 */
export async function countGraded(
  exam: Pick<ExamDoc, 'counting'>,
  attempt: Pick<AttemptDoc, 'examId' | 'memberId' | 'n' | 'score' | 'passed' | 'excellent'>,
): Promise<void> {
  const id = joinIds(attempt.examId, attempt.memberId)
  const result: CountedResult = {
    n: attempt.n,
    score: attempt.score ?? 0,
    passed: attempt.passed,
    excellent: attempt.excellent,
  }
  for (let i = 0; i < TRIES; i++) {
    const held = await findById('quizExpected', id)
    if (!held || !replacesCounted(held.counted, result, exam.counting)) return
    const moved = await collection('quizExpected')
      .where({ _id: id, 'counted.n': held.counted ? held.counted.n : _.exists(false) })
      .update({ data: { counted: _.set(result) } })
    if (moved.stats.updated === 1) {
      await recordChanged(expectedRollup, held, { ...held, counted: result })
      return
    }
  }
  throw new Error(`quiz tally ${id}: too many overlapping gradings`)
}
