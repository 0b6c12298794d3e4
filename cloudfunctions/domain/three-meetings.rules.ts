/**
 * 三会一课 as 《中国共产党支部工作条例（试行）》 (2018) sets it for a 党支部: 支部委员会会议 and 党小组会 once a month,
 * 支部党员大会 once a quarter, and 党课 at least once a quarter. Pure: given how many sessions of each type a branch
 * held in each month, it says for a month whether each requirement is met, still due (its month or quarter is not
 * over yet) or missed — the traffic light of 三会一课 on the statistics page and the branches behind on the to-do
 * list.
 *
 * Only the branch's own sessions count (those whose node is the branch): a community's 党课 attended by the
 * branch's members is the community's. The older type 三会 names no one meeting and counts toward none.
 */
import type { SessionType } from './study.rules'
import { monthLabel, shiftMonth } from './time'

export type MeetingKind = 'committee' | 'group' | 'general' | 'lecture'
export type MeetingPeriod = 'month' | 'quarter'
export type MeetingStatus = 'met' | 'due' | 'missed'

export interface MeetingRequirement {
  kind: MeetingKind
  label: string
  /** The session type that fulfils it. */
  type: SessionType
  period: MeetingPeriod
  /** At least this many per period. */
  required: number
}

export const MEETING_REQUIREMENTS: readonly MeetingRequirement[] = [
  { kind: 'committee', label: '支部委员会会议', type: 'committee_meeting', period: 'month', required: 1 },
  { kind: 'group', label: '党小组会', type: 'party_group', period: 'month', required: 1 },
  { kind: 'general', label: '支部党员大会', type: 'general_meeting', period: 'quarter', required: 1 },
  { kind: 'lecture', label: '党课', type: 'party_lecture', period: 'quarter', required: 1 },
]

export const PERIOD_LABELS: Record<MeetingPeriod, string> = { month: '每月', quarter: '每季度' }

/** The months of the quarter that holds `month` ("2026-11" → 2026-10, 2026-11, 2026-12). */
export function quarterMonths(month: string): string[] {
  const m = Number(month.slice(5, 7))
  const first = shiftMonth(month, -((m - 1) % 3))
  return [first, shiftMonth(first, 1), shiftMonth(first, 2)]
}

/** "2026年第4季度" */
export function quarterLabel(month: string): string {
  return `${month.slice(0, 4)}年第${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}季度`
}

export interface MeetingCheck {
  kind: MeetingKind
  label: string
  period: MeetingPeriod
  /** "2026年11月" or "2026年第4季度". */
  periodLabel: string
  required: number
  held: number
  status: MeetingStatus
}

/** Sessions held by the branch, by month and type (months absent: none held). */
export type HeldByMonth = ReadonlyMap<string, Partial<Record<SessionType, number>>>

/**
 * Each requirement for the month `month`, read on `today` (the month under way, "YYYY-MM"): the month's or the
 * quarter's count up to and including `month` (a quarter's later months are not yet looked at when reading an
 * earlier one), met when it reaches the requirement, missed when its period has ended without, due otherwise.
 */
export function checkMeetings(held: HeldByMonth, month: string, today: string): MeetingCheck[] {
  return MEETING_REQUIREMENTS.map((r) => {
    const months = r.period === 'month' ? [month] : quarterMonths(month).filter((m) => m <= month)
    const count = months.reduce((n, m) => n + (held.get(m)?.[r.type] ?? 0), 0)
    const periodEnd = r.period === 'month' ? month : quarterMonths(month)[2]
    // A quarter read at one of its earlier months is judged at that month: missed only once its end has passed.
    const ended = periodEnd < today && (r.period === 'month' || month === periodEnd)
    const status: MeetingStatus = count >= r.required ? 'met' : ended ? 'missed' : 'due'
    return {
      kind: r.kind,
      label: r.label,
      period: r.period,
      periodLabel: r.period === 'month' ? monthLabel(month) : quarterLabel(month),
      required: r.required,
      held: count,
      status,
    }
  })
}

/** The branch's light: red if anything was missed, yellow if something is still due, green otherwise. */
export function worstStatus(checks: readonly Pick<MeetingCheck, 'status'>[]): MeetingStatus {
  if (checks.some((c) => c.status === 'missed')) return 'missed'
  return checks.some((c) => c.status === 'due') ? 'due' : 'met'
}
