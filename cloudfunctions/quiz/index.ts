import { createMain, route, type RoutesOf } from '../common/router'
import { quizInputs } from '../contract/quiz.contract'
import { getAttempt, myExams, saveAnswers, startAttempt, submitAttempt } from './attempt.service'
import {
  bankTags,
  exportBank,
  importBank,
  listBank,
  removeQuestion,
  retireQuestion,
  saveQuestion,
} from './bank.service'
import {
  closeExam,
  createExam,
  getExam,
  listExams,
  publishExam,
  removeExam,
  updateExam,
} from './exam.service'
import { exportExamNames, remindExam } from './follow-up.service'
import { checkPractice, practiceToday } from './practice.service'
import { examStats } from './stats.service'

export const routes: RoutesOf<'quiz'> = {
  'bank/list': route(quizInputs['bank/list'], (input, ctx) => listBank(ctx, input)),
  'bank/tags': route(quizInputs['bank/tags'], (_input, ctx) => bankTags(ctx)),
  'bank/save': route(quizInputs['bank/save'], (input, ctx) => saveQuestion(ctx, input)),
  'bank/remove': route(quizInputs['bank/remove'], (input, ctx) => removeQuestion(ctx, input)),
  'bank/retire': route(quizInputs['bank/retire'], (input, ctx) => retireQuestion(ctx, input)),
  'bank/import': route(quizInputs['bank/import'], (input, ctx) => importBank(ctx, input)),
  'bank/export': route(quizInputs['bank/export'], (_input, ctx) => exportBank(ctx)),
  'exam/create': route(quizInputs['exam/create'], (input, ctx) => createExam(ctx, input)),
  'exam/update': route(quizInputs['exam/update'], (input, ctx) => updateExam(ctx, input)),
  'exam/publish': route(quizInputs['exam/publish'], (input, ctx) => publishExam(ctx, input)),
  'exam/remove': route(quizInputs['exam/remove'], (input, ctx) => removeExam(ctx, input)),
  'exam/close': route(quizInputs['exam/close'], (input, ctx) => closeExam(ctx, input)),
  'exam/list': route(quizInputs['exam/list'], (_input, ctx) => listExams(ctx)),
  'exam/get': route(quizInputs['exam/get'], (input, ctx) => getExam(ctx, input)),
  'exam/stats': route(quizInputs['exam/stats'], (input, ctx) => examStats(ctx, input)),
  'exam/remind': route(quizInputs['exam/remind'], (input, ctx) => remindExam(ctx, input)),
  'exam/namesExport': route(quizInputs['exam/namesExport'], (input, ctx) => exportExamNames(ctx, input)),
  'exam/mine': route(quizInputs['exam/mine'], (_input, ctx) => myExams(ctx)),
  'attempt/start': route(quizInputs['attempt/start'], (input, ctx) => startAttempt(ctx, input)),
  'attempt/get': route(quizInputs['attempt/get'], (input, ctx) => getAttempt(ctx, input)),
  'attempt/save': route(quizInputs['attempt/save'], (input, ctx) => saveAnswers(ctx, input)),
  'attempt/submit': route(quizInputs['attempt/submit'], (input, ctx) => submitAttempt(ctx, input)),
  'practice/today': route(quizInputs['practice/today'], (_input, ctx) => practiceToday(ctx)),
  'practice/check': route(quizInputs['practice/check'], (input, ctx) => checkPractice(ctx, input)),
}

export const main = createMain(routes)
