import { AppError } from '../common/app-error'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { collection, findById, insertOnce, readById } from '../common/data'
import type { MemberDoc } from '../common/docs'
import { recordChanged } from '../common/rollups'
import { checkinSecret } from '../common/secrets'
import type { ActivityDoc, EntryDoc, SignupDoc } from '../common/volunteer.docs'
import type { ActivityRoster, EntryView, MyHoursView, ScanResult } from '../contract/volunteer.contract'
import { parseToken, verifyToken } from '../domain/checkin-token'
import { monthOf, yearOf } from '../domain/time'
import { volunteerEntryRollup, volunteerSignupRollup } from '../domain/volunteer.rollup'
import { dayKey, holdsHours, MAX_PAIRS_PER_DAY, minutesBetween, scanWindow } from '../domain/volunteer.rules'
import { holdOnActivity, releaseOnActivity } from './activity-hold'
import { holdOnDay, releaseOnDay } from './day-tally'
import {
  entries,
  type Input,
  makeupId,
  managedActivity,
  pairId,
  signupId,
  signups,
  toEntryView,
  toSummary,
} from './volunteer.store'

/** Who entered a record on someone's behalf (the organiser's entry, 补录); null for the member's own scan. */
interface Recorder {
  memberId: string
  name: string
}

const sumMinutes = (list: readonly EntryDoc[]) =>
  list.reduce((sum, e) => sum + (holdsHours(e.status) ? (e.minutes ?? 0) : 0), 0)

/** A signed-up member's sign-up and entries at an activity; NOT_JOINED without an active sign-up. */
async function participantState(
  activity: ActivityDoc,
  memberId: string,
): Promise<{ signup: SignupDoc; mine: EntryDoc[] }> {
  const [signup, mine] = await Promise.all([
    findById('volSignups', signupId(activity._id, memberId)),
    entries().where({ activityId: activity._id, memberId }).limit(100).get(),
  ])
  if (signup?.status !== 'active') throw new AppError('VOLUNTEER.NOT_JOINED')
  return { signup, mine: mine.data }
}

function entryRecord(
  activity: ActivityDoc,
  member: Pick<MemberDoc, '_id' | 'name'>,
  fields: Pick<
    EntryDoc,
    '_id' | 'day' | 'method' | 'signInAt' | 'signInPeriod' | 'signOutAt' | 'minutes' | 'status' | 'reason'
  >,
  recorder: Recorder | null,
  now: number,
): EntryDoc {
  return {
    ...fields,
    activityId: activity._id,
    memberId: member._id,
    memberName: member.name,
    orgPath: activity.orgPath,
    title: activity.title,
    serviceType: activity.serviceType,
    place: activity.place,
    activityStartAt: activity.startAt,
    year: yearOf(activity.startAt),
    recordedBy: recorder?.memberId ?? null,
    recordedByName: recorder?.name ?? null,
    decidedBy: null,
    decidedAt: null,
    createdAt: now,
  }
}

async function signOut(
  ctx: CallContext,
  activity: ActivityDoc,
  open: EntryDoc,
  { signup, mine }: { signup: SignupDoc; mine: readonly EntryDoc[] },
): Promise<ScanResult> {
  const worked = minutesBetween(open.signInAt, ctx.now)
  const minutes = await holdOnActivity(signup, mine, open._id, worked, activity.plannedMinutes, false)
  const status = await holdOnDay(open.memberId, open.day, open._id, minutes)
  const set = { signOutAt: ctx.now, minutes, status }
  const moved = await entries().where({ _id: open._id, status: 'open' }).update({ data: set })
  if (moved.stats.updated !== 1) {
    // Another sign-out of the same pair (a double scan) came first: its record is the answer.
    const winner = await findById('volEntries', open._id)
    if (!winner || winner.status === 'open') throw new AppError('COMMON.RETRY')
    if (winner.minutes !== null && winner.minutes !== minutes) {
      const again = await findById('volSignups', signup._id)
      if (again) await holdOnActivity(again, mine, open._id, winner.minutes, Number.MAX_SAFE_INTEGER, false)
      await holdOnDay(open.memberId, open.day, open._id, winner.minutes)
    }
    return { outcome: 'signed_out', activityTitle: activity.title, entry: toEntryView(winner) }
  }
  const after: EntryDoc = { ...open, ...set }
  await recordChanged(volunteerEntryRollup, open, after)
  return { outcome: 'signed_out', activityTitle: activity.title, entry: toEntryView(after) }
}

/**
 * Before the first record of an activity is stored, marks it `hasEntries`, conditional on it being open: a
 * cancellation or an edit (conditional on the mark being unset) and a first sign-in cannot both succeed. Once
 * read with the mark set, no request.
 */
