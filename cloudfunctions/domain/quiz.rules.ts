/**
 * Questions, answers and scores of the Party-knowledge quizzes (党建常识考核). Pure, so the
 * server grades with it and the client can label types and format scores the same way.
 *
 * Scores are computed in integer hundredths of a point so that no floating-point error can move
 * a score across a line: a score counts when it is ≥ the line, with no rounding up (59.5 fails 60).
 */
export const QUESTION_TYPES = ['single', 'multiple', 'judge', 'fill'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题',
  judge: '判断题',
  fill: '填空题',
}

/** Judge questions always offer these two options, in this order (they are not shuffled). */
export const JUDGE_OPTIONS = [
  { id: 'T', text: '正确' },
  { id: 'F', text: '错误' },
] as const

export interface QuestionOption {
  id: string
  text: string
}

/** What grading needs of a question: for choices the correct option ids, for fill-ins the accepted texts. */
export interface GradedQuestion {
  type: QuestionType
  options: readonly QuestionOption[]
  /** Choice and judge questions: correct option ids. Fill-in: every accepted answer. */
  answer: readonly string[]
}

/** A member's answer: chosen option ids, or the text typed into a blank (as a one-element list). */
export type MemberAnswer = readonly string[]

export type MultipleRule = 'all' | 'partial'
export const MULTIPLE_RULES: Record<MultipleRule, string> = {
  all: '全部选对才得分',
  partial: '少选得一半分，错选不得分',
}

export type RevealRule = 'after_submit' | 'after_close' | 'never'
export const REVEAL_RULES: Record<RevealRule, string> = {
  after_submit: '交卷后即可查看答案',
  after_close: '考试结束后查看答案',
  never: '不公布答案',
}

export type CountingRule = 'best' | 'last'
export const COUNTING_RULES: Record<CountingRule, string> = { best: '取最高一次', last: '取最后一次' }

export type PointsPerType = Record<QuestionType, number>
export const DEFAULT_POINTS: PointsPerType = { single: 2, multiple: 3, judge: 1, fill: 2 }
export const DEFAULT_PASS_LINE = 60
export const DEFAULT_EXCELLENT_LINE = 90

const OPENING = /[(（[［【〔{｛「『〈]/g
const CLOSING = /[)）\]］】〕}｝」』〉]/g
const PUNCTUATION: Record<string, string> = {
  '。': '.',
  '．': '.',
  '、': ',',
  '，': ',',
  '；': ';',
  '：': ':',
  '？': '?',
  '！': '!',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '《': '<',
  '》': '>',
  '—': '-',
  '－': '-',
  '～': '~',
  '·': '.',
}

/**
 * A fill-in answer as compared: Unicode-compatible forms (full-width letters, digits and
 * punctuation become half-width), no whitespace at all, Chinese punctuation as its ASCII
 * counterpart, every kind of bracket as ( ), Latin letters in lower case.
 */
export function normaliseFill(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(OPENING, '(')
    .replace(CLOSING, ')')
    .replace(/[。．、，；：？！“”‘’《》—－～·]/g, (c) => PUNCTUATION[c] ?? c)
    .toLowerCase()
}

/** What a paper keeps of a question: its own copy, so a later edit of the bank never changes a paper drawn. */
export interface PaperQuestion {
  questionId: string
  type: QuestionType
  stem: string
  options: QuestionOption[]
  answer: string[]
  explanation: string | null
  tags: string[]
}

/** The paper's copy of a question as the bank holds it. */
export function paperCopy(q: Omit<PaperQuestion, 'questionId'> & { _id: string }): PaperQuestion {
  return {
    questionId: q._id,
    type: q.type,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    explanation: q.explanation,
    tags: q.tags,
  }
}

/** The fraction of a question's points earned, in halves: 2 full, 1 half (partial credit), 0 none. */
export type Credit = 0 | 1 | 2

