import type { StatsArea } from './area'
import { benefitArea } from './benefit'
import { pledgeArea } from './pledge'
import { quizArea } from './quiz'
import { studyArea } from './study'
import { visitArea } from './visit'
import { volunteerArea } from './volunteer'

/**
 * Every area of the statistics, in the order the page shows them. An area is one module (./area.ts says what it
 * provides); adding one is writing its module and listing it here (README.md, "Monthly statistics").
 */
export const AREAS: readonly StatsArea[] = [
  studyArea,
  quizArea,
  pledgeArea,
  volunteerArea,
  visitArea,
  benefitArea,
]

export function areaOf(figure: string): StatsArea | undefined {
  return AREAS.find((a) => figure.startsWith(`${a.key}.`))
}
