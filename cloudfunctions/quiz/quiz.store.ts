import { AppError } from '../common/app-error'
import { authorizeOn, scopeOf } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { collection, readById } from '../common/data'
import type { OrgDoc } from '../common/docs'
import type { ExamDoc } from '../common/quiz.docs'

export const questions = () => collection('quizQuestions')
export const exams = () => collection('quizExams')
export const expected = () => collection('quizExpected')
export const attempts = () => collection('quizAttempts')
export const practice = () => collection('quizPractice')
export const members = () => collection('members')

/** Questions in use: `retired` is false, or absent on a question stored before retiring existed. */
export const IN_USE = _.neq(true)

export async function streetOf(ctx: CallContext): Promise<OrgDoc> {
  const street = [...(await ctx.orgs()).values()].find((o) => o.parentId === null)
  if (!street) throw new AppError('ORG.NOT_FOUND')
  return street
}

/** The question bank belongs to the street: only its keeper (街道管理员) changes it. */
export async function authorizeBank(ctx: CallContext): Promise<OrgDoc> {
  return authorizeOn(ctx, 'bank.manage', (await streetOf(ctx))._id)
}

/** Secretaries read the bank (without answers) to set papers; FORBIDDEN for anyone else. */
export async function authorizeBankRead(ctx: CallContext): Promise<void> {
  await scopeOf(ctx, 'quiz.manage')
}

export function loadExam(examId: string): Promise<ExamDoc> {
  return readById('quizExams', examId, 'QUIZ.EXAM_NOT_FOUND')
}
