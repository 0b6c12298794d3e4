import { AppError } from '../common/app-error'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { collection, findById, insertOnce, transition } from '../common/data'
import type { ActivityDoc, SignupDoc } from '../common/volunteer.docs'
import type { ActivitySummary } from '../contract/volunteer.contract'
import { activities, type Input, loadActivity, signupId, toSummary } from './volunteer.store'

/**
 * Takes a place: raises `signedUp` only where it is still below the capacity, and only while the capacity is the
 * one read (an organiser may change it meanwhile), evaluated by the database in the same request, so of any
 * number of simultaneous sign-ups exactly `capacity` get a place and a lowered capacity is never overrun.
 */
async function takePlace(read: ActivityDoc, now: number): Promise<void> {
  let activity = read
  for (let i = 0; i < 4; i++) {
    const taken = await activities()
      .where({
        _id: activity._id,
        status: 'open',
        capacity: activity.capacity,
        signedUp: _.lt(activity.capacity),
      })
      .update({ data: { signedUp: _.inc(1), updatedAt: now } })
    if (taken.stats.updated === 1) return
    const current = await loadActivity(activity._id)
    if (current.status === 'closed') throw new AppError('VOLUNTEER.CLOSED')
    if (current.status === 'cancelled') throw new AppError('VOLUNTEER.CANCELLED')
    if (current.capacity === activity.capacity || current.signedUp >= current.capacity) break
    activity = current
  }
  throw new AppError('VOLUNTEER.FULL', { capacity: activity.capacity })
}

async function givePlaceBack(activityId: string, now: number): Promise<void> {
  await activities()
    .where({ _id: activityId })
    .update({ data: { signedUp: _.inc(-1), updatedAt: now } })
}

/**
 * 报名 before the start. The place is taken first and the sign-up stored second (handed back when the member
 * turns out to hold one already): a call that dies between the two leaves a place unused, never one too many.
 */
export async function joinActivity(ctx: CallContext, input: Input<'signup/join'>): Promise<ActivitySummary> {
  const [caller, activity] = await Promise.all([ctx.member(), loadActivity(input.activityId)])
  if (activity.status === 'closed') throw new AppError('VOLUNTEER.CLOSED')
  if (activity.status === 'cancelled') throw new AppError('VOLUNTEER.CANCELLED')
  if (ctx.now >= activity.startAt) throw new AppError('VOLUNTEER.SIGNUP_CLOSED')
  const member = caller.member
  const id = signupId(activity._id, member._id)
  const existing = await findById('volSignups', id)
  if (existing?.status === 'active') throw new AppError('VOLUNTEER.ALREADY_JOINED')
  await takePlace(activity, ctx.now)
  try {
    if (existing) {
      await transition(
        'volSignups',
        id,
        { status: 'withdrawn' },
        { status: 'active', at: ctx.now, withdrawnAt: null },
        () => new AppError('VOLUNTEER.ALREADY_JOINED'),
      )
    } else {
      const doc: SignupDoc = {
        _id: id,
        activityId: activity._id,
        memberId: member._id,
        memberName: member.name,
        orgPath: activity.orgPath,
        activityStartAt: activity.startAt,
        status: 'active',
        at: ctx.now,
        withdrawnAt: null,
        participated: false,
      }
      const stored = await insertOnce('volSignups', doc)
      if (stored.outcome === 'exists') throw new AppError('VOLUNTEER.ALREADY_JOINED')
    }
  } catch (error) {
    await givePlaceBack(activity._id, ctx.now)
    throw error
  }
  const after = await keepInStep(activity, id, ctx.now)
  return toSummary(after, await ctx.orgs(), true)
}

/**
 * After its insert a sign-up re-reads the activity: a cancellation or an edit of the start time that ran meanwhile
 * may have read the sign-ups before this one was stored. Cancelled: the place is given up and the member told here
 * (the cancellation's messages may have missed them). A new start: copied to the sign-up.
 */
async function keepInStep(read: ActivityDoc, id: string, now: number): Promise<ActivityDoc> {
  const current = await loadActivity(read._id)
  if (current.status === 'cancelled') {
    await transition(
      'volSignups',
      id,
      { status: 'active' },
      { status: 'withdrawn', withdrawnAt: now },
      () => new AppError('VOLUNTEER.CANCELLED'),
    )
    throw new AppError('VOLUNTEER.CANCELLED')
  }
  if (current.startAt !== read.startAt)
    await collection('volSignups')
      .where({ _id: id })
      .update({ data: { activityStartAt: current.startAt } })
  return current
}

/** 取消报名 before the start: the sign-up goes `active → withdrawn` once, and its place is freed. */
export async function withdrawActivity(
  ctx: CallContext,
  input: Input<'signup/withdraw'>,
): Promise<ActivitySummary> {
  const [caller, activity] = await Promise.all([ctx.member(), loadActivity(input.activityId)])
  if (activity.status === 'closed') throw new AppError('VOLUNTEER.CLOSED')
  if (activity.status === 'cancelled') throw new AppError('VOLUNTEER.CANCELLED')
  if (ctx.now >= activity.startAt) throw new AppError('VOLUNTEER.WITHDRAW_CLOSED')
  await transition(
    'volSignups',
    signupId(activity._id, caller.member._id),
    { status: 'active' },
    { status: 'withdrawn', withdrawnAt: ctx.now },
    () => new AppError('VOLUNTEER.NOT_JOINED'),
  )
  await givePlaceBack(activity._id, ctx.now)
  return toSummary({ ...activity, signedUp: Math.max(0, activity.signedUp - 1) }, await ctx.orgs(), false)
}
