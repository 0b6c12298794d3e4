import type * as z from 'zod'

import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { fetchAll } from '../common/data'
import type { CheckinDoc, LeaveDoc, SessionDoc } from '../common/docs'
import { remindedToday } from '../common/reminders'
import type {
  AttendanceRow,
  AttendanceStatus,
  AttendanceView,
  MyStudyView,
  RuleReportView,
  studyInputs,
} from '../contract/study.contract'
import { belongedAt, orgIdAt, spansOf } from '../domain/org-history.rules'
import {
  belowMonthlyRule,
  type CheckinMethod,
  METHOD_LABELS,
  MONTHLY_STUDY_REQUIRED,
  type SessionPhase,
  sessionPhase,
  summariseAttendance,
} from '../domain/study.rules'
import { monthOf, monthRange } from '../domain/time'
import { studyReach } from './read-reach'
import {
  checkins,
  leaves,
  lecturerNames,
  loadSession,
  members,
  membersAt,
  namesOf,
  recordId,
  sessions,
} from './study.store'
import { toLeaveView, toSessionView } from './study.views'

type Input<K extends keyof typeof studyInputs> = z.output<(typeof studyInputs)[K]>

function statusOf(record: CheckinDoc | undefined, leave: LeaveDoc | undefined): AttendanceStatus {
  if (record) return record.visitor ? 'visitor' : record.late ? 'late' : 'present'
  if (leave?.status === 'approved') return 'leave'
  if (leave?.status === 'pending') return 'leave_pending'
  return 'absent'
}

/** Before the start an expected member with neither a record nor a leave is awaited, not absent. */
function upcomingOr(phase: SessionPhase, status: AttendanceStatus): AttendanceStatus | 'upcoming' {
  return phase === 'upcoming' && status === 'absent' ? 'upcoming' : status
}

/**
 * 应到 / 实到 / 请假 / 缺席 for one session, every figure counted from its records. 应到 is who belonged to the
 * session's node at its start (`membersAt`), so the figures of a started session never move with the roster.
 * Before the start nobody is 缺席: the list shows who is expected and who asked for leave.
 */
export async function attendance(ctx: CallContext, input: Input<'attendance/get'>): Promise<AttendanceView> {
  const session = await loadSession(input.sessionId)
  const reach = await studyReach(ctx, session.orgId)
  const phase = sessionPhase(session, ctx.now)
  const [everyone, allRecords, allLeaves, orgs] = await Promise.all([
    membersAt(session.orgId, session.startAt),
    fetchAll<CheckinDoc>(checkins().where({ sessionId: session._id })),
    fetchAll<LeaveDoc>(leaves().where({ sessionId: session._id })),
    ctx.orgs(),
  ])
  // A reader of part of the session (a 支部书记 at a community's session) sees their own members only.
  const expected = everyone.filter((m) => reach.covers(m.orgId))
  const shown = new Set(expected.map((m) => m._id))
  const records = allRecords.filter((r) => shown.has(r.memberId) || r.orgPath.some((o) => reach.covers(o)))
  const leaveDocs = allLeaves.filter((l) => shown.has(l.memberId))
  const byMember = new Map(records.map((r) => [r.memberId, r]))
  const leaveOf = new Map(leaveDocs.map((l) => [l.memberId, l]))
  const summary = summariseAttendance({
    expected: expected.map((m) => m._id),
    checkins: records,
    approvedLeaves: leaveDocs.filter((l) => l.status === 'approved').map((l) => l.memberId),
    started: phase !== 'upcoming',
  })
  const byMethod = Object.fromEntries(Object.keys(METHOD_LABELS).map((m) => [m, 0])) as Record<
    CheckinMethod,
    number
  >
  for (const r of records) byMethod[r.method]++

  const expectedIds = new Set(expected.map((m) => m._id))
  const visitorIds = records.filter((r) => !expectedIds.has(r.memberId)).map((r) => r.memberId)
  const recorderIds = records.map((r) => r.recordedBy).filter((x): x is string => x !== null)
  const names = await namesOf([...visitorIds, ...recorderIds, ...leaveDocs.map((l) => l.memberId)])
  const orgOfVisitor = new Map<string, string>()
  if (visitorIds.length > 0) {
    const found = await members()
      .where({ _id: _.in(visitorIds) })
      .field({ orgId: true })
      .limit(1000)
      .get()
    for (const m of found.data as { _id: string; orgId: string }[]) orgOfVisitor.set(m._id, m.orgId)
  }
  const row = (memberId: string, name: string, orgId: string): AttendanceRow => {
    const record = byMember.get(memberId)
    return {
      memberId,
      name,
      orgName: orgs.get(orgId)?.name ?? '',
      status: upcomingOr(phase, statusOf(record, leaveOf.get(memberId))),
      method: record?.method ?? null,
      at: record?.at ?? null,
      reason: record?.reason ?? null,
      recordedByName: record?.recordedBy ? (names.get(record.recordedBy) ?? null) : null,
    }
  }
  const rows = [
    // The branch a member was in at the start, which a later move does not change.
    ...expected.map((m) => row(m._id, m.name, orgIdAt(m, session.startAt))),
    ...visitorIds.map((id) => row(id, names.get(id) ?? '', orgOfVisitor.get(id) ?? '')),
  ]
  return {
    session: toSessionView(session, orgs, await lecturerNames([session.lecturerId])),
    phase,
    summary: { ...summary, byMethod },
    rows,
    leaves: leaveDocs.map((l) => toLeaveView(l, names)),
    limitedTo: reach.limitedTo,
  }
}

