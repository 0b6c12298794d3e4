/** Views of the account and quiz functions as the quiz page tests answer them. */
import type { MeView, RoleView } from '@contract/account.contract'
import type {
  ExamStatsView,
  ExamView,
  MyExamView,
  PracticeView,
  QuestionPage,
  QuestionView,
} from '@contract/quiz.contract'

const HOUR = 3_600_000
const DAY = 24 * HOUR

const role = (r: RoleView['role'], orgId: string, orgName: string): RoleView => ({ orgId, orgName, role: r })

function person(roles: RoleView[]): MeView {
  return {
    bound: true,
    reminderTemplateIds: [],
    visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
    member: { id: 'm1', name: '王红', orgId: 'b1', orgName: '和平社区第一支部', category: '在职' },
    roles,
  }
}

/** A member without any role. */
export const MEMBER = person([])
/** 社区书记 of 和平社区党委: quiz.manage and stats.read, but not bank.manage (the street keeps the bank). */
export const SECRETARY = person([role('community_secretary', 'c1', '和平社区党委')])
/** 街道管理员 of 幸福街道: everything, the question bank included. */
export const STREET_ADMIN = person([role('street_admin', 's1', '幸福街道')])

export function myExam(patch: Partial<MyExamView> = {}): MyExamView {
  const now = Date.now()
  return {
    id: 'e1',
    title: '十一月党章测试',
    orgName: '和平社区党委',
    opensAt: now - DAY,
    closesAt: now + DAY,
    timeLimitMinutes: 30,
    questionCount: 10,
    passLine: 60,
    excellentLine: 90,
    attemptsAllowed: 1,
    attemptsUsed: 0,
    state: 'open',
    openAttemptId: null,
    lastAttemptId: null,
    counted: null,
    ...patch,
  }
}

export function examView(patch: Partial<ExamView> = {}): ExamView {
  const now = Date.now()
  return {
    id: 'e1',
    title: '十一月党章测试',
    orgId: 'c1',
    orgName: '和平社区党委',
    status: 'published',
    state: 'open',
    questionCount: 10,
    expectedCount: 42,
    mayManage: true,
    mode: 'random',
    questionIds: [],
    draws: [{ type: 'single', count: 10 }],
    points: { single: 2, multiple: 3, judge: 1, fill: 2 },
    passLine: 60,
    excellentLine: 90,
    timeLimitMinutes: 30,
    opensAt: now - DAY,
    closesAt: now + 6 * DAY,
    attemptsAllowed: 1,
    counting: 'best',
    multipleRule: 'all',
    reveal: 'after_close',
    categories: [],
    closedEarlyAt: null,
    ...patch,
  }
}

/** Today's practice as the server sends it: options only, never an answer or an explanation. */
export const PRACTICE: PracticeView = {
  day: '2026-11-25',
  questions: [
    {
      id: 'p1',
      type: 'single',
      stem: '党的最高领导机关是？',
      options: [
        { id: 'x7', text: '中央政治局' },
        { id: 'k2', text: '全国代表大会和中央委员会' },
      ],
      tags: ['党章'],
    },
    {
      id: 'p2',
      type: 'multiple',
      stem: '以下属于“四个意识”的是？',
      options: [
        { id: 'a1', text: '政治意识' },
        { id: 'b2', text: '市场意识' },
        { id: 'c3', text: '大局意识' },
      ],
      tags: ['理论'],
    },
  ],
  checked: [],
}

export const BANK_QUESTIONS: QuestionView[] = [
  {
    id: 'q1',
    type: 'single',
    stem: '党的最高领导机关是？',
    options: [
      { id: 'o1', text: '中央政治局' },
      { id: 'o2', text: '全国代表大会和中央委员会' },
    ],
    tags: ['党章', '组织'],
    retired: false,
    answer: ['o2'],
    explanation: '见党章第十条',
  },
  {
    id: 'q2',
    type: 'judge',
    stem: '党员有权在党的会议上批评党的任何组织和任何党员。',
    options: [
      { id: 'T', text: '正确' },
      { id: 'F', text: '错误' },
    ],
    tags: [],
    retired: false,
    answer: ['T'],
    explanation: null,
  },
  {
    id: 'q3',
    type: 'fill',
    stem: '中国共产党成立于____年。',
    options: [],
    tags: ['党史'],
    retired: false,
    answer: ['1921', '一九二一'],
    explanation: null,
  },
]

export const bankPage = (items: QuestionView[] = BANK_QUESTIONS): QuestionPage => ({
  items,
  total: items.length,
  offset: 0,
  mayEdit: true,
})

/** 42 expected, 30 took part, 20 passed, 7 excellent: rates over 参考 and over 应考 differ. */
export const STATS: ExamStatsView = {
  absent: [{ memberId: 'm21', name: '周晓明', orgName: '第一党支部', remindedToday: false }],
  failed: [{ memberId: 'm22', name: '吴建国', orgName: '第二党支部', remindedToday: true, score: 48 }],
  remindedToday: 1,
  examId: 'e1',
  title: '十一月党章测试',
  orgId: 'c1',
  orgName: '和平社区党委',
  passLine: 60,
  excellentLine: 90,
  counting: 'best',
  expected: 42,
  participated: 30,
  participationRate: 30 / 42,
  passed: { count: 20, ofParticipants: 20 / 30, ofExpected: 20 / 42 },
  excellent: { count: 7, ofParticipants: 7 / 30, ofExpected: 7 / 42 },
  distribution: [
    { label: '60分以下', count: 10 },
    { label: '60–69分', count: 5 },
    { label: '70–79分', count: 5 },
    { label: '80–89分', count: 3 },
    { label: '90分及以上', count: 7 },
  ],
  questions: [
    {
      questionId: 'q3',
      stem: '中国共产党成立于____年。',
      type: 'fill',
      tags: ['党史'],
      answered: 30,
      correct: 9,
      rate: 0.3,
    },
    {
      questionId: 'q1',
      stem: '党的最高领导机关是？',
      type: 'single',
      tags: ['党章'],
      answered: 30,
      correct: 27,
      rate: 0.9,
    },
  ],
  // The server sends the weakest first; the page keeps that order.
  tags: [
    { tag: '党史', answered: 30, correct: 9, rate: 0.3 },
    { tag: '党章', answered: 60, correct: 50, rate: 50 / 60 },
  ],
  children: [
    {
      orgId: 'b1',
      orgName: '和平社区第一支部',
      expected: 20,
      participated: 18,
      passed: { count: 12, ofParticipants: 12 / 18, ofExpected: 12 / 20 },
      excellent: { count: 4, ofParticipants: 4 / 18, ofExpected: 4 / 20 },
    },
    {
      orgId: 'b2',
      orgName: '和平社区第二支部',
      expected: 22,
      participated: 0,
      passed: { count: 0, ofParticipants: null, ofExpected: 0 },
      excellent: { count: 0, ofParticipants: null, ofExpected: 0 },
    },
  ],
}
