/**
 * Study sessions (三会一课, 党课, 集体学习, 主题党日, 大讲堂, 宣讲): the check-in window, the late
 * rule, attendance figures and the 每月2次理论学习 rule. Pure, so the figures a secretary sees
 * are tested against direct counts.
 */
export const SESSION_TYPES = {
  party_lecture: '党课',
  group_study: '集体学习',
  theme_day: '主题党日',
  forum: '大讲堂',
  preach: '宣讲',
  branch_meeting: '三会',
  committee_meeting: '支部委员会会议',
  party_group: '党小组会',
  general_meeting: '支部党员大会',
} as const
export type SessionType = keyof typeof SESSION_TYPES
export const SESSION_TYPE_KEYS = Object.keys(SESSION_TYPES) as SessionType[]

/** 理论学习 counts toward the monthly rule; 活动 (visits, volunteering days) does not. */
export const SESSION_FORMATS = { theory: '理论学习', activity: '活动' } as const
export type SessionFormat = keyof typeof SESSION_FORMATS

export const DEFAULT_FORMAT: Record<SessionType, SessionFormat> = {
  party_lecture: 'theory',
  group_study: 'theory',
  theme_day: 'activity',
  forum: 'theory',
  preach: 'theory',
  branch_meeting: 'theory',
  // A 支委会 settles the branch's business among its committee; 党小组会 and 党员大会 usually include study.
  committee_meeting: 'activity',
  party_group: 'theory',
  general_meeting: 'theory',
}

export const MONTHLY_STUDY_REQUIRED = 2
/** How often the check-in code changes, in seconds: the default and the range a secretary may choose. */
export const DEFAULT_ROTATE_SECONDS = 20
export const MIN_ROTATE_SECONDS = 10
export const MAX_ROTATE_SECONDS = 120
/** Check-in opens this long before the start, so members arriving early can scan. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60 * 1000
export const DEFAULT_LATE_AFTER_MINUTES = 5

export interface SessionTiming {
  startAt: number
  endAt: number
  lateAfterMinutes: number
}

export type WindowCheck = 'open' | 'not_yet' | 'closed'

export function checkinWindow(session: SessionTiming, now: number): WindowCheck {
  if (now < session.startAt - CHECKIN_OPENS_BEFORE_MS) return 'not_yet'
  if (now > session.endAt) return 'closed'
  return 'open'
}

/** Before the start (who is expected, who asked for leave), under way, or over (no more codes shown). */
export type SessionPhase = 'upcoming' | 'running' | 'ended'

export function sessionPhase(session: Pick<SessionTiming, 'startAt' | 'endAt'>, now: number): SessionPhase {
  if (now < session.startAt) return 'upcoming'
  return now > session.endAt ? 'ended' : 'running'
}

/** Late once the grace after the start has passed; at exactly the boundary one is still on time. */
export function isLate(session: SessionTiming, at: number): boolean {
  return at > session.startAt + session.lateAfterMinutes * 60 * 1000
}

export type CheckinMethod = 'qr' | 'static' | 'makeup_sign' | 'makeup_study'
export const METHOD_LABELS: Record<CheckinMethod, string> = {
  qr: '扫码签到',
  static: '海报码签到',
  makeup_sign: '补签',
  makeup_study: '补学',
}

export interface AttendanceInput {
  expected: readonly string[]
  checkins: readonly { memberId: string; late: boolean; visitor: boolean }[]
  approvedLeaves: readonly string[]
  /** False before the session's start: nobody is 缺席 yet. */
  started?: boolean
}

export interface AttendanceSummary {
  /** 应到 */
  expected: number
  /** 实到 among the expected */
  present: number
  late: number
  /** 请假 (approved) among the expected who did not come */
  onLeave: number
  /** 缺席 */
  absent: number
  visitors: number
  /** 实到 / 应到 */
  rateOfExpected: number
  /** 实到 / (应到 − 请假) */
  rateOfRequired: number
}

export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole
}

export function summariseAttendance(input: AttendanceInput): AttendanceSummary {
  const expected = new Set(input.expected)
  const came = new Map(input.checkins.map((c) => [c.memberId, c]))
  let present = 0
  let late = 0
  for (const id of expected) {
    const c = came.get(id)
    if (c) {
      present++
      if (c.late) late++
    }
  }
  const onLeave = input.approvedLeaves.filter((id) => expected.has(id) && !came.has(id)).length
  const visitors = input.checkins.filter((c) => !expected.has(c.memberId)).length
  return {
    expected: expected.size,
    present,
    late,
    onLeave,
    absent: input.started === false ? 0 : expected.size - present - onLeave,
    visitors,
    rateOfExpected: ratio(present, expected.size),
    rateOfRequired: ratio(present, expected.size - onLeave),
  }
}

/** Members below the rule, given each member's count of theory sessions attended in the month. */
export function belowMonthlyRule(
  members: readonly { id: string }[],
  counts: ReadonlyMap<string, number>,
): { id: string; count: number }[] {
  return members
    .map((m) => ({ id: m.id, count: counts.get(m.id) ?? 0 }))
    .filter((m) => m.count < MONTHLY_STUDY_REQUIRED)
}

/** What the rotating QR encodes: the token alone (scanned in the app), or a link carrying it for the H5 build. */
export function qrPayload(token: string, linkBase: string | null): string {
  return linkBase ? `${linkBase}${encodeURIComponent(token)}` : token
}

/** Accepts what a scanner returns: a bare token, or a link that carries it as `t=`. */
export function tokenFromScan(scanned: string): string {
  const match = /[?&]t=([^&#]+)/.exec(scanned)
  return match ? decodeURIComponent(match[1]) : scanned.trim()
}

/** The scene of a session's static poster code: `k=` and the session's 8-character code (WeChat allows 32). */
export function staticScene(code: string): string {
  return `k=${code}`
}

export function codeFromScene(scene: string): string | null {
  const match = /^k=([2-9A-HJKMNP-Z]{8})$/.exec(decodeURIComponent(scene).trim())
  return match ? match[1] : null
}
