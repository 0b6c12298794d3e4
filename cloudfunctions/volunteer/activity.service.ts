import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { collection, findById, insertFromForm, transition } from '../common/data'
import { qrPng } from '../common/qr-png'
import { sendReminders } from '../common/reminders'
import { recordChanged } from '../common/rollups'
import { checkinSecret } from '../common/secrets'
import type { ActivityDoc } from '../common/volunteer.docs'
import type {
  ActivityDetail,
  ActivitySummary,
  CancelOutcome,
  VolunteerQrView,
} from '../contract/volunteer.contract'
import { DEFAULT_ROTATE_SECONDS, periodEndsAt, periodOf, signToken } from '../domain/checkin-token'
import { fitField, reminderTemplateId, THING_MAX } from '../domain/reminder.rules'
import { can } from '../domain/roles'
import { qrPayload } from '../domain/study.rules'
import { monthRange } from '../domain/time'
import { volunteerActivityRollup } from '../domain/volunteer.rollup'
import { SIGN_OUT_GRACE_MS } from '../domain/volunteer.rules'
import {
  activities,
  entries,
  type Input,
  loadActivity,
  managedActivity,
  placementOf,
  refusalOf,
  signupId,
  signups,
  toEntryView,
  toSummary,
} from './volunteer.store'

const DAY_MS = 24 * 60 * 60 * 1000

/** A secretary creates an activity of a node within their reach, for a future time. */
export async function createActivity(
  ctx: CallContext,
  { submitKey, ...input }: Input<'activity/create'>,
): Promise<ActivitySummary> {
  const org = await authorizeOn(ctx, 'volunteer.manage', input.orgId)
  if (input.startAt <= ctx.now) throw new AppError('VOLUNTEER.START_PASSED')
  const caller = await ctx.member()
  const doc: Omit<ActivityDoc, '_id'> = {
    ...input,
    orgPath: [...org.ancestors, org._id],
    endAt: input.startAt + input.plannedMinutes * 60_000,
    signedUp: 0,
    rotateSeconds: DEFAULT_ROTATE_SECONDS,
    status: 'open',
    beneficiaries: null,
    createdBy: caller.member._id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    closedAt: null,
    closedBy: null,
  }
  const { doc: stored } = await insertFromForm('volActivities', doc, { openid: ctx.openid, submitKey })
  return toSummary(stored, await ctx.orgs(), false)
}

/** Any bound member reads an activity, with their own place and hours; `canManage` for its organisers. */
export async function getActivity(ctx: CallContext, input: Input<'activity/get'>): Promise<ActivityDetail> {
  const [caller, activity, orgs] = await Promise.all([
    ctx.member(),
    loadActivity(input.activityId),
    ctx.orgs(),
  ])
  const memberId = caller.member._id
  const [signup, mine] = await Promise.all([
    findById('volSignups', signupId(activity._id, memberId)),
    entries().where({ activityId: activity._id, memberId }).limit(100).get(),
  ])
  return {
    ...toSummary(activity, orgs, signup?.status === 'active'),
    canManage: can(caller.roles, 'volunteer.manage', placementOf(activity)),
    noticeTemplateId: reminderTemplateId('volunteer', process.env),
    myEntries: mine.data.sort((a, b) => a.signInAt - b.signInAt).map(toEntryView),
  }
}

async function joinedAmong(memberId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const found = await signups()
    .where({ memberId, activityId: _.in(ids), status: 'active' })
    .field({ activityId: true })
    .limit(1000)
    .get()
  return new Set(found.data.map((s) => s.activityId))
}

/** A member's list: the activities of the nodes on their path (their branch, community, street), from 30 days ago. */
export async function listActivities(ctx: CallContext): Promise<{ activities: ActivitySummary[] }> {
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const found = await activities()
    .where({ orgId: _.in(caller.member.orgPath), startAt: _.gte(ctx.now - 30 * DAY_MS) })
    .orderBy('startAt', 'asc')
    .limit(100)
    .get()
  const joined = await joinedAmong(
    caller.member._id,
    found.data.map((a) => a._id),
  )
  return { activities: found.data.map((a) => toSummary(a, orgs, joined.has(a._id))) }
}

