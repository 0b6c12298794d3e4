/**
 * 上门服务 (home visits): a resident's request, dispatched by the community secretary to a member, accepted,
 * completed, confirmed and rated by the resident. Pure, so the app words its buttons and the progress from the
 * same table the server enforces.
 */
import { chinaClock, chinaTimestamp, dateOf } from './time'

/** What a resident may ask for; the keys are stored and counted (`visit.type.<key>`). */
export const VISIT_TYPES = {
  elderly: '助老',
  errand: '代办',
  repair: '维修',
  medicine: '送医送药',
  other: '其他',
} as const
export type VisitType = keyof typeof VISIT_TYPES
export const VISIT_TYPE_KEYS = Object.keys(VISIT_TYPES) as [VisitType, ...VisitType[]]

export type VisitStatus =
  'submitted' | 'dispatched' | 'accepted' | 'completed' | 'confirmed' | 'cancelled' | 'rejected'

/** Who acts: the resident who asked, a secretary of the request's community, the member it was sent to, the timer. */
export type VisitActor = 'resident' | 'secretary' | 'assignee' | 'timer'

export type VisitMove =
  'dispatch' | 'reject' | 'cancel' | 'accept' | 'decline' | 'complete' | 'confirm' | 'autoConfirm'

/**
 * The state machine: for each move, who may make it, from which states, and where it leads. A decline (before
 * or after accepting) sends the request back for dispatch. Every service write is guarded by exactly these
 * `from` states and the actor, in the database.
 */
export const VISIT_MOVES: Record<
  VisitMove,
  { by: VisitActor; from: readonly VisitStatus[]; to: VisitStatus }
> = {
  dispatch: { by: 'secretary', from: ['submitted'], to: 'dispatched' },
  reject: { by: 'secretary', from: ['submitted', 'dispatched'], to: 'rejected' },
  cancel: { by: 'resident', from: ['submitted', 'dispatched'], to: 'cancelled' },
  accept: { by: 'assignee', from: ['dispatched'], to: 'accepted' },
  decline: { by: 'assignee', from: ['dispatched', 'accepted'], to: 'submitted' },
  complete: { by: 'assignee', from: ['accepted'], to: 'completed' },
  confirm: { by: 'resident', from: ['completed'], to: 'confirmed' },
  autoConfirm: { by: 'timer', from: ['completed'], to: 'confirmed' },
}

export function canMove(move: VisitMove, by: VisitActor, from: VisitStatus): boolean {
  const rule = VISIT_MOVES[move]
  return rule.by === by && rule.from.includes(from)
}

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  submitted: '待派单',
  dispatched: '已派单',
  accepted: '已接单',
  completed: '待确认',
  confirmed: '已完成',
  cancelled: '已取消',
  rejected: '未受理',
}

/** The request's progress in plain words, for the resident. */
export function visitProgress(
  status: VisitStatus,
  assigneeName: string | null,
  autoConfirmed: boolean,
): string {
  switch (status) {
    case 'submitted':
      return '已收到您的请求，社区正在安排人员'
    case 'dispatched':
      return `社区已安排${assigneeName ?? '党员'}，等待对方确认`
    case 'accepted':
      return `${assigneeName ?? '党员'}已接单，会按约定时间上门`
    case 'completed':
      return '服务已完成，请您确认并评价'
    case 'confirmed':
      return autoConfirmed ? '服务已完成（您到期没有确认，系统已自动确认）' : '服务已完成，感谢您的评价'
    case 'cancelled':
      return '您已取消这次请求'
    case 'rejected':
      return '社区未能受理这次请求，原因见下方'
  }
}

/** Time limits, configurable per street (visit settings); hours unless named otherwise. */
export interface VisitLimits {
  /** Dispatched within this many hours of submission (and of a decline). */
  dispatchHours: number
  /** Accepted within this many hours of dispatch. */
  acceptHours: number
  /** Completed within this many hours of submission when no preferred time was given. */
  completeHours: number
  /** Confirmed automatically this many days after completion without the resident's action. */
  confirmDays: number
  /** An overdue request is escalated to the street this many hours after it was flagged. */
  escalateHours: number
}

