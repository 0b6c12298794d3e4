/**
 * The one rounding rule for every rate the product shows (出勤率, 参考率, 合格率, 优秀率, 正确率): a percentage
 * with one decimal, rounded half up, always followed by the counts it comes from, as in 66.7%（2/3）. Worked out
 * in integers, so 1/8 is exactly 12.5% and 1/16 rounds to 6.3%, with no floating-point drift. A rate over
 * nobody (0/0) is shown as —.
 */

/** The rate in tenths of a percent, rounded half up (2/3 → 667), or null when the whole is 0. */
export function rateTenths(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.floor((2 * part * 1000 + whole) / (2 * whole))
}

/** "66.7%", or "—" when the whole is 0. */
export function formatPercent(part: number, whole: number): string {
  const tenths = rateTenths(part, whole)
  if (tenths === null) return '—'
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`
}

/** "66.7%（2/3）", or "—" when the whole is 0: the form every rate takes on screen. */
export function formatRate(part: number, whole: number): string {
  const percent = formatPercent(part, whole)
  return whole <= 0 ? percent : `${percent}（${part}/${whole}）`
}
