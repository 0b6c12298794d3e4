/**
 * Volunteer service (志愿服务): the rules of activities, sign-ups and hours, pure so the app shows the same
 * figures the server stores. Hours are kept in whole minutes; a pair is one sign-in and its sign-out.
 */
import { chinaClock } from './time'

export const SERVICE_TYPES = {
  traffic: '文明助交通',
  environment: '环境整治',
  elderly: '助老',
  publicity: '宣讲',
  other: '其他',
} as const
export type ServiceType = keyof typeof SERVICE_TYPES
export const SERVICE_TYPE_KEYS = Object.keys(SERVICE_TYPES) as ServiceType[]

/** At most this many sign-in/out pairs per person, activity and day (the pair's number is in its record id). */
export const MAX_PAIRS_PER_DAY = 3
/** More than this in one China day for one person goes to the organiser for approval instead of counting. */
export const DAY_LIMIT_MINUTES = 8 * 60
/** Scans open this long before the start; sign-in closes at the planned end, sign-out this long after it. */
export const SCAN_OPENS_BEFORE_MS = 30 * 60 * 1000
export const SIGN_OUT_GRACE_MS = 2 * 60 * 60 * 1000
export const MIN_PLANNED_MINUTES = 15
export const MAX_PLANNED_MINUTES = 12 * 60
export const MAX_CAPACITY = 500

/** open: sign-ups and hours; closed: 受益人次 entered, final; cancelled by the organiser before the start. */
export type ActivityStatus = 'open' | 'closed' | 'cancelled'
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  open: '进行中',
  closed: '已结项',
  cancelled: '已取消',
}

/**
 * open: signed in, not yet out; pending: hours worked out, waiting for the organiser; approval: over the
 * day's limit, waiting for the organiser's explicit approval; confirmed (counts) / rejected (never counts).
 */
export type EntryStatus = 'open' | 'pending' | 'approval' | 'confirmed' | 'rejected'
/** How an entry came about: a scan of the rotating code, the organiser's entry at the time, or a 补录 after it. */
export type EntryMethod = 'qr' | 'organiser' | 'makeup'

export const ENTRY_METHOD_LABELS: Record<EntryMethod, string> = {
  qr: '扫码',
  organiser: '组织者登记',
  makeup: '补录',
}
export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  open: '已签到，未签退',
  pending: '待确认',
  approval: '超过每日8小时，待审批',
  confirmed: '已确认',
  rejected: '未通过',
}

/** Entries that hold hours (counted now or waiting): everything but a refusal. */
export function holdsHours(status: EntryStatus): boolean {
  return status !== 'rejected'
}

/** Whole minutes between two moments (08:50–11:20 is 150). */
export function minutesBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 60_000))
}

/**
 * A pair's minutes: sign-out − sign-in, never taking the person's total for the activity past its planned
 * duration (`already`: the minutes their other entries for it hold).
 */
export function pairMinutes(
  signInAt: number,
  signOutAt: number,
  plannedMinutes: number,
  already: number,
): number {
  return Math.min(minutesBetween(signInAt, signOutAt), Math.max(0, plannedMinutes - already))
}

/** The status of entry with worked-out hours: over the day's limit (with the person's other hours that day) it waits for approval. */
export function statusForMinutes(minutes: number, otherMinutesThatDay: number): 'pending' | 'approval' {
  return otherMinutesThatDay + minutes > DAY_LIMIT_MINUTES ? 'approval' : 'pending'
}

/** The China day of a moment as `YYYYMMDD` (part of a pair's record id). */
export function dayKey(ms: number): string {
  return chinaClock(ms).format('YYYYMMDD')
}

export type ScanWindow = 'not_yet' | 'sign_in' | 'sign_out_only' | 'closed'

/** What a scan may do at `now`: sign in from 30 minutes before the start to the end, sign out until 2 h after. */
export function scanWindow(activity: { startAt: number; endAt: number }, now: number): ScanWindow {
  if (now < activity.startAt - SCAN_OPENS_BEFORE_MS) return 'not_yet'
  if (now <= activity.endAt) return 'sign_in'
  return now <= activity.endAt + SIGN_OUT_GRACE_MS ? 'sign_out_only' : 'closed'
}

/** "2小时30分", "45分钟", "0分钟". */
export function hoursLabel(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m}分钟`
  return m === 0 ? `${h}小时` : `${h}小时${m}分`
}

/** Hours with at most two decimals, as the certificate shows them: 150 → "2.5". */
export function hoursDecimal(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100)
}

/** A certificate's serial: `ZYFW-<year>-<8 characters>`; its verification code: 8 characters. */
export const CERT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CERT_CODE_LENGTH = 8

export function makeCertCode(randomInt: (n: number) => number): string {
  let code = ''
  for (let i = 0; i < CERT_CODE_LENGTH; i++) code += CERT_ALPHABET[randomInt(CERT_ALPHABET.length)]
  return code
}

export function certSerial(year: number, code: string): string {
  return `ZYFW-${year}-${code}`
}

export const CERT_SERIAL_PATTERN = /^ZYFW-\d{4}-[2-9A-HJKMNP-Z]{8}$/
export const CERT_CODE_PATTERN = /^[2-9A-HJKMNP-Z]{8}$/

/** What a person types: spaces and dashes dropped inside the code, lower case raised. */
export function normaliseCertInput(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, '')
}

/** Said on every certificate and verification: whose record this is. */
export const CERT_NOTICE =
  '本证明依据《志愿服务记录与证明出具办法（试行）》（民政部令第67号），由组织志愿服务的党组织根据本系统记录出具（谁组织谁记录，谁记录谁证明）。本证明是组织的服务记录证明，不是全国志愿服务信息系统出具的证明。'
