import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

/** All calendar maths happen in China time, whatever zone the function host runs in. */
export const ZONE = 'Asia/Shanghai'

export function now(): number {
  return Date.now()
}

export function inZone(ms: number) {
  return dayjs(ms).tz(ZONE)
}

/** "2026-11" for the month a timestamp falls in, in China time. */
export function monthKey(ms: number): string {
  return inZone(ms).format('YYYY-MM')
}