export const DEFAULT_VISIT_LIMITS: VisitLimits = {
  dispatchHours: 2,
  acceptHours: 2,
  completeHours: 72,
  confirmDays: 7,
  escalateHours: 24,
}

/**
 * Each limit as the street admin sets it (时限设置): its name, unit, range and what it means. The contract's
 * schema and the settings page both read it, so the page refuses what the server would, in the same words.
 */
export const VISIT_LIMIT_FIELDS: Record<
  keyof VisitLimits,
  { label: string; unit: '小时' | '天'; max: number; hint: string }
> = {
  dispatchHours: {
    label: '派单时限',
    unit: '小时',
    max: 72,
    hint: '居民提交（或党员无法前往）后，社区在多久内派单',
  },
  acceptHours: { label: '接单时限', unit: '小时', max: 72, hint: '派单后，党员在多久内接单' },
  completeHours: { label: '完成时限', unit: '小时', max: 720, hint: '居民没选期望时间时，提交后多久内完成' },
  confirmDays: { label: '自动确认天数', unit: '天', max: 30, hint: '服务完成后，居民多少天没确认就自动确认' },
  escalateHours: {
    label: '上报街道时限',
    unit: '小时',
    max: 168,
    hint: '超时后再过多久仍未处理，就上报街道',
  },
}
export const VISIT_LIMIT_KEYS = Object.keys(VISIT_LIMIT_FIELDS) as (keyof VisitLimits)[]

/** What is wrong with a limit as typed (a whole number from 1 to its maximum), or null when it can be saved. */
export function limitProblem(key: keyof VisitLimits, typed: string): string | null {
  const { label, max } = VISIT_LIMIT_FIELDS[key]
  const text = typed.trim()
  if (text === '') return `请填写${label}`
  if (!/^\d+$/.test(text)) return `${label}应为整数`
  const n = Number(text)
  if (n < 1) return `${label}至少为1`
  if (n > max) return `${label}不能超过${max}`
  return null
}

export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS

/** The step whose deadline a request is waiting on. */
export type VisitStep = 'dispatch' | 'accept' | 'complete' | 'confirm'

export const VISIT_STEP_LABELS: Record<VisitStep, string> = {
  dispatch: '派单',
  accept: '接单',
  complete: '完成服务',
  confirm: '居民确认',
}

/** 上午 / 下午 / 晚上: the parts of a day a resident may prefer, in China time. */
export const VISIT_SLOTS = {
  morning: { label: '上午', from: '08:00', to: '12:00' },
  afternoon: { label: '下午', from: '12:00', to: '18:00' },
  evening: { label: '晚上', from: '18:00', to: '21:00' },
} as const
export type VisitSlot = keyof typeof VISIT_SLOTS
export const VISIT_SLOT_KEYS = Object.keys(VISIT_SLOTS) as [VisitSlot, ...VisitSlot[]]

/** How far ahead a resident may choose a day. */
export const PREFERRED_DAYS_AHEAD = 14

export interface Preferred {
  date: string
  slot: VisitSlot
}

/** The end of a preferred slot (ms), or null when the date is malformed. */
export function slotEnd(p: Preferred): number | null {
  return chinaTimestamp(p.date, VISIT_SLOTS[p.slot].to)
}

/** Why a preferred time cannot be taken, or null when it can: it must end in the future, within two weeks. */
export function preferredProblem(p: Preferred, now: number): string | null {
  const end = slotEnd(p)
  if (end === null) return '期望日期格式不正确'
  if (end <= now) return '期望时间已经过去，请选择以后的时间'
  const last = chinaTimestamp(dateOf(now + PREFERRED_DAYS_AHEAD * DAY_MS), '23:59')
  if (last !== null && end > last) return `期望时间只能选${PREFERRED_DAYS_AHEAD}天以内`
  return null
}

