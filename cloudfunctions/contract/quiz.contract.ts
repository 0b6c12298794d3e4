import * as z from 'zod'

import { ID_MAX, joinedIdMax } from '../domain/ids'
import { MEMBER_CATEGORIES, type MemberCategory } from '../domain/member.rules'
import {
  type CountingRule,
  DEFAULT_EXCELLENT_LINE,
  DEFAULT_PASS_LINE,
  DEFAULT_POINTS,
  type MultipleRule,
  type PointsPerType,
  QUESTION_TYPES,
  type QuestionOption,
  type QuestionType,
  type RevealRule,
} from '../domain/quiz.rules'
import type { Draw } from '../domain/quiz-draw.rules'
import type { BankRowError } from '../domain/quiz-import.rules'
import { BANK_MAX_ROWS } from '../domain/quiz-import.rules'
import type { Rate } from '../domain/quiz-stats.rules'
import { boundedId, empty, id, paging, shortText } from './common.schema'
import { type ExportedFile, fileID } from './files.contract'
import { type FollowUpPerson, memberIds, type ReminderOutcome } from './follow-up.contract'

export const PAPER_MAX_QUESTIONS = 200
export const ATTEMPTS_MAX = 10

/** `<examId>_<memberId>_<n>`: two ids and the attempt's number. */
const attemptId = boundedId(joinedIdMax(ID_MAX, ID_MAX, String(ATTEMPTS_MAX).length))
const questionType = z.enum(QUESTION_TYPES, { error: '题型不正确' })
const answerPart = z.string({ error: '答案应为文字' }).max(200, '答案不能超过200字')
/** Chosen option ids, or the text of a blank as a one-element list. */
const memberAnswer = z.array(answerPart).max(8, '答案过多')
const answers = z
  .record(z.string().regex(new RegExp(`^[\\w-]{1,${ID_MAX}}$`), '题目编号不正确'), memberAnswer)
  .refine((r) => Object.keys(r).length <= PAPER_MAX_QUESTIONS, '一次保存的答案过多')
const points = z.number({ error: '分值应为数字' }).min(0, '分值不能为负').max(100, '分值不能超过100')
const line = z
  .number({ error: '分数线应为数字' })
  .min(0, '分数线应在0到100之间')
  .max(100, '分数线应在0到100之间')
const time = z.number().int().min(0).max(4_102_444_800_000)

const draw = z.strictObject({
  type: questionType.optional(),
  tag: z.string().trim().min(1, '知识点不能为空').max(20, '知识点不超过20字').optional(),
  count: z
    .number({ error: '题数应为数字' })
    .int('题数应为整数')
    .min(1, '每组至少1题')
    .max(100, '每组最多100题'),
})

const examFields = {
  title: shortText('考试名称', 40),
  orgId: id,
  mode: z.enum(['fixed', 'random'], { error: '组卷方式应为固定试卷或随机抽题' }),
  questionIds: z.array(id).max(PAPER_MAX_QUESTIONS, `试卷最多${PAPER_MAX_QUESTIONS}题`).default([]),
  draws: z.array(draw).max(20, '抽题规则最多20组').default([]),
  points: z
    .strictObject({ single: points, multiple: points, judge: points, fill: points })
    .default({ ...DEFAULT_POINTS }),
  passLine: line.default(DEFAULT_PASS_LINE),
  excellentLine: line.default(DEFAULT_EXCELLENT_LINE),
  timeLimitMinutes: z
    .number({ error: '答题时长应为数字' })
    .int()
    .min(1, '答题时长至少1分钟')
    .max(600, '答题时长最多600分钟'),
  opensAt: time,
  closesAt: time,
  attemptsAllowed: z
    .number()
    .int()
    .min(1, '至少允许作答1次')
    .max(ATTEMPTS_MAX, `最多允许作答${ATTEMPTS_MAX}次`)
    .default(1),
  counting: z.enum(['best', 'last'], { error: '计分方式不正确' }).default('best'),
  multipleRule: z.enum(['all', 'partial'], { error: '多选题计分规则不正确' }).default('all'),
  reveal: z
    .enum(['after_submit', 'after_close', 'never'], { error: '答案公布方式不正确' })
    .default('after_close'),
  /** Which members of the organisation's subtree are expected (应考); empty means all. */
  categories: z
    .array(z.enum(MEMBER_CATEGORIES, { error: '党员类别不正确' }))
    .max(3)
    .default([]),
}

