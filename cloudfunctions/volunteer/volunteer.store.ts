import type * as z from 'zod'

import { AppError } from '../common/app-error'
import type { CallContext } from '../common/caller'
import { collection, readById } from '../common/data'
import type { OrgDoc } from '../common/docs'
import type { ActivityDoc, EntryDoc } from '../common/volunteer.docs'
import type { ActivitySummary, EntryView, volunteerInputs } from '../contract/volunteer.contract'
import { joinIds } from '../domain/ids'
import { can, type OrgPlacement } from '../domain/roles'

export type Input<K extends keyof typeof volunteerInputs> = z.output<(typeof volunteerInputs)[K]>

export const activities = () => collection('volActivities')
export const signups = () => collection('volSignups')
export const entries = () => collection('volEntries')

/** One sign-up per member and activity. */
export function signupId(activityId: string, memberId: string): string {
  return joinIds(activityId, memberId)
}

/** The n-th pair (1–3) of a member at an activity on a China day: a fourth cannot have an id. */
export function pairId(activityId: string, memberId: string, day: string, n: number): string {
  return joinIds(activityId, memberId, day, n)
}

/** The one 补录 of a member at an activity. */
export function makeupId(activityId: string, memberId: string): string {
  return joinIds(activityId, memberId, 'makeup')
}

/** Why an activity refuses a change now, as read after a conditional write failed (`fallback` when none applies). */
export function refusalOf(
  a: ActivityDoc,
  now: number,
  tooLate: AppError['code'],
  fallback: AppError,
): AppError {
  if (a.status === 'cancelled') return new AppError('VOLUNTEER.CANCELLED')
  if (a.status === 'closed') return new AppError('VOLUNTEER.CLOSED')
  if (a.hasEntries === true) return new AppError('VOLUNTEER.HAS_ENTRIES')
  if (now >= a.startAt) return new AppError(tooLate)
  return fallback
}

export function loadActivity(activityId: string): Promise<ActivityDoc> {
  return readById('volActivities', activityId, 'VOLUNTEER.ACTIVITY_NOT_FOUND')
}

/** Where an activity sits in the tree, as stored with it (a node removed since still has its place). */
export function placementOf(a: Pick<ActivityDoc, 'orgId' | 'orgPath'>): OrgPlacement {
  return { _id: a.orgId, ancestors: a.orgPath.slice(0, -1) }
}

/** The activity, when the caller may manage it: a secretary of its organising node or above. */
export async function managedActivity(ctx: CallContext, activityId: string): Promise<ActivityDoc> {
  const [activity, caller] = await Promise.all([loadActivity(activityId), ctx.member()])
  if (!can(caller.roles, 'volunteer.manage', placementOf(activity))) throw new AppError('COMMON.FORBIDDEN')
  return activity
}

export function orgNameOf(orgs: ReadonlyMap<string, OrgDoc>, orgId: string): string {
  return orgs.get(orgId)?.name ?? '已撤销的组织'
}

export function toSummary(
  a: ActivityDoc,
  orgs: ReadonlyMap<string, OrgDoc>,
  joined: boolean,
): ActivitySummary {
  return {
    id: a._id,
    title: a.title,
    serviceType: a.serviceType,
    orgId: a.orgId,
    orgName: orgNameOf(orgs, a.orgId),
    partner: a.partner,
    place: a.place,
    startAt: a.startAt,
    endAt: a.endAt,
    plannedMinutes: a.plannedMinutes,
    capacity: a.capacity,
    signedUp: a.signedUp,
    status: a.status,
    beneficiaries: a.beneficiaries,
    cancelReason: a.cancelReason ?? null,
    joined,
  }
}

export function toEntryView(e: EntryDoc): EntryView {
  return {
    id: e._id,
    activityId: e.activityId,
    memberId: e.memberId,
    memberName: e.memberName,
    method: e.method,
    signInAt: e.signInAt,
    signOutAt: e.signOutAt,
    minutes: e.minutes,
    status: e.status,
    reason: e.reason,
    recordedByName: e.recordedByName,
  }
}
