/**
 * What study records contribute to the monthly rollups (domain/rollup.rules.ts). Every counter below is kept per
 * node and month by atomic increments in the same call as the record (study/*.service.ts), rebuilt from the same
 * rules over raw records (stats rebuild), and read by the statistics' study area (cloudfunctions/stats/areas).
 *
 * Counter keys:
 * - `study.sessions.<type>` — sessions held, by type (`partyLecture`, `groupStudy`, `themeDay`, `forum`, `preach`,
 *   `branchMeeting`, `committeeMeeting`, `partyGroup`, `generalMeeting`), on the session's node, in the month of its
 *   start. Held: not cancelled and reached by a check-in (`hasCheckins`), which also fixes its type, format and
 *   time (a session with check-ins can be neither cancelled nor moved).
 * - `study.formats.theory`, `study.formats.activity` — the same sessions by format (理论学习 versus 活动).
 * - `study.expected` — 应到 of held sessions, on each expected member's node at the session's start (the session
 *   stores the count per node when it is first held, `expectedByOrg`).
 * - `study.present` — 实到: check-ins of expected members, on the member's node at check-in, in the session's
 *   month; `study.late` those late; `study.makeup` those recorded as 补签 or 补学; `study.visitors` 列席.
 * - `study.theory` — check-ins at 理论学习 sessions, visitors included (each counts toward 每月2次).
 * - `study.leave` — approved 请假 requests, on the member's node, in the month of the session's start.
 * - `study.met` — members with at least 每月2次 theory check-ins in the month, on their node at their latest one
 *   (from the member-month tally, common/stats.docs.ts).
 * - `study.lecturesFromAbove` — 党课 held by a higher node for this node's members: one per held 党课 whose 应到
 *   (`expectedByOrg`) names this node below the session's own, in the month of its start. A branch's 三会一课 counts
 *   them toward its 党课 (domain/three-meetings.rules.ts).
 */
import { joinIds } from './ids'
import type { Contribution, Counts, RollupRule } from './rollup.rules'
import {
  type CheckinMethod,
  MONTHLY_STUDY_REQUIRED,
  type SessionFormat,
  type SessionType,
} from './study.rules'
import { monthRange } from './time'

/** The fields of the stored documents (common/docs.ts, common/stats.docs.ts) that the rules read. */
export interface SessionFacts {
  type: SessionType
  format: SessionFormat
  orgPath: string[]
  startAt: number
  status: 'scheduled' | 'cancelled'
  hasCheckins?: boolean
  expectedByOrg?: { orgPath: string[]; count: number }[]
}
export interface CheckinFacts {
  orgPath: string[]
  month: string
  format: SessionFormat
  late: boolean
  visitor: boolean
  method: CheckinMethod
}
export interface LeaveFacts {
  status: 'pending' | 'approved' | 'declined'
  orgPath?: string[]
  startAt?: number
}
export interface StudyMonthFacts {
  orgPath: string[]
  month: string
  theory: number
}

/** `party_lecture` → `partyLecture`: counter key segments are camelCase. */
export function typeKey(type: SessionType): string {
  return type.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

/** The first moment of a "YYYY-MM" month: the time of a contribution that belongs to a month, not an instant. */
const startOf = (month: string) => monthRange(month)[0]

export function isHeld(s: Pick<SessionFacts, 'status' | 'hasCheckins'>): boolean {
  return s.status === 'scheduled' && s.hasCheckins === true
}

export const sessionRollup: RollupRule<SessionFacts> = (s) => {
  if (!isHeld(s)) return []
  const own: Contribution = {
    orgPath: s.orgPath,
    time: s.startAt,
    counts: { [`study.sessions.${typeKey(s.type)}`]: 1, [`study.formats.${s.format}`]: 1 },
  }
  const node = s.orgPath[s.orgPath.length - 1]
  const expected = (s.expectedByOrg ?? [])
    .filter((e) => e.count > 0)
    .map((e): Contribution => {
      const below = s.type === 'party_lecture' && e.orgPath[e.orgPath.length - 1] !== node
      return {
        orgPath: e.orgPath,
        time: s.startAt,
        counts: { 'study.expected': e.count, ...(below ? { 'study.lecturesFromAbove': 1 } : {}) },
      }
    })
  return [own, ...expected]
}

export const checkinRollup: RollupRule<CheckinFacts> = (c) => {
  const counts: Counts = c.visitor
    ? { 'study.visitors': 1 }
    : {
        'study.present': 1,
        ...(c.late ? { 'study.late': 1 } : {}),
        ...(c.method === 'makeup_sign' || c.method === 'makeup_study' ? { 'study.makeup': 1 } : {}),
      }
  if (c.format === 'theory') counts['study.theory'] = 1
  return [{ orgPath: c.orgPath, time: startOf(c.month), counts }]
}

/** Leaves stored before they carried the member's node and the session's start count nowhere. */
export const leaveRollup: RollupRule<LeaveFacts> = (l) =>
  l.status === 'approved' && l.orgPath && l.startAt !== undefined
    ? [{ orgPath: l.orgPath, time: l.startAt, counts: { 'study.leave': 1 } }]
    : []

export const studyMonthRollup: RollupRule<StudyMonthFacts> = (t) =>
  t.theory >= MONTHLY_STUDY_REQUIRED
    ? [{ orgPath: t.orgPath, time: startOf(t.month), counts: { 'study.met': 1 } }]
    : []

/** A member's 每月2次 tally of a month as the theory check-ins leave it: `_id` `<memberId>_<month>`. */
export interface StudyTally extends StudyMonthFacts {
  _id: string
  memberId: string
}

/**
 * The 每月2次 tallies, built one check-in at a time (the rebuild reads them page by page): each theory check-in counts
 * once, and the tally sits on the member's node at their latest one of the month. Others are passed over.
 */
export class StudyTallies {
  private readonly byId = new Map<string, StudyTally & { at: number }>()

  add(c: { memberId: string; month: string; orgPath: string[]; at: number; format: SessionFormat }): void {
    if (c.format !== 'theory') return
    const id = joinIds(c.memberId, c.month)
    const t = this.byId.get(id) ?? {
      _id: id,
      memberId: c.memberId,
      month: c.month,
      orgPath: c.orgPath,
      theory: 0,
      at: c.at,
    }
    t.theory++
    if (c.at >= t.at) Object.assign(t, { at: c.at, orgPath: c.orgPath })
    this.byId.set(id, t)
  }

  list(): StudyTally[] {
    return [...this.byId.values()].map(({ at: _at, ...t }) => t)
  }
}
