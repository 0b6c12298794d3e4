import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * The one dates module, for the cloud functions and the app alike. Every date is China time
 * (Asia/Shanghai), whatever zone the phone or the function host is set to. Asia/Shanghai has had
 * no daylight saving since 1991, so it is a fixed +08:00 offset; that avoids dayjs's timezone
 * plugin, which needs `Intl` time zones that some mini-program engines lack. Strings are never
 * parsed with `new Date` (NaN on iOS).
 */
export const ZONE = 'Asia/Shanghai'
const OFFSET_MINUTES = 8 * 60
const HOUR_MS = 60 * 60 * 1000

/**
 * China's wall clock at `ms`, as a UTC dayjs shifted by the offset: for reading fields and
 * formatting only (its valueOf is not `ms`). dayjs's `utcOffset()` on a local instance goes wrong
 * around the phone's own daylight-saving changes, which this avoids.
 */
export function chinaClock(ms: number): Dayjs {
  return dayjs.utc(ms + OFFSET_MINUTES * 60 * 1000)
}

/** "2026-11" for the month a timestamp falls in. */
export function monthOf(ms: number): string {
  return chinaClock(ms).format('YYYY-MM')
}

export function yearOf(ms: number): number {
  return chinaClock(ms).year()
}

/** The month `delta` months from "YYYY-MM". */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** "2026年11月" */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

/** "YYYY-MM-DD" and "HH:mm" of a timestamp, as the date and time pickers show them. */
export function dateOf(ms: number): string {
  return chinaClock(ms).format('YYYY-MM-DD')
}
export function timeOf(ms: number): string {
  return chinaClock(ms).format('HH:mm')
}

/** The timestamp of a China date ("YYYY-MM-DD") and time ("HH:mm"); null when either is malformed. */
export function chinaTimestamp(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})$/.exec(time)
  if (!d || !t) return null
  // dayjs reads these digits itself (no `new Date(string)`); as UTC, then shifted to China time.
  const utcMs = dayjs.utc(`${d[0]}T${t[0]}:00`).valueOf()
  return utcMs - OFFSET_MINUTES * 60 * 1000
}

/** "11月25日 14:30" */
export function dateTimeLabel(ms: number): string {
  return chinaClock(ms).format('M月D日 HH:mm')
}

/** "11月25日 14:30–16:00", or across days "11月25日 14:30 – 11月26日 09:00". */
export function spanLabel(startAt: number, endAt: number): string {
  const sameDay = dateOf(startAt) === dateOf(endAt)
  return sameDay
    ? `${dateTimeLabel(startAt)}–${timeOf(endAt)}`
    : `${dateTimeLabel(startAt)} – ${dateTimeLabel(endAt)}`
}

/** A sensible start for a new session: the next five-minute mark, so "now" is one tap away. */
export function nextStart(now: number): number {
  const step = 5 * 60 * 1000
  return Math.ceil(now / step) * step
}

export const DEFAULT_LENGTH_MS = 1.5 * HOUR_MS

/** [start, end) of a month ("2026-11") in China time, in ms. */
export function monthRange(month: string): [number, number] {
  const start = chinaTimestamp(`${month}-01`, '00:00')
  const end = chinaTimestamp(`${shiftMonth(month, 1)}-01`, '00:00')
  if (start === null || end === null) throw new Error(`not a month: ${month}`)
  return [start, end]
}

/** [start, end) of a calendar year in China time, in ms. */
export function yearRange(year: number): [number, number] {
  return [monthRange(`${year}-01`)[0], monthRange(`${year + 1}-01`)[0]]
}
