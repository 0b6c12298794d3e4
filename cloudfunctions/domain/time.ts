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

/** [start, end) of a month ("2026-11") in China time, in ms. */
export function monthRange(month: string): [number, number] {
  const start = dayjs.tz(`${month}-01 00:00`, 'YYYY-MM-DD HH:mm', ZONE)
  return [start.valueOf(), start.add(1, 'month').valueOf()]
}

/** [start, end) of a calendar year in China time, in ms. */
export function yearRange(year: number): [number, number] {
  const start = dayjs.tz(`${year}-01-01 00:00`, 'YYYY-MM-DD HH:mm', ZONE)
  return [start.valueOf(), start.add(1, 'year').valueOf()]
}
