/**
 * What 志愿服务 records contribute to the monthly rollups (domain/rollup.rules.ts), counted at the organising
 * node in the month of the activity's start. Counter keys:
 *
 * - `volunteer.activities`: activities held — closed by the organiser (a closed activity has no hours waiting);
 * - `volunteer.beneficiaries`: 受益人次 the organiser entered at the close;
 * - `volunteer.participants`: people with confirmed hours, once per person and activity (a sign-up marked
 *   `participated` at its first confirmation);
 * - `volunteer.minutes`: confirmed minutes from scans and the organiser's entries at the time;
 * - `volunteer.makeupMinutes` and `volunteer.makeupEntries`: confirmed 补录, counted apart from the above.
 *
 * Pending, over-the-limit and refused hours count nothing: hours count only once the organiser confirms them.
 */
import type { Contribution, RollupRule } from './rollup.rules'

interface CountedActivity {
  orgPath: string[]
  startAt: number
  status: string
  beneficiaries: number | null
}

interface CountedSignup {
  orgPath: string[]
  activityStartAt: number
  participated: boolean
}

interface CountedEntry {
  orgPath: string[]
  activityStartAt: number
  method: string
  status: string
  minutes: number | null
}

export const volunteerActivityRollup: RollupRule<CountedActivity> = (a) =>
  a.status === 'closed'
    ? [
        {
          orgPath: a.orgPath,
          time: a.startAt,
          counts: { 'volunteer.activities': 1, 'volunteer.beneficiaries': a.beneficiaries ?? 0 },
        },
      ]
    : []

export const volunteerSignupRollup: RollupRule<CountedSignup> = (s) =>
  s.participated
    ? [{ orgPath: s.orgPath, time: s.activityStartAt, counts: { 'volunteer.participants': 1 } }]
    : []

export const volunteerEntryRollup: RollupRule<CountedEntry> = (e): Contribution[] => {
  if (e.status !== 'confirmed') return []
  const minutes = e.minutes ?? 0
  const counts: Record<string, number> =
    e.method === 'makeup'
      ? { 'volunteer.makeupMinutes': minutes, 'volunteer.makeupEntries': 1 }
      : { 'volunteer.minutes': minutes }
  return [{ orgPath: e.orgPath, time: e.activityStartAt, counts }]
}
