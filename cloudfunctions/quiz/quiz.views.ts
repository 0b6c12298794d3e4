import type { OrgDoc } from '../common/docs'
import type { AttemptDoc, ExamDoc, QuestionDoc } from '../common/quiz.docs'
import type {
  AttemptView,
  ExamState,
  ExamView,
  PaperQuestionView,
  QuestionView,
  ReviewItem,
} from '../contract/quiz.contract'

/** Answers and explanations leave the server only through the two places marked below. */
export function toQuestionView(q: QuestionDoc, withAnswer: boolean): QuestionView {
  const view: QuestionView = {
    id: q._id,
    type: q.type,
    stem: q.stem,
    options: q.options.map((o) => ({ id: o.id, text: o.text })),
    tags: q.tags,
    retired: q.retired === true,
  }
  // (1) The bank's keeper sees answers while editing the bank.
  if (withAnswer) {
    view.answer = q.answer
    view.explanation = q.explanation
  }
  return view
}

export function examState(exam: Pick<ExamDoc, 'opensAt' | 'closesAt'>, now: number): ExamState {
  if (now < exam.opensAt) return 'upcoming'
  return now < exam.closesAt ? 'open' : 'closed'
}

export function toExamView(
  exam: ExamDoc,
  orgs: ReadonlyMap<string, OrgDoc>,
  now: number,
  mayManage: boolean,
): ExamView {
  return {
    id: exam._id,
    title: exam.title,
    orgId: exam.orgId,
    orgName: orgs.get(exam.orgId)?.name ?? '',
    mode: exam.mode,
    questionIds: mayManage ? exam.questionIds : [],
    draws: exam.draws,
    points: exam.points,
    passLine: exam.passLine,
    excellentLine: exam.excellentLine,
    timeLimitMinutes: exam.timeLimitMinutes,
    opensAt: exam.opensAt,
    closesAt: exam.closesAt,
    attemptsAllowed: exam.attemptsAllowed,
    counting: exam.counting,
    multipleRule: exam.multipleRule,
    reveal: exam.reveal,
    categories: exam.categories,
    status: exam.status,
    state: examState(exam, now),
    questionCount: exam.questionCount,
    expectedCount: exam.expectedCount,
    mayManage,
    closedEarlyAt: exam.closedEarlyAt ?? null,
  }
}

/** Whether the member may see the answers of a finished attempt, and if not, why. */
export function reviewAllowed(
  exam: Pick<ExamDoc, 'reveal' | 'closesAt'>,
  attempt: Pick<AttemptDoc, 'status'>,
  now: number,
): { allowed: boolean; note: string | null } {
  if (attempt.status !== 'submitted') return { allowed: false, note: null }
  if (exam.reveal === 'after_submit') return { allowed: true, note: null }
  if (exam.reveal === 'after_close' && now >= exam.closesAt) return { allowed: true, note: null }
  return {
    allowed: false,
    note: exam.reveal === 'never' ? '本次考试不公布答案' : '考试结束后可查看答案和解析',
  }
}

export function toAttemptView(
  attempt: AttemptDoc,
  exam: Pick<ExamDoc, 'title' | 'attemptsAllowed' | 'passLine' | 'excellentLine' | 'reveal' | 'closesAt'>,
  now: number,
): AttemptView {
  const over = attempt.status === 'submitted'
  const questions: PaperQuestionView[] = attempt.paper.map((p) => ({
    id: p.questionId,
    type: p.type,
    stem: p.stem,
    options: p.options.map((o) => ({ id: o.id, text: o.text })),
    points: p.points,
  }))
  const review = reviewAllowed(exam, attempt, now)
  let items: ReviewItem[] | null = null
  // (2) A member sees answers only once their own attempt is over and the exam allows it.
  if (over && review.allowed) {
    items = attempt.paper.map((p, i) => ({
      questionId: p.questionId,
      correct: p.answer,
      explanation: p.explanation,
      credit: attempt.results[i]?.credit ?? 0,
    }))
  }
  return {
    id: attempt._id,
    examId: attempt.examId,
    examTitle: exam.title,
    n: attempt.n,
    attemptsAllowed: exam.attemptsAllowed,
    passLine: exam.passLine,
    excellentLine: exam.excellentLine,
    status: over ? 'over' : 'open',
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    serverNow: now,
    questions,
    answers: attempt.answers,
    result: over
      ? {
          score: attempt.score ?? 0,
          passed: attempt.passed,
          excellent: attempt.excellent,
          late: attempt.late,
          submittedAt: attempt.submittedAt ?? attempt.deadline,
        }
      : null,
    review: items,
    reviewNote: over ? review.note : null,
  }
}
