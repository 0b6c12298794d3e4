/**
 * What a 为民办实事 project contributes to the monthly rollups (domain/rollup.rules.ts): `volunteer.projectsDone`,
 * one when it is completed, at the organising node in the month of its completion.
 *
 * Its 受益人次 are deliberately not counted: a project is carried out through volunteer activities, which count
 * their own 受益人次 at their close (`volunteer.beneficiaries`), so adding the project's would count the same
 * residents twice in the 直接受益 total.
 */
import type { RollupRule } from './rollup.rules'

interface CountedProject {
  orgPath: string[]
  status: string
  completedAt: number | null
}

export const projectRollup: RollupRule<CountedProject> = (p) =>
  p.status === 'done' && p.completedAt !== null
    ? [{ orgPath: p.orgPath, time: p.completedAt, counts: { 'volunteer.projectsDone': 1 } }]
    : []