async function holdActivity(activity: ActivityDoc, now: number): Promise<void> {
  if (activity.hasEntries === true) return
  const marked = await collection('volActivities')
    .where({ _id: activity._id, status: 'open' })
    .update({ data: { hasEntries: true, updatedAt: now } })
  if (marked.stats.updated === 1) return
  const current = await readById('volActivities', activity._id, 'VOLUNTEER.ACTIVITY_NOT_FOUND')
  if (current.status === 'cancelled') throw new AppError('VOLUNTEER.CANCELLED')
  if (current.status === 'closed') throw new AppError('VOLUNTEER.CLOSED')
  // Open: another sign-in marked it in the same moment (an update that changes nothing counts as not applied).
}

/** How the sign-in or out came: a scan of the code of `period`, or someone's entry on the member's behalf. */
type Via =
  { method: 'qr'; period: number } | { method: 'organiser'; recorder: Recorder; direction: 'in' | 'out' }

/**
 * A scan or the organiser's entry: signs out the member's open pair, or signs them in as a new pair. A scan of the
 * code the member signed in with (or an older one) is a repeat (已签到); signing out takes a later code. The pair's
 * number is part of its id (`<activity>_<member>_<day>_<n>`, n ≤ 3), so two sign-ins at once store one, and a
 * fourth pair the same day has no id to take.
 */
async function signInOrOut(
  ctx: CallContext,
  activity: ActivityDoc,
  member: Pick<MemberDoc, '_id' | 'name'>,
  via: Via,
): Promise<ScanResult> {
  if (activity.status === 'closed') throw new AppError('VOLUNTEER.CLOSED')
  if (activity.status === 'cancelled') throw new AppError('VOLUNTEER.CANCELLED')
  const window = scanWindow(activity, ctx.now)
  if (window === 'not_yet') throw new AppError('VOLUNTEER.NOT_YET')
  // Past the sign-out time only the organiser acts, and only to sign out a pair left open (who forgot):
  // otherwise it would wait for ever, and the activity could never close.
  if (window === 'closed' && via.method === 'qr') throw new AppError('VOLUNTEER.SCAN_CLOSED')
  const state = await participantState(activity, member._id)
  const { mine } = state
  const open = mine.find((e) => e.status === 'open')
  if (open) {
    const repeat =
      (via.method === 'qr' && open.signInPeriod !== null && via.period <= open.signInPeriod) ||
      (via.method === 'organiser' && via.direction === 'in')
    if (repeat) return { outcome: 'already_in', activityTitle: activity.title, entry: toEntryView(open) }
    return signOut(ctx, activity, open, state)
  }
  if (via.method === 'organiser' && via.direction === 'out') {
    // 代为签退 again after its answer was lost: the member's latest pair is closed already.
    const last = mine
      .filter((e) => e.method !== 'makeup' && e.signOutAt !== null)
      .sort((a, b) => (b.signOutAt ?? 0) - (a.signOutAt ?? 0))[0]
    if (!last) throw new AppError('VOLUNTEER.NOT_SIGNED_IN')
    return { outcome: 'already_out', activityTitle: activity.title, entry: toEntryView(last) }
  }
  if (window !== 'sign_in') throw new AppError('VOLUNTEER.SIGN_IN_CLOSED')
  if (sumMinutes(mine) >= activity.plannedMinutes) throw new AppError('VOLUNTEER.PLANNED_REACHED')
  const day = dayKey(ctx.now)
  const n = mine.filter((e) => e.day === day && e.method !== 'makeup').length + 1
  if (n > MAX_PAIRS_PER_DAY) throw new AppError('VOLUNTEER.PAIRS_LIMIT')
  await holdActivity(activity, ctx.now)
  const doc = entryRecord(
    activity,
    member,
    {
      _id: pairId(activity._id, member._id, day, n),
      day,
      method: via.method,
      signInAt: ctx.now,
      signInPeriod: via.method === 'qr' ? via.period : null,
      signOutAt: null,
      minutes: null,
      status: 'open',
      reason: null,
    },
    via.method === 'organiser' ? via.recorder : null,
    ctx.now,
  )
  const stored = await insertOnce('volEntries', doc)
  if (stored.outcome === 'exists') {
    // Another sign-in of the same member took this pair's number in between.
    const winner = await findById('volEntries', doc._id)
    if (winner) return { outcome: 'already_in', activityTitle: activity.title, entry: toEntryView(winner) }
    throw new AppError('COMMON.RETRY')
  }
  await keepOpen(activity._id, doc)
  return { outcome: 'signed_in', activityTitle: activity.title, entry: toEntryView(doc) }
}

