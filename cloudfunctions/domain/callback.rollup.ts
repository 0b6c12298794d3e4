/**
 * What one quarter of 回访核查 (`callback_quarters`, the draw with its calls) contributes to the monthly rollups:
 * each recorded call, counted at the community of the item called about and its ancestors, in the month of the
 * call:
 *
 * - `callback.calls`: one per call made (reached or not);
 * - `callback.reached`: one per effective call (reached and rated);
 * - `callback.ratings`: the ratings given (four per effective call);
 * - `callback.satisfied`: the ratings of 4 or 5;
 * - `callback.problems`: one per call that found a problem.
 *
 * So 满意率 is `satisfied / ratings` and 有效回访 `reached / calls`, summed over any node and period. A call edited
 * before publication moves its counts with it: the rule is applied to the quarter before and after the change.
 */
import { type Ratings, SATISFIED_MIN } from './callback.rules'
import type { Contribution, Counts, RollupRule } from './rollup.rules'

export interface CallbackQuarterFacts {
  sample: readonly { key: string; orgPath: readonly string[] }[]
  calls: Readonly<
    Record<string, { reached: boolean; calledAt: number; ratings: Ratings | null; problem: string }>
  >
}

export const callbackRollup: RollupRule<CallbackQuarterFacts> = (quarter) => {
  const out: Contribution[] = []
  const paths = new Map(quarter.sample.map((s) => [s.key, s.orgPath]))
  for (const [key, call] of Object.entries(quarter.calls ?? {})) {
    const orgPath = paths.get(key)
    if (!orgPath) continue
    const counts: Counts = { 'callback.calls': 1 }
    if (call.reached && call.ratings) {
      const values = Object.values(call.ratings)
      counts['callback.reached'] = 1
      counts['callback.ratings'] = values.length
      const satisfied = values.filter((r) => r >= SATISFIED_MIN).length
      if (satisfied > 0) counts['callback.satisfied'] = satisfied
    }
    if (call.problem.trim()) counts['callback.problems'] = 1
    out.push({ orgPath, time: call.calledAt, counts })
  }
  return out
}