/**
 * 我的学习: the month's sessions the member is expected at (or attended as a visitor), and the rule. Expected
 * means in the session's node at its start, by the member's organisation history, as in the session's 应到.
 */
export async function myStudy(ctx: CallContext, input: Input<'study/mine'>): Promise<MyStudyView> {
  const caller = await ctx.member()
  const member = caller.member
  const month = input.month ?? monthOf(ctx.now)
  const everBelonged = [...new Set(spansOf(member).flatMap((s) => s.orgPath))]
  const [records, scopeSessions] = await Promise.all([
    fetchAll<CheckinDoc>(checkins().where({ month, memberId: member._id })),
    fetchAll<SessionDoc>(sessions().where({ month, orgId: _.in(everBelonged), status: 'scheduled' })),
  ])
  const expectedSessions = scopeSessions.filter((s) => belongedAt(member, s.orgId, s.startAt))
  const known = new Set(expectedSessions.map((s) => s._id))
  const visited = records.filter((r) => !known.has(r.sessionId)).map((r) => r.sessionId)
  const visitedSessions =
    visited.length > 0 ? fetchAll<SessionDoc>(sessions().where({ _id: _.in(visited) })) : Promise.resolve([])
  const all = [...expectedSessions, ...(await visitedSessions)].sort((a, b) => a.startAt - b.startAt)
  const leaveDocs =
    all.length > 0
      ? await fetchAll<LeaveDoc>(leaves().where({ _id: _.in(all.map((s) => recordId(s._id, member._id))) }))
      : []
  const recordOf = new Map(records.map((r) => [r.sessionId, r]))
  const leaveOf = new Map(leaveDocs.map((l) => [l.sessionId, l]))
  const [orgs, lecturers] = await Promise.all([ctx.orgs(), lecturerNames(all.map((s) => s.lecturerId))])
  const names = new Map([[member._id, member.name]])
  const theoryCount = records.filter((r) => r.format === 'theory').length
  return {
    month,
    required: MONTHLY_STUDY_REQUIRED,
    theoryCount,
    met: theoryCount >= MONTHLY_STUDY_REQUIRED,
    sessions: all.map((s) => {
      const record = recordOf.get(s._id)
      const leave = leaveOf.get(s._id)
      return {
        session: toSessionView(s, orgs, lecturers),
        status: !record && s.startAt > ctx.now ? 'upcoming' : statusOf(record, leave),
        method: record?.method ?? null,
        leave: leave ? toLeaveView(leave, names) : null,
      }
    }),
  }
}

/** 每月2次理论学习: for a node and month, who met it and who did not, counted from check-in records. */
export async function ruleReport(ctx: CallContext, input: Input<'study/rule'>): Promise<RuleReportView> {
  const org = await authorizeOn(ctx, 'stats.read', input.orgId)
  // Who belonged to the node at the month's end (now, for the month under way): a past month's list keeps
  // its members whatever the roster became, and a member who moved counts in one place only.
  const [, monthEnd] = monthRange(input.month)
  const at = Math.min(monthEnd - 1, ctx.now)
  const [people, records, orgs, reminded] = await Promise.all([
    membersAt(org._id, at),
    fetchAll(
      checkins().where({ month: input.month, orgPath: org._id, format: 'theory' }).field({ memberId: true }),
    ),
    ctx.orgs(),
    remindedToday('study', input.month, ctx.now),
  ])
  const counts = new Map<string, number>()
  for (const r of records) counts.set(r.memberId, (counts.get(r.memberId) ?? 0) + 1)
  const byId = new Map(people.map((m) => [m._id, m]))
  const below = belowMonthlyRule(
    people.map((m) => ({ id: m._id })),
    counts,
  )
    .map((b) => {
      const m = byId.get(b.id)!
      return {
        memberId: m._id,
        name: m.name,
        orgName: orgs.get(orgIdAt(m, at))?.name ?? '',
        count: b.count,
        remindedToday: reminded.has(m._id),
      }
    })
    .sort((a, b) => a.count - b.count || a.name.localeCompare(b.name, 'zh'))
  return {
    month: input.month,
    required: MONTHLY_STUDY_REQUIRED,
    total: people.length,
    met: people.length - below.length,
    below,
    remindedToday: below.filter((b) => b.remindedToday).length,
  }
}