/** An organiser's list: the activities of a node's subtree that start in a month. */
export async function manageActivities(
  ctx: CallContext,
  input: Input<'activity/manage'>,
): Promise<{ activities: ActivitySummary[] }> {
  await authorizeOn(ctx, 'volunteer.manage', input.orgId)
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const [from, to] = monthRange(input.month)
  const found = await activities()
    .where({ orgPath: input.orgId, startAt: _.and(_.gte(from), _.lt(to)) })
    .orderBy('startAt', 'asc')
    .limit(1000)
    .get()
  const joined = await joinedAmong(
    caller.member._id,
    found.data.map((a) => a._id),
  )
  return { activities: found.data.map((a) => toSummary(a, orgs, joined.has(a._id))) }
}

/**
 * The rotating code on the organiser's phone: the study sessions' token (domain/checkin-token.ts) under the
 * `volunteer` scope, so a session's code is never an activity's. Shown until sign-out closes.
 */
export async function activityQr(ctx: CallContext, input: Input<'activity/qr'>): Promise<VolunteerQrView> {
  const activity = await managedActivity(ctx, input.activityId)
  if (activity.status === 'closed') throw new AppError('VOLUNTEER.CLOSED')
  if (activity.status === 'cancelled') throw new AppError('VOLUNTEER.CANCELLED')
  if (ctx.now > activity.endAt + SIGN_OUT_GRACE_MS) throw new AppError('VOLUNTEER.CODE_ENDED')
  const token = signToken(
    checkinSecret(),
    activity._id,
    periodOf(ctx.now, activity.rotateSeconds),
    'volunteer',
  )
  const payload = qrPayload(token, input.linkBase)
  return {
    token,
    payload,
    imageBase64: (await qrPng(payload, { width: 360 })).toString('base64'),
    rotateSeconds: activity.rotateSeconds,
    serverNow: ctx.now,
    periodEndsAt: periodEndsAt(ctx.now, activity.rotateSeconds),
  }
}

/** Entries of an activity that still wait (open, pending, or over the day's limit). */
async function waitingOf(activityId: string): Promise<number> {
  const waiting = await entries()
    .where({ activityId, status: _.in(['open', 'pending', 'approval']) })
    .count()
  return waiting.total
}

/**
 * The close: the organiser enters 受益人次. Only after the start and once no hours wait (open, pending or over the
 * limit), so a closed activity's figures are final; closing is `open → closed`, once. A sign-in or a 补录 stored
 * meanwhile is not lost: each re-reads the activity after its insert and takes itself back if it finds it closed,
 * and the close counts again after its own write and reopens the activity if one arrived in between, so no entry
 * is left waiting on a closed activity.
 */
export async function closeActivity(
  ctx: CallContext,
  input: Input<'activity/close'>,
): Promise<ActivitySummary> {
  const activity = await managedActivity(ctx, input.activityId)
  if (activity.status === 'closed') throw new AppError('VOLUNTEER.CLOSED')
  if (activity.status === 'cancelled') throw new AppError('VOLUNTEER.CANCELLED')
  if (ctx.now < activity.startAt) throw new AppError('VOLUNTEER.CLOSE_TOO_EARLY')
  const waiting = await waitingOf(activity._id)
  if (waiting > 0) throw new AppError('VOLUNTEER.HOURS_WAITING', { count: waiting })
  const caller = await ctx.member()
  const set = {
    status: 'closed' as const,
    beneficiaries: input.beneficiaries,
    closedAt: ctx.now,
    closedBy: caller.member._id,
    updatedAt: ctx.now,
  }
  await transition(
    'volActivities',
    activity._id,
    { status: 'open' },
    set,
    () => new AppError('VOLUNTEER.CLOSED'),
  )
  const late = await waitingOf(activity._id)
  if (late > 0) {
    await transition(
      'volActivities',
      activity._id,
      { status: 'closed', closedAt: ctx.now, closedBy: caller.member._id },
      { status: 'open', beneficiaries: null, closedAt: null, closedBy: null, updatedAt: ctx.now + 1 },
      () => new AppError('COMMON.RETRY'),
    )
    throw new AppError('VOLUNTEER.HOURS_WAITING', { count: late })
  }
  const after: ActivityDoc = { ...activity, ...set }
  await recordChanged(volunteerActivityRollup, activity, after)
  return toSummary(after, await ctx.orgs(), false)
}

