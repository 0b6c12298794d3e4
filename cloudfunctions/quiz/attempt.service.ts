import type { z } from 'zod'

import { AppError } from '../common/app-error'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { chunks, fetchAll, findById, insertOnce } from '../common/data'
import type { AttemptDoc, ExamDoc, PaperEntry } from '../common/quiz.docs'
import type { AttemptView, MyExamView, quizInputs, SaveReceipt } from '../contract/quiz.contract'
import { joinIds } from '../domain/ids'
import {
  attemptDeadline,
  gradeQuestion,
  paperCopy,
  paperPoints,
  scoreAttempt,
  shuffle,
} from '../domain/quiz.rules'
import { drawPaper } from '../domain/quiz-draw.rules'
import { countedAttempts } from '../domain/quiz-stats.rules'
import { chinaClock } from '../domain/time'
import { drawCandidates, loadQuestions, WITHOUT_PAPER } from './exam.service'
import { attempts, exams, expected, loadExam } from './quiz.store'
import { examState, toAttemptView } from './quiz.views'
import { countGraded } from './quiz-tally'

type Input<K extends keyof typeof quizInputs> = z.output<(typeof quizInputs)[K]>
type Lines = Pick<ExamDoc, 'passLine' | 'excellentLine' | 'multipleRule' | 'counting'>

/** What an attempt list needs: everything but the paper and the answers. */
const SUMMARY = { paper: false, answers: false, results: false }
const FINALISE_TRIES = 5

const loadAttempt = (attemptId: string): Promise<AttemptDoc | null> => findById('quizAttempts', attemptId)

/**
 * Grades an attempt on the answers saved so far and stores the result once. The store is
 * conditional on the attempt being open and on no save having come in since it was read
 * (`rev`), so a save racing the grading is either graded or refused, never lost; and of two
 * submissions at once exactly one stores a score, the other reads it back.
 */
export async function finaliseAttempt(attemptId: string, exam: Lines, now: number): Promise<AttemptDoc> {
  for (let i = 0; i < FINALISE_TRIES; i++) {
    const attempt = await loadAttempt(attemptId)
    if (!attempt) throw new AppError('QUIZ.ATTEMPT_NOT_FOUND')
    if (attempt.status === 'submitted') return attempt
    const credits = attempt.paper.map((p) =>
      gradeQuestion(p, attempt.answers[p.questionId], exam.multipleRule),
    )
    const score = scoreAttempt(attempt.paper, credits, exam)
    const results = attempt.paper.map((p, k) => ({
      questionId: p.questionId,
      type: p.type,
      tags: p.tags,
      credit: credits[k],
    }))
    const graded = {
      status: 'submitted' as const,
      submittedAt: now,
      late: now >= attempt.deadline,
      score: score.score,
      passed: score.passed,
      excellent: score.excellent,
    }
    const stored = await attempts()
      .where({ _id: attempt._id, status: 'open', rev: attempt.rev })
      .update({ data: { ...graded, results: _.set(results) } })
    if (stored.stats.updated === 1) {
      // Graded once (the guard above): its result moves the member's counted attempt and the rollups.
      await countGraded(exam, { ...attempt, ...graded })
      return { ...attempt, ...graded, results }
    }
  }
  throw new AppError('COMMON.INTERNAL')
}

/** Attempts whose deadline passed without a submission are graded on what was saved. */
export async function finaliseExpired(
  exam: ExamDoc,
  query: Record<string, unknown>,
  now: number,
): Promise<void> {
  const expired = await fetchAll<Pick<AttemptDoc, '_id'>>(
    attempts()
      .where({ ...query, examId: exam._id, status: 'open', deadline: _.lte(now) })
      .field({ _id: true }),
  )
  for (const a of expired) await finaliseAttempt(a._id, exam, now)
}

async function ownAttempt(ctx: CallContext, attemptId: string): Promise<AttemptDoc> {
  const caller = await ctx.member()
  const attempt = await loadAttempt(attemptId)
  // Another member's attempt is answered exactly like a missing one.
  if (!attempt || attempt.memberId !== caller.member._id) throw new AppError('QUIZ.ATTEMPT_NOT_FOUND')
  return attempt
}

async function examWithoutPaper(examId: string): Promise<ExamDoc> {
  const found = await exams().where({ _id: examId }).field(WITHOUT_PAPER).get()
  const exam = found.data[0]
  if (!exam) throw new AppError('QUIZ.EXAM_NOT_FOUND')
  return exam
}

