import type { z } from 'zod'

import { AppError } from '../common/app-error'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { fetchAll } from '../common/data'
import type { AttemptDoc, PracticeDoc, QuestionDoc } from '../common/quiz.docs'
import type { PracticeCheck, PracticeView, quizInputs } from '../contract/quiz.contract'
import { joinIds } from '../domain/ids'
import { gradeQuestion, shuffle } from '../domain/quiz.rules'
import { chinaClock } from '../domain/time'
import { drawCandidates, loadQuestions } from './exam.service'
import { attempts, practice } from './quiz.store'

type Input<K extends keyof typeof quizInputs> = z.output<(typeof quizInputs)[K]>

/** 每日一练: ten questions a day from the bank, with answers and explanations once checked. */
export const PRACTICE_SIZE = 10

/** Questions of the member's attempts under way: practice neither draws nor checks them. */
async function questionsUnderWay(memberId: string, now: number): Promise<Set<string>> {
  const open = await fetchAll<Pick<AttemptDoc, 'paper'>>(
    attempts()
      .where({ memberId, status: 'open', deadline: _.gt(now) })
      .field({ 'paper.questionId': true }),
  )
  return new Set(open.flatMap((a) => a.paper.map((p) => p.questionId)))
}

function checkOf(q: QuestionDoc, correct: boolean): PracticeCheck {
  return { questionId: q._id, correct, answer: q.answer, explanation: q.explanation }
}

/**
 * Today's practice set, drawn once per member and day (`_id` member + day, so two first calls
 * at once keep one set). Practice lives in its own collection and never counts in exam figures.
 */
export async function practiceToday(ctx: CallContext): Promise<PracticeView> {
  const caller = await ctx.member()
  const memberId = caller.member._id
  const day = chinaClock(ctx.now).format('YYYYMMDD')
  const id = joinIds(memberId, day)
  let doc = (await practice().where({ _id: id }).get()).data[0]
  if (!doc) {
    const busy = await questionsUnderWay(memberId, ctx.now)
    const pool = (await drawCandidates()).filter((q) => !busy.has(q.id))
    const fresh: PracticeDoc = {
      _id: id,
      memberId,
      day,
      questionIds: shuffle(pool)
        .slice(0, PRACTICE_SIZE)
        .map((q) => q.id),
      checked: {},
      createdAt: ctx.now,
    }
    try {
      await practice().add({ data: fresh })
      doc = fresh
    } catch {
      doc = (await practice().where({ _id: id }).get()).data[0]
      if (!doc) throw new AppError('COMMON.INTERNAL')
    }
  }
  const found = await loadQuestions(doc.questionIds)
  const list = doc.questionIds.flatMap((qid) => found.get(qid) ?? [])
  return {
    day,
    questions: list.map((q) => ({
      id: q._id,
      type: q.type,
      stem: q.stem,
      options: q.type === 'judge' ? q.options : shuffle(q.options),
      tags: q.tags,
    })),
    checked: list.filter((q) => q._id in doc!.checked).map((q) => checkOf(q, doc!.checked[q._id])),
  }
}

export async function checkPractice(
  ctx: CallContext,
  input: Input<'practice/check'>,
): Promise<PracticeCheck> {
  const caller = await ctx.member()
  const memberId = caller.member._id
  const id = joinIds(memberId, chinaClock(ctx.now).format('YYYYMMDD'))
  const doc = (await practice().where({ _id: id }).get()).data[0]
  if (!doc || !doc.questionIds.includes(input.questionId)) throw new AppError('QUIZ.PRACTICE_NOT_FOUND')
  if ((await questionsUnderWay(memberId, ctx.now)).has(input.questionId))
    throw new AppError('QUIZ.PRACTICE_PAUSED')
  const q = (await loadQuestions([input.questionId])).get(input.questionId)
  if (!q) throw new AppError('QUIZ.QUESTION_NOT_FOUND')
  const correct = gradeQuestion(q, input.answer, 'all') === 2
  // The first check of the day is the one remembered.
  if (!(q._id in doc.checked)) {
    await practice()
      .where({ _id: id })
      .update({ data: { [`checked.${q._id}`]: correct } })
  }
  return checkOf(q, correct)
}
