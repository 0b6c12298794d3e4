import { AppError } from '../common/app-error'
import { _ } from '../common/cloud'
import { collection, findById } from '../common/data'
import type { EntryDoc, SignupDoc } from '../common/volunteer.docs'
import { holdsHours } from '../domain/volunteer.rules'

const TRIES = 8

/** What the sign-up holds, by entry; for a sign-up stored before `held` existed, its entries as read. */
function heldOf(signup: SignupDoc, mine: readonly EntryDoc[]): Record<string, number> {
  if (signup.held) return signup.held
  return Object.fromEntries(
    mine.filter((e) => holdsHours(e.status) && e.minutes !== null).map((e) => [e._id, e.minutes ?? 0]),
  )
}

/**
 * The planned-duration cap, settled by the database: grants entry `entryId` at most what the activity's planned
 * duration leaves beside the member's other entries for it (`whole`: all of `wanted` or a refusal, as a 补录 is),
 * recorded on the sign-up by compare-and-set on `heldRev`, retried on a lost race. So a 补录 and the member's own
 * sign-out at the same moment never pass the planned duration together. `signup` is the sign-up as just read.
 */
export async function holdOnActivity(
  read: SignupDoc,
  mine: readonly EntryDoc[],
  entryId: string,
  wanted: number,
  planned: number,
  whole: boolean,
): Promise<number> {
  let signup: SignupDoc | null = read
  for (let i = 0; i < TRIES; i++) {
    if (signup?.status !== 'active') throw new AppError('VOLUNTEER.NOT_JOINED')
    const held = heldOf(signup, mine)
    const others = Object.entries(held).reduce((sum, [id, m]) => (id === entryId ? sum : sum + m), 0)
    const room = Math.max(0, planned - others)
    if (whole && wanted > room) throw new AppError('VOLUNTEER.MAKEUP_TOO_LONG', { minutes: room })
    const granted = Math.min(wanted, room)
    if (signup.held && held[entryId] === granted) return granted
    const moved = await collection('volSignups')
      .where({ _id: signup._id, heldRev: signup.heldRev ?? _.exists(false) })
      .update({ data: { held: _.set({ ...held, [entryId]: granted }), heldRev: (signup.heldRev ?? 0) + 1 } })
    if (moved.stats.updated === 1) return granted
    signup = await findById('volSignups', signup._id)
  }
  throw new Error(`volunteer sign-up ${read._id}: too many overlapping changes`)
}

/** A refused or withdrawn entry holds nothing: its minutes leave the sign-up (compare-and-set, as above). */
export async function releaseOnActivity(signupKey: string, entryId: string): Promise<void> {
  for (let i = 0; i < TRIES; i++) {
    const signup = await findById('volSignups', signupKey)
    if (!signup?.held || !(entryId in signup.held)) return
    const { [entryId]: _released, ...rest } = signup.held
    const moved = await collection('volSignups')
      .where({ _id: signupKey, heldRev: signup.heldRev ?? _.exists(false) })
      .update({ data: { held: _.set(rest), heldRev: (signup.heldRev ?? 0) + 1 } })
    if (moved.stats.updated === 1) return
  }
  throw new Error(`volunteer sign-up ${signupKey}: too many overlapping changes`)
}
