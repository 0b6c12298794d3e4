/**
 * What one pledge assignment (`pledge_assignments`, one per campaign and member) contributes to the monthly
 * rollups, counted at the member's organisation (as assigned) and its ancestors:
 *
 * - `pledge.assigned`: 应签 — one, in the month the campaign assigned it;
 * - `pledge.signed`: 已签 — one, in the month it was signed;
 * - `pledge.due`: one, in the month of its deadline (signed or not);
 * - `pledge.signedOnTime`: one, in the month of its deadline, when it was signed by the deadline.
 *
 * So a month's unsigned-past-deadline (逾期未签) figure for a past month is `due − signedOnTime`, and a year's
 * "28份 of 28" is the sum of `signed` over `assigned`. A signed pledge never changes, so the only change a rule
 * sees is pending → signed.
 */
import type { Contribution, RollupRule } from './rollup.rules'

export interface PledgeAssignmentFacts {
  orgPath: readonly string[]
  assignedAt: number
  deadline: number
  status: 'pending' | 'signed'
  signedAt: number | null
}

export const pledgeRollup: RollupRule<PledgeAssignmentFacts> = (a) => {
  const out: Contribution[] = [
    { orgPath: a.orgPath, time: a.assignedAt, counts: { 'pledge.assigned': 1 } },
    { orgPath: a.orgPath, time: a.deadline, counts: { 'pledge.due': 1 } },
  ]
  if (a.status === 'signed' && a.signedAt !== null) {
    out.push({ orgPath: a.orgPath, time: a.signedAt, counts: { 'pledge.signed': 1 } })
    if (a.signedAt <= a.deadline) {
      out.push({ orgPath: a.orgPath, time: a.deadline, counts: { 'pledge.signedOnTime': 1 } })
    }
  }
  return out
}
