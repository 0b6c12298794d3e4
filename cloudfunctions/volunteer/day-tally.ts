import { _ } from '../common/cloud'
import { collection, findById, insertOnce } from '../common/data'
import type { MemberDayDoc } from '../common/volunteer.docs'
import { joinIds } from '../domain/ids'
import { holdsHours, statusForMinutes } from '../domain/volunteer.rules'
import { entries } from './volunteer.store'

const TRIES = 8

type HeldStatus = 'pending' | 'approval'

const days = () => collection('volMemberDays')

/** The member's hours held that day before the tally existed (records kept before it), but for `except`. */
async function heldBefore(memberId: string, day: string, except: string): Promise<number> {
  const found = await entries().where({ memberId, day }).limit(100).get()
  return found.data
    .filter((e) => e._id !== except && holdsHours(e.status) && e.status !== 'open')
    .reduce((sum, e) => sum + (e.minutes ?? 0), 0)
}

/**
 * The 8-hour rule, settled by the database: adds `minutes` of entry `entryId` to the member's day and answers
 * whether it counts (pending) or goes to the organiser (approval: the day's hours, with these, pass 8). The day's
 * tally moves by compare-and-set on `rev` (or is inserted once), retried on a lost race, so of two overlapping
 * sign-outs the later sees the earlier's minutes; a read-then-write could let both pass. An entry already in the
 * tally with these minutes (a repeated sign-out) adds nothing and keeps the status it was given.
 */
export async function holdOnDay(
  memberId: string,
  day: string,
  entryId: string,
  minutes: number,
): Promise<HeldStatus> {
  const id = joinIds(memberId, day)
  for (let i = 0; i < TRIES; i++) {
    const held = await findById('volMemberDays', id)
    if (!held) {
      const before = await heldBefore(memberId, day, entryId)
      const status = statusForMinutes(minutes, before)
      const fresh: MemberDayDoc = {
        _id: id,
        memberId,
        day,
        minutes: before + minutes,
        rev: 1,
        entries: { [entryId]: { minutes, status } },
      }
      if ((await insertOnce('volMemberDays', fresh)).outcome === 'inserted') return status
      continue
    }
    const prior = held.entries[entryId]
    if (prior && prior.minutes === minutes) return prior.status
    const others = held.minutes - (prior?.minutes ?? 0)
    const status = statusForMinutes(minutes, others)
    const moved = await days()
      .where({ _id: id, rev: held.rev })
      .update({
        data: {
          minutes: others + minutes,
          rev: held.rev + 1,
          // Replaced whole (a plain object would be merged field by field).
          entries: _.set({ ...held.entries, [entryId]: { minutes, status } }),
        },
      })
    if (moved.stats.updated === 1) return status
  }
  throw new Error(`volunteer day ${id}: too many overlapping sign-outs`)
}

/** A refused entry holds no hours: its minutes leave the member's day (compare-and-set, as above). */
export async function releaseOnDay(memberId: string, day: string, entryId: string): Promise<void> {
  const id = joinIds(memberId, day)
  for (let i = 0; i < TRIES; i++) {
    const held = await findById('volMemberDays', id)
    const prior = held?.entries[entryId]
    if (!held || !prior) return
    const { [entryId]: _released, ...rest } = held.entries
    const moved = await days()
      .where({ _id: id, rev: held.rev })
      .update({ data: { minutes: held.minutes - prior.minutes, rev: held.rev + 1, entries: _.set(rest) } })
    if (moved.stats.updated === 1) return
  }
  throw new Error(`volunteer day ${id}: too many overlapping changes`)
}
