/**
 * Every collection whose records the statistics count, with the rule that says what each record contributes
 * (domain/rollup.rules.ts). The rebuild command and the nightly verification walk this list; a capability that
 * calls `recordChanged` with a rule registers the same rule here, so the incremental and the rebuilt figures come
 * from one definition.
 */
import { pledgeRollup } from '../domain/pledge.rollup'
import { projectRollup } from '../domain/project.rollup'
import { examRollup, expectedRollup } from '../domain/quiz.rollup'
import type { RollupRule } from '../domain/rollup.rules'
import { checkinRollup, leaveRollup, sessionRollup, studyMonthRollup } from '../domain/study.rollup'
import { visitRollup } from '../domain/visit.rollup'
import {
  volunteerActivityRollup,
  volunteerEntryRollup,
  volunteerSignupRollup,
} from '../domain/volunteer.rollup'
import type { CollectionKey } from './collections'
import type { DocOf } from './data'

export interface RollupSource {
  collection: CollectionKey
  rule: RollupRule<unknown>
}

/** Registers a source, checked against the collection's stored type. */
export function rollupSource<K extends CollectionKey>(
  collection: K,
  rule: RollupRule<DocOf<K>>,
): RollupSource {
  return { collection, rule: rule as RollupRule<unknown> }
}

export const ROLLUP_SOURCES: readonly RollupSource[] = [
  rollupSource('sessions', sessionRollup),
  rollupSource('checkins', checkinRollup),
  rollupSource('leaves', leaveRollup),
  rollupSource('studyMonths', studyMonthRollup),
  rollupSource('quizExams', examRollup),
  rollupSource('quizExpected', expectedRollup),
  rollupSource('pledgeAssignments', pledgeRollup),
  rollupSource('volActivities', volunteerActivityRollup),
  rollupSource('volSignups', volunteerSignupRollup),
  rollupSource('volEntries', volunteerEntryRollup),
  rollupSource('visits', visitRollup),
  rollupSource('projects', projectRollup),
]
