import { _ } from '../common/cloud'
import { collection, findById, insertOnce } from '../common/data'
import type { CheckinDoc } from '../common/docs'
import { recordChanged } from '../common/rollups'
import type { StudyMonthDoc } from '../common/stats.docs'
import { joinIds } from '../domain/ids'
import { checkinRollup, studyMonthRollup } from '../domain/study.rollup'

const TRIES = 8

/**
 * Counts a member's theory check-in toward 每月2次 (common/stats.docs.ts): read the member-month tally, then
 * increment it on the condition that it still holds the count read (or insert it when there is none), retrying on
 * a lost race. Each step is one atomic request, so of overlapping check-ins exactly one moves the tally from 1 to
 * 2 and adds the member to `study.met`; a read-then-increment without the condition could let two see 2 or none.
 */
async function countTheory(c: CheckinDoc): Promise<void> {
  const id = joinIds(c.memberId, c.month)
  for (let i = 0; i < TRIES; i++) {
    const held = await findById('studyMonths', id)
    if (!held) {
      const fresh: StudyMonthDoc = {
        _id: id,
        memberId: c.memberId,
        month: c.month,
        orgPath: c.orgPath,
        theory: 1,
      }
      if ((await insertOnce('studyMonths', fresh)).outcome === 'inserted') {
        await recordChanged(studyMonthRollup, null, fresh)
        return
      }
      continue
    }
    const moved = await collection('studyMonths')
      .where({ _id: id, theory: held.theory })
      .update({ data: { theory: _.inc(1), orgPath: _.set(c.orgPath) } })
    if (moved.stats.updated === 1) {
      await recordChanged(studyMonthRollup, held, { ...held, theory: held.theory + 1, orgPath: c.orgPath })
      return
    }
  }
  throw new Error(`study tally ${id}: too many overlapping check-ins`)
}

/** What a new check-in record adds to the rollups: its own counts, and its member-month tally if theory. */
export async function countCheckin(c: CheckinDoc): Promise<void> {
  await recordChanged(checkinRollup, null, c)
  if (c.format === 'theory') await countTheory(c)
}
