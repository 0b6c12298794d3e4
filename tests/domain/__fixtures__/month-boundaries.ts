// Run in a child process under a given TZ by tests/domain/timezone.test.ts: prints the month boundaries the
// monthly rules see, as JSON.
import { sumContributions } from '../../../cloudfunctions/domain/rollup.rules'
import { belowMonthlyRule } from '../../../cloudfunctions/domain/study.rules'
import { monthOf, monthRange, shiftMonth, yearRange } from '../../../cloudfunctions/domain/time'

const HOUR = 3600_000
const instants: number[] = []
for (let month = 0; month < 24; month += 1) {
  // China midnight at the start of each month of 2025–2026, and one millisecond and one hour either side.
  const start = Date.UTC(2025, month, 1) - 8 * HOUR
  instants.push(start - HOUR, start - 1, start, start + 1, start + HOUR)
}
const months = instants.map(monthOf)
const ranges = [...new Set(months)].map((m) => [m, monthRange(m), shiftMonth(m, 1), shiftMonth(m, -1)])
// The rollup buckets: one contribution per instant, counted by node and month.
const buckets = [...sumContributions(instants.map((time) => ({ orgPath: ['o'], time, counts: { 'study.n': 1 } })))]
  .map(([id, b]) => [id, b.counts['study.n']])
  .sort()
// 每月2次: member a attends at the last millisecond of January and the first of February (China time), member b
// twice in January; January's and February's lists of members below the rule.
const jan = monthRange('2026-01')
const attended = { a: [jan[1] - 1, jan[1]], b: [jan[0], jan[0] + HOUR] }
const below = ['2026-01', '2026-02'].map((month) => {
  const [from, to] = monthRange(month)
  const counts = new Map(Object.entries(attended).map(([id, times]) => [id, times.filter((t) => t >= from && t < to).length]))
  return [month, belowMonthlyRule([{ id: 'a' }, { id: 'b' }], counts)]
})
process.stdout.write(JSON.stringify({ months, ranges, buckets, below, year: yearRange(2026) }))
