import type { ExamSettings } from '../contract/quiz.contract'
import type { Credit, PaperQuestion, QuestionOption, QuestionType } from '../domain/quiz.rules'

/** Stored shapes of the quiz collections. Views sent to clients are built in quiz.views.ts. */
export interface QuestionDoc {
  _id: string
  type: QuestionType
  stem: string
  /** Option ids are random per question, so neither their order nor their names tell the answer. */
  options: QuestionOption[]
  /** Correct option ids, or every accepted fill-in answer. */
  answer: string[]
  tags: string[]
  explanation: string | null
  /** questionKey(type, stem): unique, so the same question cannot be stored twice. */
  key: string
  /**
   * A retired question stays for the attempts that drew it (they hold their own copy) but is never drawn
   * again and is hidden from the bank list by default. Queries read `retired ≠ true`, so a question stored
   * before retiring existed counts as in use.
   */
  retired: boolean
  retiredAt: number | null
  importBatch: string | null
  createdBy: string
  createdAt: number
  updatedAt: number
}

export interface ExamDoc extends ExamSettings {
  _id: string
  title: string
  orgId: string
  /** The organising node and its ancestors: exams are listed by subtree like members. */
  orgPath: string[]
  status: 'draft' | 'published'
  questionCount: number
  expectedCount: number | null
  createdBy: string
  createdAt: number
  updatedAt: number
  publishedAt: number | null
  /** Set when a secretary closed the exam before its window ended (closesAt was moved to that moment). */
  closedEarlyAt?: number | null
  /** A fixed paper's questions as they stood at publication (with answers: never sent to a client). */
  fixedPaper: Omit<PaperEntry, 'points'>[] | null
}

export interface ExpectedDoc {
  _id: string
  examId: string
  memberId: string
  orgPath: string[]
  /** The exam's opening: the month its figures count in (domain/quiz.rollup.ts). */
  at?: number
  /** The member's counted attempt so far (the exam's counting rule), kept for the rollups; absent: none graded. */
  counted?: CountedResult | null
}

export interface CountedResult {
  n: number
  score: number
  passed: boolean
  excellent: boolean
}

/** A question as it stood when the attempt started, with its options in this attempt's order. */
export interface PaperEntry extends PaperQuestion {
  points: number
}

export interface AttemptDoc {
  _id: string
  examId: string
  memberId: string
  orgPath: string[]
  n: number
  status: 'open' | 'submitted'
  startedAt: number
  deadline: number
  /** Bumped by every save: grading only stores its result if no save came in between. */
  rev: number
  answers: Record<string, string[]>
  savedAt: number | null
  paper: PaperEntry[]
  submittedAt: number | null
  late: boolean
  score: number | null
  passed: boolean
  excellent: boolean
  results: { questionId: string; type: QuestionType; tags: string[]; credit: Credit }[]
}

export interface PracticeDoc {
  _id: string
  memberId: string
  day: string
  questionIds: string[]
  checked: Record<string, boolean>
  createdAt: number
}