/**
 * 修改活动, before the start and before anyone signs in: one conditional update on the activity as the database holds
 * it (open, not started, no sign-in, and `signedUp` at most the new capacity), so a capacity is never set below
 * the members already holding a place, whatever sign-ups overlap it (a sign-up takes a place only under the
 * capacity it read, signup.service.ts). A new start time is copied to the sign-ups (the rollups count participants
 * in the month of the start); a sign-up stored meanwhile re-reads it after its insert.
 */
export async function updateActivity(
  ctx: CallContext,
  input: Input<'activity/update'>,
): Promise<ActivitySummary> {
  const activity = await managedActivity(ctx, input.activityId)
  const { activityId, ...fields } = input
  if (activity.status === 'open' && ctx.now >= activity.startAt) throw new AppError('VOLUNTEER.EDIT_TOO_LATE')
  if (fields.startAt <= ctx.now) throw new AppError('VOLUNTEER.START_PASSED')
  const set = {
    ...fields,
    endAt: fields.startAt + fields.plannedMinutes * 60_000,
    updatedAt: ctx.now,
  }
  await transition(
    'volActivities',
    activityId,
    {
      status: 'open',
      startAt: _.gt(ctx.now),
      hasEntries: _.neq(true),
      signedUp: _.lte(fields.capacity),
    },
    set,
    async () => {
      const now = await loadActivity(activityId)
      return refusalOf(
        now,
        ctx.now,
        'VOLUNTEER.EDIT_TOO_LATE',
        now.signedUp > fields.capacity
          ? new AppError('VOLUNTEER.CAPACITY_BELOW', { count: now.signedUp })
          : new AppError('COMMON.RETRY'),
      )
    },
  )
  if (fields.startAt !== activity.startAt)
    await signups()
      .where({ activityId })
      .update({ data: { activityStartAt: fields.startAt } })
  return toSummary({ ...activity, ...set }, await ctx.orgs(), false)
}

/**
 * 取消活动, before the start and before anyone signs in (the first sign-in marks the activity first, so the two
 * cannot both succeed), with a reason. It counts in no figure (only a closed activity does). Every member holding
 * a place is sent a subscribe message (the reminders' path: one per person, kept in `reminders`; locally the
 * outbox); a sign-up stored during the cancellation re-reads the activity after its insert and is told there.
 */
export async function cancelActivity(
  ctx: CallContext,
  input: Input<'activity/cancel'>,
): Promise<CancelOutcome> {
  const activity = await managedActivity(ctx, input.activityId)
  const caller = await ctx.member()
  const set = {
    status: 'cancelled' as const,
    cancelReason: input.reason,
    cancelledAt: ctx.now,
    cancelledBy: caller.member._id,
    updatedAt: ctx.now,
  }
  await transition(
    'volActivities',
    activity._id,
    { status: 'open', startAt: _.gt(ctx.now), hasEntries: _.neq(true) },
    set,
    async () =>
      refusalOf(
        await loadActivity(activity._id),
        ctx.now,
        'VOLUNTEER.CANCEL_TOO_LATE',
        new AppError('COMMON.RETRY'),
      ),
  )
  const held = await signups().where({ activityId: activity._id, status: 'active' }).limit(1000).get()
  const people =
    held.data.length === 0
      ? []
      : (
          await collection('members')
            .where({ _id: _.in(held.data.map((s) => s.memberId)) })
            .field({ openid: true })
            .limit(1000)
            .get()
        ).data
  const data = {
    thing1: { value: fitField(activity.title, THING_MAX) },
    phrase2: { value: '已取消' },
    thing3: { value: fitField(input.reason, THING_MAX) },
  }
  const outcome = await sendReminders(
    ctx,
    caller.member._id,
    'volunteer',
    activity._id,
    people.map((m) => ({ memberId: m._id, openid: m.openid, data })),
  )
  const after: ActivityDoc = { ...activity, ...set }
  return {
    activity: toSummary(after, await ctx.orgs(), false),
    sent: outcome.sent,
    unsubscribed: outcome.unsubscribed,
    unreachable: outcome.unreachable,
  }
}
