import { AppError } from '../common/app-error'
import { authorizeOn, scopeOf } from '../common/auth'
import type { CallContext } from '../common/caller'
import { db } from '../common/cloud'
import { COLLECTIONS } from '../common/collections'
import type { OrgDoc } from '../common/docs'
import type { ExamDoc } from '../common/quiz.docs'

export const questions = () => db.collection(COLLECTIONS.quizQuestions)
export const exams = () => db.collection(COLLECTIONS.quizExams)
export const expected = () => db.collection(COLLECTIONS.quizExpected)
export const attempts = () => db.collection(COLLECTIONS.quizAttempts)
export const practice = () => db.collection(COLLECTIONS.quizPractice)

type Query = ReturnType<ReturnType<typeof questions>['where']>

/** Every document a query matches, read 1000 at a time (CloudBase's most per get). */
export async function loadAll<T>(query: Query, fields?: Record<string, boolean>): Promise<T[]> {
  const out: T[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await (fields ? query.field(fields) : query).skip(offset).limit(1000).get()
    out.push(...(page.data as T[]))
    if (page.data.length < 1000) return out
  }
}

/** Splits a list for `_.in` queries, which CloudBase bounds. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

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

export async function loadExam(examId: string): Promise<ExamDoc> {
  const found = await exams().where({ _id: examId }).get()
  const exam = found.data[0] as ExamDoc | undefined
  if (!exam) throw new AppError('QUIZ.EXAM_NOT_FOUND')
  return exam
}