/** The activity's rotating code, scanned by a signed-up member. */
export async function scanHours(ctx: CallContext, input: Input<'hours/scan'>): Promise<ScanResult> {
  const caller = await ctx.member()
  const token = parseToken(input.token)
  if (!token) throw new AppError('VOLUNTEER.QR_INVALID')
  const activity = await readById('volActivities', token.sessionId, 'VOLUNTEER.QR_INVALID')
  const check = verifyToken(checkinSecret(), token, ctx.now, activity.rotateSeconds, 'volunteer')
  if (!check.ok)
    throw new AppError(check.reason === 'expired' ? 'VOLUNTEER.QR_EXPIRED' : 'VOLUNTEER.QR_INVALID')
  return signInOrOut(ctx, activity, caller.member, { method: 'qr', period: token.period })
}

/** The organiser signs a member in or out, now (a member without a phone). */
export async function enterHours(ctx: CallContext, input: Input<'hours/enter'>): Promise<ScanResult> {
  const activity = await managedActivity(ctx, input.activityId)
  const [member, recorder] = await Promise.all([
    readById('members', input.memberId, 'MEMBER.NOT_FOUND'),
    ctx.member(),
  ])
  return signInOrOut(ctx, activity, member, {
    method: 'organiser',
    recorder: { memberId: recorder.member._id, name: recorder.member.name },
    direction: input.direction,
  })
}

/**
 * 补录 after the start, for a signed-up member: one per member and activity (its id), never taking their hours
 * for the activity past the planned duration; who entered it and why are kept, and it is counted apart.
 */
export async function makeupHours(ctx: CallContext, input: Input<'hours/makeup'>): Promise<EntryView> {
  const activity = await managedActivity(ctx, input.activityId)
  if (activity.status === 'closed') throw new AppError('VOLUNTEER.CLOSED')
  if (ctx.now < activity.startAt) throw new AppError('VOLUNTEER.MAKEUP_TOO_EARLY')
  const [member, recorder] = await Promise.all([
    readById('members', input.memberId, 'MEMBER.NOT_FOUND'),
    ctx.member(),
  ])
  const { signup, mine } = await participantState(activity, member._id)
  const id = makeupId(activity._id, member._id)
  if (mine.some((e) => e._id === id)) throw new AppError('VOLUNTEER.MAKEUP_EXISTS')
  await holdOnActivity(signup, mine, id, input.minutes, activity.plannedMinutes, true)
  const day = dayKey(activity.startAt)
  const status = await holdOnDay(member._id, day, id, input.minutes)
  const doc = entryRecord(
    activity,
    member,
    {
      _id: id,
      day,
      method: 'makeup',
      signInAt: activity.startAt,
      signInPeriod: null,
      signOutAt: activity.startAt + input.minutes * 60_000,
      minutes: input.minutes,
      status,
      reason: input.reason,
    },
    { memberId: recorder.member._id, name: recorder.member.name },
    ctx.now,
  )
  const stored = await insertOnce('volEntries', doc)
  if (stored.outcome === 'exists') {
    // Another 补录 of the member came first: the day holds its minutes, not these.
    const winner = await findById('volEntries', id)
    if (winner?.minutes != null) {
      const again = await findById('volSignups', signup._id)
      if (again) await holdOnActivity(again, mine, id, winner.minutes, Number.MAX_SAFE_INTEGER, false)
      await holdOnDay(member._id, day, id, winner.minutes)
    }
    throw new AppError('VOLUNTEER.MAKEUP_EXISTS')
  }
  await keepOpen(activity._id, doc)
  await recordChanged(volunteerEntryRollup, null, doc)
  return toEntryView(doc)
}

/**
 * After its insert a sign-in or a 补录 re-reads the activity: a close that counted the waiting entries before this
 * one was stored must not leave it waiting on a closed activity for ever, so it is taken back (a 补录 with its
 * hours on the day) and the caller told the activity is closed.
 */
async function keepOpen(activityId: string, doc: EntryDoc): Promise<void> {
  const current = await readById('volActivities', activityId, 'VOLUNTEER.ACTIVITY_NOT_FOUND')
  if (current.status === 'open') return
  await entries().where({ _id: doc._id, status: doc.status }).remove()
  await releaseOnActivity(signupId(doc.activityId, doc.memberId), doc._id)
  await releaseOnDay(doc.memberId, doc.day, doc._id)
  throw new AppError('VOLUNTEER.CLOSED')
}

/** The organiser's view: who holds a place, and every entry. */
export async function rosterOf(ctx: CallContext, input: Input<'hours/list'>): Promise<ActivityRoster> {
  const activity = await managedActivity(ctx, input.activityId)
  const [joined, all, orgs] = await Promise.all([
    signups().where({ activityId: activity._id, status: 'active' }).limit(1000).get(),
    entries().where({ activityId: activity._id }).limit(1000).get(),
    ctx.orgs(),
  ])
  return {
    activity: toSummary(activity, orgs, false),
    signups: joined.data
      .sort((a, b) => a.at - b.at)
      .map((s) => ({ memberId: s.memberId, name: s.memberName, at: s.at })),
    entries: all.data.sort((a, b) => a.signInAt - b.signInAt).map(toEntryView),
  }
}

