import type * as z from 'zod'

import { accountInputs } from '../../cloudfunctions/contract/account.contract'
import { orgInputs } from '../../cloudfunctions/contract/org.contract'
import { pledgeInputs } from '../../cloudfunctions/contract/pledge.contract'
import { quizInputs } from '../../cloudfunctions/contract/quiz.contract'
import { statsInputs } from '../../cloudfunctions/contract/stats.contract'
import { studyInputs } from '../../cloudfunctions/contract/study.contract'
import { visitInputs } from '../../cloudfunctions/contract/visit.contract'
import { volunteerInputs } from '../../cloudfunctions/contract/volunteer.contract'

/** Every function's input schemas by action: the actions a sweep over the whole API calls. */
export const INPUTS: Record<string, Record<string, z.ZodType>> = {
  account: accountInputs,
  org: orgInputs,
  pledge: pledgeInputs,
  quiz: quizInputs,
  study: studyInputs,
  volunteer: volunteerInputs,
  visit: visitInputs,
  stats: statsInputs,
}

export type FieldPath = Array<string | number>

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  in?: z.ZodType
  element?: z.ZodType
  valueType?: z.ZodType
  options?: z.ZodType[]
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** The schema under its wrappers (optional, nullable, default, pipe). */
function unwrap(schema: z.ZodType): Def {
  let def = defOf(schema)
  while (def.innerType || def.in) def = defOf((def.innerType ?? def.in) as z.ZodType)
  return def
}

/**
 * Every place an input schema names, as a path: object keys, the first element of a list (0), a
 * key of a record (`k`). Reads zod's definitions, so it follows the contract as it changes.
 */
export function fieldPaths(schema: z.ZodType, prefix: FieldPath = []): FieldPath[] {
  const def = unwrap(schema)
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, inner]) => [
      [...prefix, key],
      ...fieldPaths(inner, [...prefix, key]),
    ])
  }
  if (def.type === 'array' && def.element) return fieldPaths(def.element, [...prefix, 0])
  if (def.type === 'record' && def.valueType)
    return [[...prefix, 'k'], ...fieldPaths(def.valueType, [...prefix, 'k'])]
  if (def.type === 'union' && def.options) {
    const all = def.options.flatMap((option) => fieldPaths(option, prefix))
    return [...new Map(all.map((p) => [JSON.stringify(p), p])).values()]
  }
  return []
}

/** `value` placed at `path` in an otherwise empty input: `{ patch: { startAt: value } }`, `{ roles: [value] }`. */
export function inputAt(path: FieldPath, value: unknown): unknown {
  return path.reduceRight<unknown>((inner, part) => {
    if (typeof part === 'number') return [inner]
    return { [part]: inner }
  }, value)
}
