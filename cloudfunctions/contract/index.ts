import type { z } from 'zod'

import type { accountInputs, AccountOutputs } from './account.contract'
import type { orgInputs, OrgOutputs } from './org.contract'
import type { pledgeInputs, PledgeOutputs } from './pledge.contract'
import type { quizInputs, QuizOutputs } from './quiz.contract'
import type { statsInputs, StatsOutputs } from './stats.contract'
import type { studyInputs, StudyOutputs } from './study.contract'
import type { visitInputs, VisitOutputs } from './visit.contract'
import type { volunteerInputs, VolunteerOutputs } from './volunteer.contract'

type ApiOf<Inputs extends Record<string, z.ZodType>, Outputs extends { [K in keyof Inputs]: unknown }> = {
  [K in keyof Inputs & string]: { schema: Inputs[K]; input: z.input<Inputs[K]>; output: Outputs[K] }
}

/** Every cloud function, its actions, and what each takes and returns. The client imports this as a type. */
export interface Api {
  account: ApiOf<typeof accountInputs, AccountOutputs>
  org: ApiOf<typeof orgInputs, OrgOutputs>
  pledge: ApiOf<typeof pledgeInputs, PledgeOutputs>
  quiz: ApiOf<typeof quizInputs, QuizOutputs>
  study: ApiOf<typeof studyInputs, StudyOutputs>
  volunteer: ApiOf<typeof volunteerInputs, VolunteerOutputs>
  visit: ApiOf<typeof visitInputs, VisitOutputs>
  stats: ApiOf<typeof statsInputs, StatsOutputs>
}

export type FunctionName = keyof Api
export type ActionOf<F extends FunctionName> = keyof Api[F] & string
export type InputOf<F extends FunctionName, A extends ActionOf<F>> = Api[F][A] extends { input: infer I }
  ? I
  : never
/** The zod schema an action's input is validated with (the value lives in the function's *.contract.ts). */
export type SchemaOf<F extends FunctionName, A extends ActionOf<F>> = Api[F][A] extends {
  schema: infer S extends z.ZodType
}
  ? S
  : never
export type OutputOf<F extends FunctionName, A extends ActionOf<F>> = Api[F][A] extends { output: infer O }
  ? O
  : never

export * from './account.contract'
export type { Fail, Ok, Result } from './envelope'
export type { ErrorCode } from './errors'
export type { ExportedFile, UploadKind, UploadTicket } from './files.contract'
export type { FollowUpPerson, ReminderOutcome } from './follow-up.contract'
export * from './org.contract'
export * from './pledge.contract'
export * from './project.contract'
export * from './quiz.contract'
export * from './stats.contract'
export * from './study.contract'
export * from './visit.contract'
export * from './volunteer.contract'