export async function myExams(ctx: CallContext): Promise<{ items: MyExamView[] }> {
  const caller = await ctx.member()
  const memberId = caller.member._id
  const mine = await fetchAll(expected().where({ memberId }).field({ examId: true }))
  const examIds = mine.map((e) => e.examId)
  const found: ExamDoc[] = []
  for (const chunk of chunks(examIds)) {
    found.push(
      ...(
        await exams()
          .where({ _id: _.in(chunk), status: 'published' })
          .field(WITHOUT_PAPER)
          .limit(1000)
          .get()
      ).data,
    )
  }
  const listed = await fetchAll<AttemptDoc>(
    attempts()
      .where({ memberId, examId: _.in(examIds.length ? examIds : ['-']) })
      .field(SUMMARY),
  )
  // Attempts past their deadline are graded now, from the one read above: the cost grows with the attempts
  // left open, never with the number of exams.
  const examsById = new Map(found.map((e) => [e._id, e]))
  const own = await Promise.all(
    listed.map(async (a) => {
      const exam = examsById.get(a.examId)
      if (!exam || a.status !== 'open' || a.deadline > ctx.now) return a
      return finaliseAttempt(a._id, exam, ctx.now)
    }),
  )
  const orgs = await ctx.orgs()
  const items = found
    .sort((a, b) => b.opensAt - a.opensAt)
    .map((exam): MyExamView => {
      const list = own.filter((a) => a.examId === exam._id).sort((a, b) => a.n - b.n)
      const graded = list.filter((a) => a.status === 'submitted')
      const counted = countedAttempts(
        graded.map((a) => ({ ...a, score: a.score ?? 0, results: [] })),
        exam.counting,
      )[0]
      return {
        id: exam._id,
        title: exam.title,
        orgName: orgs.get(exam.orgId)?.name ?? '',
        opensAt: exam.opensAt,
        closesAt: exam.closesAt,
        timeLimitMinutes: exam.timeLimitMinutes,
        questionCount: exam.questionCount,
        passLine: exam.passLine,
        excellentLine: exam.excellentLine,
        attemptsAllowed: exam.attemptsAllowed,
        attemptsUsed: list.length,
        state: examState(exam, ctx.now),
        openAttemptId: list.find((a) => a.status === 'open')?._id ?? null,
        lastAttemptId: graded[graded.length - 1]?._id ?? null,
        counted: counted
          ? { score: counted.score, passed: counted.passed, excellent: counted.excellent }
          : null,
      }
    })
  return { items }
}

function paperFor(exam: ExamDoc, drawn: PaperEntry[]): PaperEntry[] {
  // Each question's share of 100, so the points shown add up to the paper's worth and grade exactly.
  const points = paperPoints(drawn.map((p) => exam.points[p.type]))
  // Choice options are shuffled for every attempt; answers are option ids, so order never matters.
  return drawn.map((p, i) => ({
    ...p,
    options: p.type === 'single' || p.type === 'multiple' ? shuffle(p.options) : p.options,
    points: points[i],
  }))
}

async function drawFor(exam: ExamDoc): Promise<PaperEntry[]> {
  if (exam.mode === 'fixed') return (exam.fixedPaper ?? []).map((p) => ({ ...p, points: 0 }))
  const drawn = drawPaper(exam.draws, await drawCandidates())
  // Publication checked the bank; questions removed since then can leave a draw short.
  if (!drawn.ok) throw new AppError('QUIZ.DRAW_SHORT', { detail: '题库题目已被删减，请联系出题人' })
  const ids = drawn.picks.flat()
  const found = await loadQuestions(ids)
  return ids.flatMap((id) => {
    const q = found.get(id)
    return q ? [{ ...paperCopy(q), points: 0 }] : []
  })
}

/**
 * Starts (or resumes) the caller's attempt. The attempt's `_id` names exam, member and number,
 * so two starts at once create one attempt: the second insert fails on the key and reads it back.
 */
export async function startAttempt(ctx: CallContext, input: Input<'attempt/start'>): Promise<AttemptView> {
  const caller = await ctx.member()
  const memberId = caller.member._id
  const exam = await loadExam(input.examId)
  if (exam.status !== 'published') throw new AppError('QUIZ.EXAM_NOT_FOUND')
  const place = await expected()
    .where({ _id: joinIds(exam._id, memberId) })
    .get()
  const expectedDoc = place.data[0]
  if (!expectedDoc) throw new AppError('QUIZ.NOT_EXPECTED')
  await finaliseExpired(exam, { memberId }, ctx.now)
  const own = await fetchAll<AttemptDoc>(attempts().where({ examId: exam._id, memberId }).field(SUMMARY))
  const open = own.find((a) => a.status === 'open')
  if (open) return attemptView(open._id, exam, ctx.now)
  if (ctx.now < exam.opensAt)
    throw new AppError('QUIZ.NOT_OPEN', { time: chinaClock(exam.opensAt).format('M月D日 HH:mm') })
  if (ctx.now >= exam.closesAt) throw new AppError('QUIZ.CLOSED')
  if (own.length >= exam.attemptsAllowed)
    throw new AppError('QUIZ.NO_ATTEMPTS_LEFT', { allowed: exam.attemptsAllowed })
  const doc: AttemptDoc = {
    _id: joinIds(exam._id, memberId, own.length + 1),
    examId: exam._id,
    memberId,
    orgPath: expectedDoc.orgPath,
    n: own.length + 1,
    status: 'open',
    startedAt: ctx.now,
    deadline: attemptDeadline(ctx.now, exam.timeLimitMinutes, exam.closesAt),
    rev: 0,
    answers: {},
    savedAt: null,
    paper: paperFor(exam, await drawFor(exam)),
    submittedAt: null,
    late: false,
    score: null,
    passed: false,
    excellent: false,
    results: [],
  }
  // Two starts at once make one n-th attempt: the second insert finds the first and shows it.
  await insertOnce('quizAttempts', doc)
  await keepWithinWindow(exam._id, doc)
  return attemptView(doc._id, exam, ctx.now)
}