export function gradeQuestion(
  question: GradedQuestion,
  given: MemberAnswer | undefined,
  rule: MultipleRule,
): Credit {
  if (!given || given.length === 0) return 0
  if (question.type === 'fill') {
    const typed = normaliseFill(given[0] ?? '')
    return typed !== '' && question.answer.some((a) => normaliseFill(a) === typed) ? 2 : 0
  }
  const chosen = new Set(given)
  if (chosen.size !== given.length) return 0
  const correct = new Set(question.answer)
  if ([...chosen].some((id) => !correct.has(id))) return 0
  if (chosen.size === correct.size) return 2
  return question.type === 'multiple' && rule === 'partial' ? 1 : 0
}

/** Points are entered with at most one decimal; grading works in hundredths. */
export function toHundredths(points: number): number {
  return Math.round(points * 100)
}

/** What every paper is worth: scores are out of 100, and the member is told so. */
export const PAPER_TOTAL = 100

/**
 * Each question's points on a paper: its type's points as a share of PAPER_TOTAL, in tenths, summing exactly
 * to the total (largest remainder: every question gets its share rounded down, and the tenths left over go to
 * the largest fractions, earlier questions first on a tie). So the points shown add up to what the paper is
 * worth, and grading on them makes the score the sum of the points earned.
 */
export function paperPoints(raw: readonly number[], total = PAPER_TOTAL): number[] {
  const weights = raw.map((p) => Math.max(0, toHundredths(p)))
  const sum = weights.reduce((s, w) => s + w, 0)
  if (sum <= 0) return raw.map(() => 0)
  const units = Math.round(total * 10)
  const shares = weights.map((w) => Math.floor((w * units) / sum))
  const rest = weights.map((w, i) => ({ i, fraction: w * units - shares[i] * sum }))
  let left = units - shares.reduce((s, x) => s + x, 0)
  rest.sort((a, b) => b.fraction - a.fraction || a.i - b.i)
  for (const { i } of rest) {
    if (left <= 0) break
    shares[i]++
    left--
  }
  return shares.map((x) => x / 10)
}

export interface PaperItem {
  type: QuestionType
  /** This question's points, as set for its type. */
  points: number
}

export interface ScoreLines {
  passLine: number
  excellentLine: number
}

export interface Score {
  /** Out of 100, floored to two decimals (never rounded up). */
  score: number
  passed: boolean
  excellent: boolean
  /** Per question, in hundredths of the paper's raw points. */
  earned: number[]
}

/** Whether `earned / total` of 100 reaches `line`, exactly: earned·100 ≥ line·total in integers. */
export function reachesLine(earned: number, total: number, line: number): boolean {
  if (total <= 0) return false
  return earned * 100 * 100 >= Math.round(line * 100) * total
}

/** Normalises the raw points earned to a score out of 100, then checks both lines. */
export function scoreAttempt(
  paper: readonly PaperItem[],
  credits: readonly Credit[],
  lines: ScoreLines,
): Score {
  const full = paper.map((p) => toHundredths(p.points))
  const earned = full.map((f, i) => (f * (credits[i] ?? 0)) / 2)
  const total = full.reduce((s, f) => s + f, 0)
  const got = earned.reduce((s, e) => s + e, 0)
  const score = total > 0 ? Math.floor((got * 100 * 100) / total) / 100 : 0
  return {
    score,
    passed: reachesLine(got, total, lines.passLine),
    excellent: reachesLine(got, total, lines.excellentLine),
    earned,
  }
}

/** "85.5分" — scores are stored floored to two decimals; trailing zeros are dropped. */
export function formatScore(score: number): string {
  return `${Number(score.toFixed(2))}分`
}

/** The deadline the server holds: the earlier of start + limit and the window's close. */
export function attemptDeadline(startedAt: number, timeLimitMinutes: number, closesAt: number): number {
  return Math.min(startedAt + timeLimitMinutes * 60_000, closesAt)
}

/** Fisher–Yates with an injected source of randomness, so tests can fix it. */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/** Whether lines and points make a valid paper setting; the message says what to fix. */
export function checkExamSettings(s: {
  passLine: number
  excellentLine: number
  opensAt: number
  closesAt: number
}): string | null {
  if (s.passLine > s.excellentLine) return '优秀线不能低于合格线'
  if (s.closesAt <= s.opensAt) return '结束时间应晚于开始时间'
  return null
}
