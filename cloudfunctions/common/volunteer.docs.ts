import type { ActivityStatus, EntryMethod, EntryStatus, ServiceType } from '../domain/volunteer.rules'

/** Stored shapes of the volunteer collections. Views sent to clients are built in volunteer/volunteer.views.ts. */
export interface ActivityDoc {
  _id: string
  title: string
  serviceType: ServiceType
  /** The organising node: it records the hours and its secretaries confirm them (谁组织谁记录). */
  orgId: string
  orgPath: string[]
  /** 共建单位, when the activity is held with one. */
  partner: string | null
  place: string
  startAt: number
  /** startAt + plannedMinutes: sign-in closes then. */
  endAt: number
  plannedMinutes: number
  capacity: number
  /** Places taken: raised only where it is below `capacity` (the database decides), lowered on withdrawal. */
  signedUp: number
  rotateSeconds: number
  /**
   * open: sign-ups and hours; closed: the organiser entered 受益人次 and no hours wait any more; cancelled: by
   * the organiser before the start and before any sign-in (it counts in no figure).
   */
  status: ActivityStatus
  beneficiaries: number | null
  /**
   * Set, once, by the first sign-in (conditional on the activity being open) before its record is stored, never
   * cleared: cancelling and editing are conditional on it being unset, so neither meets an activity with hours.
   * Absent on activities stored before it existed.
   */
  hasEntries?: boolean
  cancelledAt?: number | null
  cancelledBy?: string | null
  cancelReason?: string | null
  createdBy: string
  createdAt: number
  updatedAt: number
  closedAt: number | null
  closedBy: string | null
}

/** One per member and activity, `_id` `<activityId>_<memberId>`. */
export interface SignupDoc {
  _id: string
  activityId: string
  memberId: string
  memberName: string
  /** The activity's organising node and its ancestors (the rollups count participants there). */
  orgPath: string[]
  activityStartAt: number
  status: 'active' | 'withdrawn'
  at: number
  withdrawnAt: number | null
  /** Set once, when the member's first hours for the activity are confirmed: a participant. */
  participated: boolean
  /**
   * The minutes each of the member's entries for the activity holds (refused ones leave), and its revision: the
   * planned-duration cap moves them by compare-and-set (volunteer/activity-hold.ts). Absent until the first.
   */
  held?: Record<string, number>
  heldRev?: number
}

/**
 * One sign-in/out pair, or one 补录. A pair's `_id` is `<activityId>_<memberId>_<YYYYMMDD>_<n>` with n ≤ 3, so
 * a fourth pair the same day cannot be stored; a 补录's is `<activityId>_<memberId>_makeup` (one per person and
 * activity). The activity's title, type and place are copied for the member's list and the certificate.
 */
export interface EntryDoc {
  _id: string
  activityId: string
  memberId: string
  memberName: string
  orgPath: string[]
  title: string
  serviceType: string
  place: string
  activityStartAt: number
  day: string
  year: number
  method: EntryMethod
  signInAt: number
  /** The period of the code scanned to sign in: a scan of that code (or an older one) again is a repeat. */
  signInPeriod: number | null
  signOutAt: number | null
  minutes: number | null
  status: EntryStatus
  /** Who entered it (organiser's entry, 补录) and why (补录). */
  recordedBy: string | null
  recordedByName: string | null
  reason: string | null
  decidedBy: string | null
  decidedAt: number | null
  createdAt: number
}

/**
 * A member's held hours on one China day, across every activity: `_id` `<memberId>_<YYYYMMDD>`. The 8-hour rule
 * reads and moves it by compare-and-set on `rev` (volunteer/day-tally.ts), so of two overlapping sign-outs the
 * second sees the first's minutes. `entries` holds what each entry added and the status it was given, so a
 * repeated sign-out of one entry adds nothing; a refusal takes its minutes back out.
 */
export interface MemberDayDoc {
  _id: string
  memberId: string
  day: string
  /** The sum of `entries`' minutes (everything held that day: pending, over the limit, confirmed). */
  minutes: number
  rev: number
  entries: Record<string, { minutes: number; status: 'pending' | 'approval' }>
}

/** A 志愿服务记录证明 as issued: the rows are copied, so a later change never alters an issued certificate. */
export interface CertificateRow {
  date: string
  time: string
  place: string
  content: string
  orgName: string
  minutes: number
}

export interface CertificateDoc {
  /** The serial number, `ZYFW-<year>-<8 characters>`. */
  _id: string
  /** The verification code, checked together with the serial. */
  code: string
  memberId: string
  name: string
  gender: string
  orgName: string
  year: number
  rows: CertificateRow[]
  totalMinutes: number
  issuer: string
  issuedAt: number
}