/** "12月3日 上午", or 尽快 with no preference. */
export function preferredLabel(p: Preferred | null): string {
  if (!p) return '尽快'
  const end = slotEnd(p)
  return end === null ? '尽快' : `${chinaClock(end).format('M月D日')} ${VISIT_SLOTS[p.slot].label}`
}

/** The completion deadline fixed at submission: the end of the preferred slot, else `completeHours` later. */
export function completeDeadline(submittedAt: number, p: Preferred | null, limits: VisitLimits): number {
  const end = p ? slotEnd(p) : null
  return end ?? submittedAt + limits.completeHours * HOUR_MS
}

/** The deadline of the step a request enters at `at`. */
export function stepDeadline(step: VisitStep, at: number, completeBy: number, limits: VisitLimits): number {
  switch (step) {
    case 'dispatch':
      return at + limits.dispatchHours * HOUR_MS
    case 'accept':
      return at + limits.acceptHours * HOUR_MS
    case 'complete':
      return completeBy
    case 'confirm':
      return at + limits.confirmDays * DAY_MS
  }
}

/** The step a status waits on: what the timer watches. Final states wait on nothing. */
export function stepOf(status: VisitStatus): VisitStep | null {
  switch (status) {
    case 'submitted':
      return 'dispatch'
    case 'dispatched':
      return 'accept'
    case 'accepted':
      return 'complete'
    case 'completed':
      return 'confirm'
    default:
      return null
  }
}

/** Steps that are flagged when late (a late confirmation is no one's fault: it is confirmed automatically). */
export const FLAGGED_STEPS: readonly VisitStep[] = ['dispatch', 'accept', 'complete']

/**
 * Who may read a request's phone and address unmasked (PRODUCT.md §4: "visible only to the dispatcher and the
 * assignee"), besides the resident, who always reads their own. While the request waits for dispatch, the
 * secretaries who may dispatch it (one of them will, and may have to call first); once dispatched, only the
 * secretary who dispatched it; the assignee once they accepted, until the work is done; once the request is
 * confirmed, cancelled or rejected, no one. `refused` names why a staff member may not, as an error code.
 */
export function contactAccess(
  visit: { status: VisitStatus; dispatchedBy: string | null },
  roles: ReadonlySet<VisitActor>,
  memberId: string | null,
):
  | { may: true; as: 'resident' | 'dispatcher' | 'assignee' }
  | {
      may: false
      refused: 'VISIT.CONTACT_AFTER_ACCEPT' | 'VISIT.CONTACT_DISPATCHER_ONLY' | 'VISIT.CONTACT_CLOSED'
    } {
  if (roles.has('resident')) return { may: true, as: 'resident' }
  const open =
    visit.status === 'submitted' ||
    visit.status === 'dispatched' ||
    visit.status === 'accepted' ||
    visit.status === 'completed'
  if (!open) return { may: false, refused: 'VISIT.CONTACT_CLOSED' }
  if (roles.has('assignee') && (visit.status === 'accepted' || visit.status === 'completed'))
    return { may: true, as: 'assignee' }
  if (roles.has('secretary')) {
    if (visit.status === 'submitted' || (memberId !== null && visit.dispatchedBy === memberId))
      return { may: true, as: 'dispatcher' }
    if (!roles.has('assignee')) return { may: false, refused: 'VISIT.CONTACT_DISPATCHER_ONLY' }
  }
  return { may: false, refused: 'VISIT.CONTACT_AFTER_ACCEPT' }
}