const rawQuestion = z.strictObject({
  type: questionType,
  stem: z.string({ error: '题干应为文字' }).max(500, '题干不超过500字'),
  options: z
    .array(z.string({ error: '选项应为文字' }).max(200, '选项不超过200字'))
    .max(8, '选项最多8个')
    .default([]),
  /** Option letters ("A", "ACD") for choices, 正确/错误 for judge, accepted texts for fill-ins. */
  answer: z.array(answerPart).min(1, '请填写答案').max(10, '答案过多'),
  tags: z.array(z.string().max(20, '知识点不超过20字')).max(5, '知识点最多5个').default([]),
  explanation: z.string({ error: '解析应为文字' }).max(1000, '解析不超过1000字').nullable().default(null),
})

export const quizInputs = {
  'bank/list': z.strictObject({
    type: questionType.optional(),
    tag: z.string().trim().max(20).optional(),
    keyword: z.string().trim().max(30, '搜索词不能超过30字').optional(),
    /** In use (the default), retired, or both. */
    show: z.enum(['active', 'retired', 'all'], { error: '显示范围应为在用、已停用或全部' }).optional(),
    ...paging,
  }),
  'bank/tags': empty,
  'bank/save': z.strictObject({ questionId: id.optional(), question: rawQuestion }),
  'bank/remove': z.strictObject({ questionId: id }),
  'bank/retire': z.strictObject({ questionId: id }),
  'bank/import': z.discriminatedUnion(
    'format',
    [
      // An .xlsx the caller uploaded to cloud storage (`upload/prepare`, then `wx.cloud.uploadFile`).
      z.strictObject({ format: z.literal('xlsx'), fileID }),
      z.strictObject({
        format: z.literal('json'),
        // Rows are checked one by one by the import rules, so a bad row is reported by its number.
        questions: z
          .array(z.unknown())
          .min(1, '没有题目')
          .max(BANK_MAX_ROWS, `一次最多导入${BANK_MAX_ROWS}题`),
      }),
    ],
    { error: '导入形式应为 xlsx 文件或 JSON 题目列表' },
  ),
  'bank/export': empty,
  'exam/create': z.strictObject(examFields),
  'exam/update': z.strictObject({ examId: id, ...examFields }),
  'exam/publish': z.strictObject({ examId: id }),
  'exam/remove': z.strictObject({ examId: id }),
  'exam/close': z.strictObject({ examId: id }),
  'exam/list': empty,
  'exam/get': z.strictObject({ examId: id }),
  'exam/stats': z.strictObject({ examId: id, orgId: id.optional() }),
  /** 提醒 members of an organisation who have not taken the exam or failed it (each at most once a day). */
  'exam/remind': z.strictObject({ examId: id, orgId: id, memberIds }),
  /** 未参考 and 不合格 of an organisation as an .xlsx. */
  'exam/namesExport': z.strictObject({ examId: id, orgId: id }),
  'exam/mine': empty,
  'attempt/start': z.strictObject({ examId: id }),
  'attempt/get': z.strictObject({ attemptId }),
  'attempt/save': z.strictObject({ attemptId, answers }),
  'attempt/submit': z.strictObject({ attemptId, answers: answers.optional() }),
  'practice/today': empty,
  'practice/check': z.strictObject({ questionId: id, answer: memberAnswer }),
}

export type ExamInput = z.input<(typeof quizInputs)['exam/create']>

/** A bank question. `answer` and `explanation` only for the bank's keeper (街道管理员). */
export interface QuestionView {
  id: string
  type: QuestionType
  stem: string
  options: QuestionOption[]
  tags: string[]
  /** Kept for past attempts, never drawn again. */
  retired: boolean
  /** Correct option ids, or the accepted fill-in texts. */
  answer?: string[]
  explanation?: string | null
}

export interface QuestionPage {
  items: QuestionView[]
  total: number
  offset: number
  /** Whether answers are shown and the bank may be changed by this caller. */
  mayEdit: boolean
}

export interface TagCount {
  tag: string
  counts: Record<QuestionType, number>
}

export interface BankTags {
  totals: Record<QuestionType, number>
  tags: TagCount[]
}

export type { BankRowError, QuestionOption }

export interface BankImportReport {
  imported: number
}

/** The whole bank as an .xlsx in the import format, written to storage: download it from `url`. */
export interface BankExport extends ExportedFile {
  count: number
}

export type ExamStatus = 'draft' | 'published'
/** Where the exam stands in time: before its window, in it, or after. */
export type ExamState = 'upcoming' | 'open' | 'closed'

/** An exam's settings, as stored and as shown to those who set or read it. */
export interface ExamSettings {
  mode: 'fixed' | 'random'
  questionIds: string[]
  draws: Draw[]
  points: PointsPerType
  passLine: number
  excellentLine: number
  timeLimitMinutes: number
  opensAt: number
  closesAt: number
  attemptsAllowed: number
  counting: CountingRule
  multipleRule: MultipleRule
  reveal: RevealRule
  categories: MemberCategory[]
}

