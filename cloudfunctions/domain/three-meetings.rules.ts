/**
 * 三会一课 as 《中国共产党支部工作条例（试行）》 (2018) sets it for a 党支部: 支部委员会会议 and 党小组会 once a month,
 * 支部党员大会 once a quarter, and 党课 at least once a quarter. Pure: given how many sessions of each type a branch
 * held in each month, it says for a month whether each requirement is met, still due (its month or quarter is not
 * over yet) or missed — the traffic light of 三会一课 on the statistics page and the branches behind on the to-do
 * list.
 *
 * The three meetings count only the branch's own sessions (those whose node is the branch): they are the branch's
 * own organisational life. 党课 is different: the 条例 (第十九条) asks the branch to "组织党员按期参加党员大会、党小组会
 * 和上党课" and "党员领导干部要定期为基层党员讲党课", so a 党课 held by a higher node (the community, the street) for
 * the branch's members fulfils the branch's 党课 as well as one it holds itself (`fromAbove`; counted per branch by
 * the rollups, `study.lecturesFromAbove`). The older type 三会 names no one meeting and counts toward none.
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
  /** Whether the type held by a higher node for the branch's members counts too (党课). */
  fromAbove: boolean
}

export const MEETING_REQUIREMENTS: readonly MeetingRequirement[] = [
  {
    kind: 'committee',
    label: '支部委员会会议',
    type: 'committee_meeting',
    period: 'month',
    required: 1,
    fromAbove: false,
  },
  { kind: 'group', label: '党小组会', type: 'party_group', period: 'month', required: 1, fromAbove: false },
  {
    kind: 'general',
    label: '支部党员大会',
    type: 'general_meeting',
    period: 'quarter',
    required: 1,
    fromAbove: false,
  },
  { kind: 'lecture', label: '党课', type: 'party_lecture', period: 'quarter', required: 1, fromAbove: true },
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
  /** Sessions counted: the branch's own and, where the requirement allows, those held for it above. */
  held: number
  /** Of `held`, those held by a higher node for the branch's members. */
  fromAbove: number
  status: MeetingStatus
}

/** Sessions held by the branch, by month and type (months absent: none held). */
export type HeldByMonth = ReadonlyMap<string, Partial<Record<SessionType, number>>>

/**
 * Each requirement for the month `month`, read on `today` (the month under way, "YYYY-MM"): the month's or the
 * quarter's count up to and including `month` (a quarter's later months are not yet looked at when reading an
 * earlier one), met when it reaches the requirement, missed when its period has ended without, due otherwise.
 * `above`: sessions held by higher nodes for the branch's members, counted where the requirement allows (党课).
 */
export function checkMeetings(
  held: HeldByMonth,
  month: string,
  today: string,
  above: HeldByMonth = new Map(),
): MeetingCheck[] {
  return MEETING_REQUIREMENTS.map((r) => {
    const months = r.period === 'month' ? [month] : quarterMonths(month).filter((m) => m <= month)
    const own = months.reduce((n, m) => n + (held.get(m)?.[r.type] ?? 0), 0)
    const fromAbove = r.fromAbove ? months.reduce((n, m) => n + (above.get(m)?.[r.type] ?? 0), 0) : 0
    const count = own + fromAbove
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
      fromAbove,
      status,
    }
  })
}

/** The branch's light: red if anything was missed, yellow if something is still due, green otherwise. */
export function worstStatus(checks: readonly Pick<MeetingCheck, 'status'>[]): MeetingStatus {
  if (checks.some((c) => c.status === 'missed')) return 'missed'
  return checks.some((c) => c.status === 'due') ? 'due' : 'met'
}