/** The member counts as a participant of the activity from their first confirmed hours, once. */
async function markParticipant(entry: EntryDoc): Promise<void> {
  const marked = await signups()
    .where({ _id: signupId(entry.activityId, entry.memberId), participated: false })
    .update({ data: { participated: true } })
  if (marked.stats.updated !== 1) return
  const before = { orgPath: entry.orgPath, activityStartAt: entry.activityStartAt, participated: false }
  await recordChanged(volunteerSignupRollup, before, { ...before, participated: true })
}

/** One decision on an entry waiting for the organiser (pending, or over the day's limit): once. */
async function decide(entry: EntryDoc, approve: boolean, who: string, now: number): Promise<EntryDoc | null> {
  const set = {
    status: approve ? ('confirmed' as const) : ('rejected' as const),
    decidedBy: who,
    decidedAt: now,
  }
  const result = await entries()
    .where({ _id: entry._id, status: _.in(['pending', 'approval']) })
    .update({ data: set })
  if (result.stats.updated !== 1) return null
  const after: EntryDoc = { ...entry, ...set }
  await recordChanged(volunteerEntryRollup, entry, after)
  if (approve) await markParticipant(after)
  else {
    await releaseOnActivity(signupId(entry.activityId, entry.memberId), entry._id)
    await releaseOnDay(entry.memberId, entry.day, entry._id)
  }
  return after
}

export async function decideHours(ctx: CallContext, input: Input<'hours/decide'>): Promise<EntryView> {
  const entry = await readById('volEntries', input.entryId, 'VOLUNTEER.ENTRY_NOT_FOUND')
  const activity = await managedActivity(ctx, entry.activityId)
  if (activity.status === 'closed') throw new AppError('VOLUNTEER.CLOSED')
  if (entry.status === 'open') throw new AppError('VOLUNTEER.ENTRY_OPEN')
  const caller = await ctx.member()
  const after = await decide(entry, input.approve, caller.member._id, ctx.now)
  if (!after) throw new AppError('VOLUNTEER.ENTRY_DECIDED')
  return toEntryView(after)
}

/** 确认全部: every pending entry of the activity; those over the day's limit wait for their own approval. */
export async function confirmAll(
  ctx: CallContext,
  input: Input<'hours/confirmAll'>,
): Promise<{ confirmed: number; waitingApproval: number }> {
  const activity = await managedActivity(ctx, input.activityId)
  if (activity.status === 'closed') throw new AppError('VOLUNTEER.CLOSED')
  const caller = await ctx.member()
  const [pending, approval] = await Promise.all([
    entries().where({ activityId: activity._id, status: 'pending' }).limit(1000).get(),
    entries().where({ activityId: activity._id, status: 'approval' }).count(),
  ])
  let confirmed = 0
  for (const entry of pending.data) {
    if (await decide(entry, true, caller.member._id, ctx.now)) confirmed += 1
  }
  return { confirmed, waitingApproval: approval.total }
}

/** A member's hours of a year, month by month: confirmed (counted) and pending (waiting for the organiser). */
export async function myHours(ctx: CallContext, input: Input<'hours/mine'>): Promise<MyHoursView> {
  const caller = await ctx.member()
  const year = input.year ?? yearOf(ctx.now)
  const found = await entries().where({ memberId: caller.member._id, year }).limit(1000).get()
  const list = found.data.sort((a, b) => a.signInAt - b.signInAt)
  const months = Array.from({ length: 12 }, (_unused, i) => ({
    month: `${year}-${String(i + 1).padStart(2, '0')}`,
    confirmedMinutes: 0,
    pendingMinutes: 0,
    activities: 0,
  }))
  const seen = new Set<string>()
  let makeupMinutes = 0
  for (const e of list) {
    const month = months[Number(monthOf(e.activityStartAt).slice(5)) - 1]
    if (!seen.has(e.activityId) && e.status !== 'rejected') {
      seen.add(e.activityId)
      month.activities += 1
    }
    if (e.status === 'confirmed') {
      month.confirmedMinutes += e.minutes ?? 0
      if (e.method === 'makeup') makeupMinutes += e.minutes ?? 0
    } else if (e.status === 'pending' || e.status === 'approval') month.pendingMinutes += e.minutes ?? 0
  }
  return {
    year,
    months,
    confirmedMinutes: months.reduce((s, m) => s + m.confirmedMinutes, 0),
    pendingMinutes: months.reduce((s, m) => s + m.pendingMinutes, 0),
    makeupMinutes,
    entries: list.map((e) => ({
      ...toEntryView(e),
      title: e.title,
      place: e.place,
      serviceType: e.serviceType,
      activityStartAt: e.activityStartAt,
    })),
  }
}