export interface ExamView extends ExamSettings {
  id: string
  title: string
  orgId: string
  orgName: string
  status: ExamStatus
  state: ExamState
  questionCount: number
  /** 应考, fixed when the exam is published; null for a draft. */
  expectedCount: number | null
  /** Whether the caller may edit, publish or remove it (else they only read its results). */
  mayManage: boolean
  /** When a secretary ended it before its window closed (closesAt is then that moment). */
  closedEarlyAt: number | null
}

export interface ExamList {
  items: ExamView[]
}

/** An exam as the member expected to take it sees it. */
export interface MyExamView {
  id: string
  title: string
  orgName: string
  opensAt: number
  closesAt: number
  timeLimitMinutes: number
  questionCount: number
  passLine: number
  excellentLine: number
  attemptsAllowed: number
  attemptsUsed: number
  state: ExamState
  /** The attempt under way, to resume after a dropped connection. */
  openAttemptId: string | null
  /** The latest finished attempt, to see its result. */
  lastAttemptId: string | null
  counted: { score: number; passed: boolean; excellent: boolean } | null
}

/** A question of a paper as the member sees it while answering: never an answer. */
export interface PaperQuestionView {
  id: string
  type: QuestionType
  stem: string
  options: QuestionOption[]
  points: number
}

export interface ReviewItem {
  questionId: string
  /** Correct option ids, or the accepted fill-in texts. */
  correct: string[]
  explanation: string | null
  /** 2 full marks, 1 half (partial credit), 0 none. */
  credit: 0 | 1 | 2
}

export interface AttemptResult {
  score: number
  passed: boolean
  excellent: boolean
  late: boolean
  submittedAt: number
}

export interface AttemptView {
  id: string
  examId: string
  examTitle: string
  n: number
  attemptsAllowed: number
  passLine: number
  excellentLine: number
  status: 'open' | 'over'
  startedAt: number
  /** The server's deadline: the earlier of start + limit and the window's close. */
  deadline: number
  /** The server's clock when this answer was made, so the countdown does not trust the phone's. */
  serverNow: number
  questions: PaperQuestionView[]
  answers: Record<string, string[]>
  result: AttemptResult | null
  /** Present once the attempt is over and the exam's setting allows it. */
  review: ReviewItem[] | null
  /** Why the review is not shown (yet), when it is not. */
  reviewNote: string | null
}

export interface SaveReceipt {
  savedAt: number
  deadline: number
  serverNow: number
}

export interface StatsQuestion {
  questionId: string
  stem: string
  type: QuestionType
  tags: string[]
  answered: number
  correct: number
  rate: number
}

export interface OrgFigures {
  orgId: string
  orgName: string
  expected: number
  participated: number
  passed: Rate
  excellent: Rate
}

export interface ExamStatsView {
  examId: string
  title: string
  orgId: string
  orgName: string
  passLine: number
  excellentLine: number
  counting: CountingRule
  expected: number
  participated: number
  participationRate: number | null
  passed: Rate
  excellent: Rate
  distribution: { label: string; count: number }[]
  questions: StatsQuestion[]
  tags: { tag: string; answered: number; correct: number; rate: number }[]
  /** The same headline figures for each organisation directly below. */
  children: OrgFigures[]
  /** The people behind the figures, in this organisation: 未参考 and 不合格 (with the counted score). */
  absent: FollowUpPerson[]
  failed: Array<FollowUpPerson & { score: number }>
  /** Of those, how many were reminded today: the page's 已提醒 N 人. */
  remindedToday: number
}

export interface PracticeQuestionView {
  id: string
  type: QuestionType
  stem: string
  options: QuestionOption[]
  tags: string[]
}

export interface PracticeCheck {
  questionId: string
  correct: boolean
  answer: string[]
  explanation: string | null
}

export interface PracticeView {
  day: string
  questions: PracticeQuestionView[]
  /** Questions already checked today, with their outcome. */
  checked: PracticeCheck[]
}

export interface QuizOutputs {
  'bank/list': QuestionPage
  'bank/tags': BankTags
  'bank/save': QuestionView
  'bank/remove': { removed: true }
  'bank/retire': QuestionView
  'bank/import': BankImportReport
  'bank/export': BankExport
  'exam/create': ExamView
  'exam/update': ExamView
  'exam/publish': ExamView
  'exam/remove': { removed: true }
  'exam/close': ExamView
  'exam/list': ExamList
  'exam/get': ExamView
  'exam/stats': ExamStatsView
  'exam/remind': ReminderOutcome
  'exam/namesExport': ExportedFile
  'exam/mine': { items: MyExamView[] }
  'attempt/start': AttemptView
  'attempt/get': AttemptView
  'attempt/save': SaveReceipt
  'attempt/submit': AttemptView
  'practice/today': PracticeView
  'practice/check': PracticeCheck
}
