/**
 * 为民办实事: practical projects for residents (a ramp fixed, a canteen for the elderly opened), each organised by
 * a node, with a planned period, a status, the 受益人次 it served and the volunteer activities it was carried out
 * through. Pure, so the app words its buttons from the same table the server enforces.
 */

export type ProjectStatus = 'planned' | 'active' | 'done' | 'cancelled'

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  planned: '计划中',
  active: '进行中',
  done: '已完成',
  cancelled: '已取消',
}

export type ProjectMove = 'start' | 'complete' | 'cancel'

/**
 * The state machine: each move's states it leaves and the state it leads to. Done and cancelled are final. Every
 * move is one guarded write (`status` among `from`), so two secretaries completing one project at once complete
 * it once.
 */
export const PROJECT_MOVES: Record<
  ProjectMove,
  { from: readonly ProjectStatus[]; to: ProjectStatus; label: string }
> = {
  start: { from: ['planned'], to: 'active', label: '开始实施' },
  complete: { from: ['active'], to: 'done', label: '标记完成' },
  cancel: { from: ['planned', 'active'], to: 'cancelled', label: '取消项目' },
}

export const PROJECT_MOVE_KEYS = Object.keys(PROJECT_MOVES) as [ProjectMove, ...ProjectMove[]]

export function canMoveProject(move: ProjectMove, from: ProjectStatus): boolean {
  return PROJECT_MOVES[move].from.includes(from)
}

/** The moves open to a project in `status`, in the order the app offers them. */
export function projectMovesFrom(status: ProjectStatus): ProjectMove[] {
  return PROJECT_MOVE_KEYS.filter((m) => canMoveProject(m, status))
}

/** A cancelled project is kept as it was; every other may still be edited (受益人次 is updated after completion). */
export const EDITABLE_STATUSES: readonly ProjectStatus[] = ['planned', 'active', 'done']

/** The most activities one project links: a project is carried out through a handful, not a year's worth. */
export const MAX_LINKED_ACTIVITIES = 20

export const MAX_BENEFICIARIES = 1_000_000

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether "YYYY-MM-DD" names a real calendar day (2026-02-30 does not). */
export function isCalendarDate(date: string): boolean {
  const m = DATE.exec(date)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days
}

/** What is wrong with a planned period, in words for the secretary, or null. Dates compare as strings. */
export function periodProblem(startDate: string, endDate: string): string | null {
  if (!isCalendarDate(startDate)) return '开始日期不是有效的日期'
  if (!isCalendarDate(endDate)) return '结束日期不是有效的日期'
  if (endDate < startDate) return '结束日期不能早于开始日期'
  return null
}

/** "2026年3月1日—6月30日", or with both years when they differ. */
export function periodLabel(startDate: string, endDate: string): string {
  const part = (date: string, withYear: boolean) => {
    const [y, m, d] = date.split('-').map(Number)
    return `${withYear ? `${y}年` : ''}${m}月${d}日`
  }
  const sameYear = startDate.slice(0, 4) === endDate.slice(0, 4)
  return `${part(startDate, true)}—${part(endDate, !sameYear)}`
}

/** The same ids once each, in their first order: a form that lists an activity twice links it once. */
export function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}
