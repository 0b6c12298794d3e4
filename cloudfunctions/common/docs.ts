import type { BindFailures } from '../domain/binding.rules'
import type { CadreLevel, Gender, MemberCategory } from '../domain/member.rules'
import type { OrgSpan } from '../domain/org-history.rules'
import type { OrgNode } from '../domain/org-tree'
import type { RoleGrant } from '../domain/roles'
import type { CheckinMethod, SessionFormat, SessionType } from '../domain/study.rules'

/** Stored document shapes. Views sent to clients are built from these in each function. */
export type OrgDoc = OrgNode & { createdAt: number; updatedAt: number }

export interface MemberDoc {
  _id: string
  name: string
  gender: Gender
  phone: string
  orgId: string
  /** The member's organisation and all its ancestors, root first: subtree queries match on it. */
  orgPath: string[]
  /**
   * Where the member belonged and when (domain/org-history.rules.ts): a session's 应到 is read from it. Written on
   * create, on every move and by the roster import; absent on members stored before it existed, read as one span
   * from `createdAt`.
   */
  orgHistory?: OrgSpan[]
  category: MemberCategory
  cadreLevel: CadreLevel | null
  roles: RoleGrant[]
  openid: string | null
  boundAt: number | null
  importBatch: string | null
  createdAt: number
  updatedAt: number
}

/** One per WeChat account that ever opened the app; `_id` is the OPENID. Unbound users are residents. */
export interface UserDoc {
  _id: string
  memberId: string | null
  bindFailures: BindFailures | null
  createdAt: number
}

export interface InviteDoc {
  _id: string
  memberId: string
  orgId: string
  createdBy: string
  createdAt: number
  expiresAt: number
  usedAt: number | null
  usedBy: string | null
}

export interface AuditDoc {
  _id: string
  orgId: string
  actor: string
  action: string
  targetId: string
  summary: string
  at: number
}

export interface SessionDoc {
  _id: string
  type: SessionType
  format: SessionFormat
  title: string
  lecturerId: string | null
  /** The node whose members are expected; the session belongs to it. */
  orgId: string
  orgPath: string[]
  startAt: number
  endAt: number
  /** YYYY-MM of the start, in China time: the month the session counts in. */
  month: string
  place: string
  allowVisitors: boolean
  rotateSeconds: number
  lateAfterMinutes: number
  /** The 8-character code of the static poster QR while it is allowed; null otherwise. */
  staticCode: string | null
  status: 'scheduled' | 'cancelled'
  /**
   * Set by the first check-in (or 补签) before its record is stored, and never cleared. Cancelling and changing
   * the time, type or format are conditional on it being unset, so the database itself keeps a session that has
   * records from being cancelled or moved, however the calls interleave. Absent on sessions stored before it
   * existed: read as unset.
   */
  hasCheckins?: boolean
  /**
   * 应到 by node, written with the mark by the first check-in (who belonged to the session's node at its start,
   * counted per node they were in): the rollups' `study.expected` (domain/study.rollup.ts).
   */
  expectedByOrg?: { orgPath: string[]; count: number }[]
  cancelReason: string | null
  createdBy: string
  createdAt: number
  updatedAt: number
}

export interface CheckinDoc {
  /** `<sessionId>_<memberId>`: one record per member and session. */
  _id: string
  sessionId: string
  memberId: string
  /** The member's node and ancestors at check-in: monthly figures roll up by it. */
  orgPath: string[]
  month: string
  format: SessionFormat
  at: number
  late: boolean
  visitor: boolean
  method: CheckinMethod
  reason: string | null
  recordedBy: string | null
}

export interface LeaveDoc {
  /** `<sessionId>_<memberId>` */
  _id: string
  sessionId: string
  memberId: string
  reason: string
  /** The member's node and ancestors, and the session's start: where and when an approved leave counts. */
  orgPath?: string[]
  startAt?: number
  status: 'pending' | 'approved' | 'declined'
  requestedAt: number
  decidedBy: string | null
  decidedAt: number | null
}

export interface LecturerDoc {
  _id: string
  name: string
  isStaff: boolean
  speciality: string
  orgId: string
  orgPath: string[]
  createdAt: number
  updatedAt: number
}

/** A subscribe message as sent: on CloudBase WeChat delivers it; locally it lands in the outbox the UI shows. */
export interface OutboxDoc {
  _id: string
  touser: string
  templateId: string
  page: string | null
  data: Record<string, { value: unknown }>
  miniprogramState: string | null
  lang: string | null
  sentAt: Date
}

/**
 * A reminder sent to one member about one follow-up (an exam, a month's study), kept once per person, follow-up and
 * day: its `_id` is `<topic>_<memberId>_<YYYYMMDD>`, so two secretaries' taps at once send one message.
 */
export interface ReminderDoc {
  _id: string
  /** `exam-<examId>` or `study-<YYYY-MM>` (domain/reminder.rules.ts). */
  topic: string
  memberId: string
  /** China date, YYYYMMDD. */
  day: string
  sentBy: string
  at: number
}

/** One organisation node's counts for one month (domain/rollup.rules.ts); `_id` is `<orgId>_<YYYY-MM>`. */
export interface RollupDoc {
  _id: string
  orgId: string
  /** The node's ancestors and itself, so a subtree's rollups are one query: `{ month, orgPath: nodeId }`. */
  orgPath: string[]
  month: string
  /** Counters as nested objects by key segments: `pledge.signed` is `c.pledge.signed`. */
  c: Record<string, unknown>
}
