import type { Preferred, VisitLimits, VisitStatus, VisitStep, VisitType } from '../domain/visit.rules'

/** A decline by the member a request was sent to: it went back for dispatch. */
export interface VisitDecline {
  memberId: string
  name: string
  reason: string
  at: number
}

/**
 * One 上门服务 request. Every change of `status` is a guarded transition (visit/visit.service.ts): the state it
 * leaves and the actor (`residentOpenid`, `assigneeId`, the community in `orgId`) are conditions of the write.
 * `phone` and `address` never leave the function in a view except to the resident themself and through
 * `visit/contact`, which logs each reveal.
 */
export interface VisitDoc {
  _id: string
  /** The OPENID of the resident who asked (bound or not): the only owner, never sent to the app. */
  residentOpenid: string
  /** The roster entry of the resident when they were a bound member at the time, else null. */
  residentMemberId: string | null
  /** The community the request went to, and its path (street, community): rollups and lists match on it. */
  orgId: string
  orgPath: string[]
  type: VisitType
  address: string
  phone: string
  preferred: Preferred | null
  description: string
  /** The resident's photo (a fileID in the resident's upload folder), or null. */
  photo: string | null
  status: VisitStatus
  /** How many moves the request has made: every guarded move checks it, so a move applies to the state it read. */
  moves: number
  submittedAt: number
  /** Null again after a decline: the request waits for a new dispatch. */
  dispatchedAt: number | null
  dispatchedBy: string | null
  dispatcherName: string | null
  assigneeId: string | null
  assigneeName: string | null
  /** The assignee's OPENID when dispatched, for the subscribe message. */
  assigneeOpenid: string | null
  acceptedAt: number | null
  completedAt: number | null
  confirmedAt: number | null
  cancelledAt: number | null
  rejectedAt: number | null
  /** Why it was rejected or cancelled. */
  reason: string | null
  declines: VisitDecline[]
  durationMinutes: number | null
  notes: string | null
  completionPhotos: string[]
  rating: number | null
  comment: string | null
  autoConfirmed: boolean
  /** The completion deadline fixed at submission (the preferred slot's end, or the street's limit). */
  completeBy: number
  /** The step the request waits on and its deadline; null once final. The timer reads these. */
  dueStep: VisitStep | null
  dueAt: number | null
  /** When the timer flagged the current step overdue (reset by the next move), and escalated it to the street. */
  overdueAt: number | null
  escalatedAt: number | null
  /** Set once any step ran late, never cleared: completed within the time limits means `late` false. */
  late: boolean
}

/** A street's time limits for home visits (`_id` the street's node); defaults apply while none is stored. */
export interface VisitSettingsDoc extends VisitLimits {
  _id: string
  updatedBy: string
  updatedAt: number
}

/**
 * Subscribe messages a WeChat user has granted for one kind of message and not yet used: WeChat sends one message
 * per grant and offers no way to read what is left, so we keep our own count. `_id` `<openid>_<kind>`.
 */
export interface VisitGrantDoc {
  _id: string
  openid: string
  kind: string
  count: number
  updatedAt: number
}
