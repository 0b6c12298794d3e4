import type { MemberDoc, OrgDoc, RollupDoc } from '../cloudfunctions/common/docs'
import type { ActivityDoc, EntryDoc, SignupDoc } from '../cloudfunctions/common/volunteer.docs'
import { joinIds } from '../cloudfunctions/domain/ids'
import { bucketId, nestCounts, sumContributions } from '../cloudfunctions/domain/rollup.rules'
import { chinaTimestamp, dateOf, yearOf } from '../cloudfunctions/domain/time'
import {
  volunteerActivityRollup,
  volunteerEntryRollup,
  volunteerSignupRollup,
} from '../cloudfunctions/domain/volunteer.rollup'
import { dayKey } from '../cloudfunctions/domain/volunteer.rules'

const DAY = 24 * 60 * 60 * 1000
const MIN = 60_000

/**
 * 志愿服务 of the demo street: 和平社区's 文明交通劝导 of five weeks ago, held and closed (three volunteers, their hours
 * confirmed, one 补录, 120 受益人次), and its 关爱空巢老人 in three days, open for sign-up with two places taken. Demo
 * member 1 has none of it, so the whole flow can be tried as them. The rollups of the closed one are written from
 * the same rules the functions use.
 */
export function demoVolunteer(
  now: number,
  orgs: readonly OrgDoc[],
  members: readonly MemberDoc[],
  secretary: MemberDoc,
): { activities: ActivityDoc[]; signups: SignupDoc[]; entries: EntryDoc[]; rollups: RollupDoc[] } {
  const c1 = orgs.find((o) => o._id === 'org-c1')
  if (!c1) return { activities: [], signups: [], entries: [], rollups: [] }
  const orgPath = [...c1.ancestors, c1._id]
  const volunteers = members
    .filter((m) => m.orgPath.includes('org-c1') && m.openid !== 'demo-member-1')
    .slice(1, 4)
  const pastStart = chinaTimestamp(dateOf(now - 35 * DAY), '08:00') as number
  const nextStart = chinaTimestamp(dateOf(now + 3 * DAY), '09:00') as number
  const activity = (id: string, patch: Partial<ActivityDoc>): ActivityDoc => ({
    _id: id,
    title: '',
    serviceType: 'traffic',
    orgId: c1._id,
    orgPath,
    partner: null,
    place: '',
    startAt: pastStart,
    endAt: pastStart + 120 * MIN,
    plannedMinutes: 120,
    capacity: 10,
    signedUp: 0,
    rotateSeconds: 20,
    status: 'open',
    beneficiaries: null,
    createdBy: secretary._id,
    createdAt: now - 40 * DAY,
    updatedAt: now - 40 * DAY,
    closedAt: null,
    closedBy: null,
    ...patch,
  })
  const held = activity('demo-vol-traffic', {
    title: '文明交通劝导',
    partner: '区交警大队',
    place: '和平路与幸福街路口',
    signedUp: volunteers.length,
    status: 'closed',
    beneficiaries: 120,
    closedAt: pastStart + 3 * 60 * MIN,
    closedBy: secretary._id,
    hasEntries: true,
  })
  const next = activity('demo-vol-elderly', {
    title: '关爱空巢老人：上门陪伴',
    serviceType: 'elderly',
    place: '和平社区幸福里小区',
    startAt: nextStart,
    endAt: nextStart + 90 * MIN,
    plannedMinutes: 90,
    capacity: 8,
    signedUp: 2,
  })
  // Cancelled by its organiser before the start: its member sees 已取消 with the reason; it counts nowhere.
  const cancelledStart = chinaTimestamp(dateOf(now + 5 * DAY), '15:00') as number
  const cancelled = activity('demo-vol-cleanup', {
    title: '楼道杂物清理',
    serviceType: 'environment',
    place: '和平社区光明里小区',
    startAt: cancelledStart,
    endAt: cancelledStart + 60 * MIN,
    plannedMinutes: 60,
    capacity: 6,
    signedUp: 1,
    status: 'cancelled',
    cancelReason: '暴雨预警，改期另行通知',
    cancelledAt: now - DAY,
    cancelledBy: secretary._id,
    updatedAt: now - DAY,
  })
  const signup = (a: ActivityDoc, m: MemberDoc, participated: boolean): SignupDoc => ({
    _id: joinIds(a._id, m._id),
    activityId: a._id,
    memberId: m._id,
    memberName: m.name,
    orgPath,
    activityStartAt: a.startAt,
    status: 'active',
    at: a.createdAt + DAY,
    withdrawnAt: null,
    participated,
  })
  const entry = (m: MemberDoc, i: number): EntryDoc => {
    const makeup = i === 2
    const minutes = makeup ? 60 : 110 - i * 10
    const signInAt = held.startAt + i * 5 * MIN
    return {
      _id: makeup ? joinIds(held._id, m._id, 'makeup') : joinIds(held._id, m._id, dayKey(held.startAt), 1),
      activityId: held._id,
      memberId: m._id,
      memberName: m.name,
      orgPath,
      title: held.title,
      serviceType: held.serviceType,
      place: held.place,
      activityStartAt: held.startAt,
      day: dayKey(held.startAt),
      year: yearOf(held.startAt),
      method: makeup ? 'makeup' : 'qr',
      signInAt: makeup ? held.startAt : signInAt,
      signInPeriod: null,
      signOutAt: (makeup ? held.startAt : signInAt) + minutes * MIN,
      minutes,
      status: 'confirmed',
      recordedBy: makeup ? secretary._id : null,
      recordedByName: makeup ? secretary.name : null,
      reason: makeup ? '手机没电，现场登记' : null,
      decidedBy: secretary._id,
      decidedAt: held.closedAt,
      createdAt: held.startAt,
    }
  }
  const signups = [
    ...volunteers.map((m) => signup(held, m, true)),
    ...volunteers.slice(0, 2).map((m) => signup(next, m, false)),
    ...volunteers.slice(0, 1).map((m) => signup(cancelled, m, false)),
  ]
  const entries = volunteers.map(entry)
  const buckets = sumContributions([
    ...volunteerActivityRollup(held),
    ...signups.flatMap(volunteerSignupRollup),
    ...entries.flatMap(volunteerEntryRollup),
  ])
  const rollups = [...buckets.values()].map((b) => ({
    _id: bucketId(b.orgId, b.month),
    orgId: b.orgId,
    orgPath: b.orgPath,
    month: b.month,
    c: nestCounts(b.counts),
  }))
  return { activities: [held, next, cancelled], signups, entries, rollups }
}