/** 138****5678: a phone as everyone but those who must call it sees it. */
export function maskPhone(phone: string): string {
  const digits = phone.trim()
  return digits.length < 7 ? '****' : `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

/** The first few characters of an address (the road or the compound), the rest hidden. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()]
  const keep = Math.min(6, Math.floor(chars.length / 3))
  return `${chars.slice(0, keep).join('')}****`
}

/** Response-time buckets (submitted → accepted), upper bounds in minutes; the last is open. */
export const RESPONSE_BUCKETS = [
  { key: 'le30m', max: 30, label: '30分钟内' },
  { key: 'le1h', max: 60, label: '1小时内' },
  { key: 'le2h', max: 120, label: '2小时内' },
  { key: 'le4h', max: 240, label: '4小时内' },
  { key: 'le8h', max: 480, label: '8小时内' },
  { key: 'le24h', max: 1440, label: '24小时内' },
  { key: 'le72h', max: 4320, label: '72小时内' },
  { key: 'over72h', max: Number.POSITIVE_INFINITY, label: '超过72小时' },
] as const
export type ResponseBucket = (typeof RESPONSE_BUCKETS)[number]['key']

export function responseBucket(minutes: number): ResponseBucket {
  return (RESPONSE_BUCKETS.find((b) => minutes <= b.max) ?? RESPONSE_BUCKETS[RESPONSE_BUCKETS.length - 1]).key
}

/**
 * The median response time as the bucket it falls in (stats read buckets from the rollups, not raw records):
 * the label of the bucket holding the middle request, or null with none.
 */
export function medianBucket(counts: Partial<Record<ResponseBucket, number>>): string | null {
  const total = RESPONSE_BUCKETS.reduce((n, b) => n + (counts[b.key] ?? 0), 0)
  if (total === 0) return null
  const middle = Math.ceil(total / 2)
  let seen = 0
  for (const b of RESPONSE_BUCKETS) {
    seen += counts[b.key] ?? 0
    if (seen >= middle) return b.label
  }
  return null
}

export const MINUTE_MS = 60_000

/** Whole minutes between two times, never negative. */
export function minutesBetween(from: number, to: number): number {
  return Math.max(0, Math.round((to - from) / MINUTE_MS))
}

export const RATING_LABELS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const

/** The longest service a member may record for one visit (minutes). */
export const MAX_DURATION_MINUTES = 12 * 60

/** Photos an assignee may add when completing (JPEG or PNG, 2 MB each: upload.rules.ts). */
export const MAX_COMPLETION_PHOTOS = 3

/**
 * Subscribe-message templates from WeChat's public library (订阅消息 → 公共模板库). Their ids belong to the AppID,
 * so each deployment sets them as environment variables of the functions that send or offer them (`visit` sends,
 * `account` hands them to the app in `MeView.visitTemplateIds`: docs/DEPLOY.md); the placeholders are the local
 * host's. The app asks for them from a tap (`requestSubscribeMessage`). Fields: thing1 事项 (≤ 20 characters),
 * phrase2 状态 (≤ 5 汉字), thing3 备注 (≤ 20 characters).
 * - `visitProgress`: to the resident, when their request moves;
 * - `visitTask`: to those who must act: a new or overdue request (secretaries, the street), a task (the assignee).
 */
export const VISIT_MESSAGE_TEMPLATES = {
  visitProgress: { env: 'SUBSCRIBE_TEMPLATE_VISIT_PROGRESS', placeholder: 'LOCAL_VISIT_PROGRESS' },
  visitTask: { env: 'SUBSCRIBE_TEMPLATE_VISIT_TASK', placeholder: 'LOCAL_VISIT_TASK' },
} as const
export type VisitMessageKind = keyof typeof VISIT_MESSAGE_TEMPLATES
export const VISIT_MESSAGE_KINDS = Object.keys(VISIT_MESSAGE_TEMPLATES) as [
  VisitMessageKind,
  ...VisitMessageKind[],
]

/** Each kind's template id in this environment: its variable, or the local placeholder. */
export function visitTemplateIds(
  env: Readonly<Record<string, string | undefined>>,
): Record<VisitMessageKind, string> {
  const id = (kind: VisitMessageKind) =>
    env[VISIT_MESSAGE_TEMPLATES[kind].env]?.trim() || VISIT_MESSAGE_TEMPLATES[kind].placeholder
  return { visitProgress: id('visitProgress'), visitTask: id('visitTask') }
}