/**
 * An exam closed early (exam/close) after this start read it ends this attempt too. The close moves the exam's
 * closesAt, then the deadline of every open attempt; this reads closesAt after the insert. Read before the
 * close moved it, the insert came earlier still and the close's own update reaches the attempt; read after, the
 * attempt's deadline is brought back to it here.
 */
async function keepWithinWindow(examId: string, doc: AttemptDoc): Promise<void> {
  const now = (await exams().where({ _id: examId }).field({ closesAt: true }).get()).data[0]
  if (!now || now.closesAt >= doc.deadline) return
  await attempts()
    .where({ _id: doc._id, status: 'open', deadline: _.gt(now.closesAt) })
    .update({ data: { deadline: now.closesAt } })
}

async function attemptView(attemptId: string, exam: ExamDoc, now: number): Promise<AttemptView> {
  const attempt = await loadAttempt(attemptId)
  if (!attempt) throw new AppError('QUIZ.ATTEMPT_NOT_FOUND')
  return toAttemptView(attempt, exam, now)
}

export async function getAttempt(ctx: CallContext, input: Input<'attempt/get'>): Promise<AttemptView> {
  let attempt = await ownAttempt(ctx, input.attemptId)
  const exam = await examWithoutPaper(attempt.examId)
  if (attempt.status === 'open' && attempt.deadline <= ctx.now)
    attempt = await finaliseAttempt(attempt._id, exam, ctx.now)
  return toAttemptView(attempt, exam, ctx.now)
}

/** Answers must name questions of this paper and, for choices, options of that question. */
function checkAnswers(attempt: AttemptDoc, answers: Record<string, string[]>): void {
  for (const [questionId, given] of Object.entries(answers)) {
    const entry = attempt.paper.find((p) => p.questionId === questionId)
    if (!entry) throw new AppError('QUIZ.BAD_ANSWER')
    if (entry.type === 'fill') {
      if (given.length > 1) throw new AppError('QUIZ.BAD_ANSWER')
      continue
    }
    if (entry.type !== 'multiple' && given.length > 1) throw new AppError('QUIZ.BAD_ANSWER')
    if (given.some((id) => !entry.options.some((o) => o.id === id))) throw new AppError('QUIZ.BAD_ANSWER')
  }
}

async function storeAnswers(
  attempt: AttemptDoc,
  answers: Record<string, string[]>,
  now: number,
): Promise<SaveReceipt> {
  if (attempt.status !== 'open') throw new AppError('QUIZ.ALREADY_SUBMITTED')
  if (attempt.deadline <= now) throw new AppError('QUIZ.DEADLINE_PASSED')
  checkAnswers(attempt, answers)
  const data: Record<string, unknown> = { rev: _.inc(1), savedAt: now }
  for (const [questionId, given] of Object.entries(answers)) data[`answers.${questionId}`] = _.set(given)
  // The deadline is part of the condition: a save that arrives late changes nothing.
  const done = await attempts()
    .where({ _id: attempt._id, status: 'open', deadline: _.gt(now) })
    .update({ data })
  if (done.stats.updated !== 1) {
    const current = await loadAttempt(attempt._id)
    throw new AppError(current?.status === 'submitted' ? 'QUIZ.ALREADY_SUBMITTED' : 'QUIZ.DEADLINE_PASSED')
  }
  return { savedAt: now, deadline: attempt.deadline, serverNow: now }
}

export async function saveAnswers(ctx: CallContext, input: Input<'attempt/save'>): Promise<SaveReceipt> {
  const attempt = await ownAttempt(ctx, input.attemptId)
  return storeAnswers(attempt, input.answers, ctx.now)
}

/**
 * Hands the attempt in. Answers sent with it are saved first while there is time; after the
 * deadline they are ignored and the attempt is graded on what was saved before it. A second
 * submission changes nothing and answers the first one's result.
 */
export async function submitAttempt(ctx: CallContext, input: Input<'attempt/submit'>): Promise<AttemptView> {
  const attempt = await ownAttempt(ctx, input.attemptId)
  const exam = await examWithoutPaper(attempt.examId)
  if (attempt.status === 'submitted') return toAttemptView(attempt, exam, ctx.now)
  if (input.answers && Object.keys(input.answers).length > 0 && attempt.deadline > ctx.now) {
    try {
      await storeAnswers(attempt, input.answers, ctx.now)
    } catch (error) {
      const code = error instanceof AppError ? error.code : null
      if (code !== 'QUIZ.DEADLINE_PASSED' && code !== 'QUIZ.ALREADY_SUBMITTED') throw error
    }
  }
  const graded = await finaliseAttempt(attempt._id, exam, ctx.now)
  return toAttemptView(graded, exam, ctx.now)
}
