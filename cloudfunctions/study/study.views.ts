import type { LeaveDoc, LecturerDoc, OrgDoc, SessionDoc } from '../common/docs'
import type { LeaveView, LecturerView, SessionView } from '../contract/study.contract'

export function toSessionView(
  s: SessionDoc,
  orgs: ReadonlyMap<string, OrgDoc>,
  lecturerNames: ReadonlyMap<string, string>,
): SessionView {
  return {
    id: s._id,
    type: s.type,
    format: s.format,
    title: s.title,
    lecturerId: s.lecturerId,
    lecturerName: s.lecturerId ? (lecturerNames.get(s.lecturerId) ?? null) : null,
    orgId: s.orgId,
    orgName: orgs.get(s.orgId)?.name ?? '',
    startAt: s.startAt,
    endAt: s.endAt,
    place: s.place,
    allowVisitors: s.allowVisitors,
    rotateSeconds: s.rotateSeconds,
    lateAfterMinutes: s.lateAfterMinutes,
    status: s.status,
    cancelReason: s.cancelReason,
    staticCodeEnabled: s.staticCode !== null,
  }
}

export function toLeaveView(l: LeaveDoc, names: ReadonlyMap<string, string>): LeaveView {
  return {
    id: l._id,
    memberId: l.memberId,
    memberName: names.get(l.memberId) ?? '',
    reason: l.reason,
    status: l.status,
    requestedAt: l.requestedAt,
  }
}

export function toLecturerView(l: LecturerDoc, orgs: ReadonlyMap<string, OrgDoc>): LecturerView {
  return {
    id: l._id,
    name: l.name,
    isStaff: l.isStaff,
    speciality: l.speciality,
    orgId: l.orgId,
    orgName: orgs.get(l.orgId)?.name ?? '',
  }
}
