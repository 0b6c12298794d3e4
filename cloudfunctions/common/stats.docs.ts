/** Stored shapes the statistics keep beside the rollups (common/collections.ts maps them). */

/**
 * 每月2次理论学习, kept per member and month so that "members meeting the rule" can be a rollup counter: `_id`
 * `<memberId>_<YYYY-MM>`, `theory` the member's theory check-ins of the month so far. A check-in moves it by a
 * compare-and-increment (conditional on the count it read, study/study-tally.ts), so the change from 1 to 2 — the
 * member meeting the rule — is seen by exactly one call, which adds it to the rollups (domain/study.rollup.ts).
 * Derived from `checkins`: the rebuild recomputes it.
 */
export interface StudyMonthDoc {
  _id: string
  memberId: string
  month: string
  /** The member's node and ancestors at their latest theory check-in of the month: where they count. */
  orgPath: string[]
  theory: number
}
