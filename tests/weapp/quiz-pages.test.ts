/**
 * 党建考核, 每日一练, 题库管理, 考试管理 and 考试成绩统计 (sub-package packages/quiz) of the real weapp build:
 * what a member, a secretary and the street admin see and do, and exactly what the pages send.
 */
import type { Fail, Result } from '@contract/envelope'
import { formatMessage } from '@contract/errors'
import type {
  ExamStatsView,
  ExamView,
  MyExamView,
  PracticeCheck,
  PracticeView,
  QuestionPage,
} from '@contract/quiz.contract'

import { backend, deferred, fail, ok } from './backend'
import { loadPage, type PageHarness, parseUrl } from './harness'
import {
  BANK_QUESTIONS,
  bankPage,
  examView,
  MEMBER,
  myExam,
  PRACTICE,
  SECRETARY,
  STATS,
  STREET_ADMIN,
} from './quiz-fixtures'

const HOME = 'packages/quiz/pages/index/index'
const PRACTICE_PAGE = 'packages/quiz/pages/practice/index'
const BANK = 'packages/quiz/pages/bank/index'
const MANAGE = 'packages/quiz/pages/manage/index'
const RESULTS = 'packages/quiz/pages/results/index'

const DAY = 24 * 60 * 60 * 1000
const NO_PERMISSION = '你没有使用此功能的权限，如有需要请联系街道党工委'
const INTERNAL = formatMessage('COMMON.INTERNAL')

const lines = (page: PageHarness) => page.text().split('\n')

/** The line shown right after `label` (a figure's value next to its label). */
function valueAfter(page: PageHarness, label: string): string | undefined {
  const all = lines(page)
  const at = all.indexOf(label)
  return at < 0 ? undefined : all[at + 1]
}

/** What the page sent for an action, in order. */
const sent = (page: PageHarness, action: string) =>
  page.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data.data)

/** The options marked as the right answer (shown green), by their text. */
const markedRight = (page: PageHarness) =>
  Array.from(page.dom.querySelectorAll('.quiz-option--right')).map((el) =>
    (el.textContent ?? '').replace(/\s+/g, ''),
  )

describe('党建考核', () => {
  const EXAMS = [
    myExam({ id: 'e1', title: '十一月党章测试', questionCount: 10 }),
    myExam({
      id: 'e2',
      title: '十二月党史测试',
      state: 'upcoming',
      questionCount: 20,
      opensAt: Date.now() + DAY,
      closesAt: Date.now() + 2 * DAY,
    }),
    myExam({
      id: 'e3',
      title: '十月廉政测试',
      state: 'closed',
      questionCount: 15,
      attemptsUsed: 1,
      lastAttemptId: 'e3_m1_1',
      counted: { score: 85.5, passed: true, excellent: false },
    }),
  ]

  test('lists the member’s exams with their state, the score of a finished one, and what can be done', async () => {
    const mine = deferred<Result<{ items: MyExamView[] }>>()
    const page = await loadPage(HOME, {
      cloud: backend({ 'account/me': () => ok(MEMBER), 'exam/mine': () => mine.promise }),
    })
    await page.waitForText('正在加载…')
    expect(page.text()).toContain('每日一练')
    mine.resolve(ok({ items: EXAMS }))
    await page.waitForText('十一月党章测试')
    expect(page.hasText('正在加载…')).toBe(false)
    const shown = lines(page)
    expect(shown).toEqual(
      expect.arrayContaining([
        '我的考试',
        '进行中 · 10题 · 限时30分钟 · 和平社区党委',
        '未开始 · 20题 · 限时30分钟 · 和平社区党委',
        '已结束 · 15题 · 限时30分钟 · 和平社区党委',
        '成绩：85.5分（合格）',
      ]),
    )
    // What the paper is worth, as the exam page's header and its questions' points add up to.
    expect(page.text()).toMatch(/满分100分，合格60分，优秀90分/)
    // Only the open exam can be started, only the finished one has a result; one of each button.
    expect(shown.filter((l) => l === '开始答题')).toHaveLength(1)
    expect(shown.filter((l) => l === '查看成绩')).toHaveLength(1)
    // A member without roles sees no management tiles.
    expect(page.hasText('考试管理')).toBe(false)
    expect(page.hasText('题库管理')).toBe(false)
    expect(sent(page, 'exam/mine')).toEqual([{}])
  })

  test('开始答题 on an open exam opens the exam page for it, 查看成绩 opens the finished attempt', async () => {
    const page = await loadPage(HOME, {
      cloud: backend({ 'account/me': () => ok(MEMBER), 'exam/mine': () => ok({ items: EXAMS }) }),
    })
    await page.tap('开始答题')
    await page.waitFor(() => page.navigations.length === 1)
    expect(page.navigations[0].type).toBe('navigateTo')
    expect(parseUrl(page.navigations[0].url ?? '')).toEqual({
      route: 'packages/quiz/pages/exam/index',
      query: { examId: 'e1' },
    })
    await page.tap('查看成绩')
    await page.waitFor(() => page.navigations.length === 2)
    expect(parseUrl(page.navigations[1].url ?? '')).toEqual({
      route: 'packages/quiz/pages/exam/index',
      query: { attemptId: 'e3_m1_1' },
    })
  })

  test('an attempt under way is resumed with 继续答题, by its attempt', async () => {
    const page = await loadPage(HOME, {
      cloud: backend({
        'account/me': () => ok(MEMBER),
        'exam/mine': () => ok({ items: [myExam({ attemptsUsed: 1, openAttemptId: 'e1_m1_1' })] }),
      }),
    })
    await page.tap('继续答题')
    await page.waitFor(() => page.navigations.length === 1)
    expect(parseUrl(page.navigations[0].url ?? '').query).toEqual({ attemptId: 'e1_m1_1' })
  })

  test('每日一练 opens the practice page; a secretary also gets 考试管理 but not 题库管理', async () => {
    const page = await loadPage(HOME, {
      cloud: backend({ 'account/me': () => ok(SECRETARY), 'exam/mine': () => ok({ items: [] }) }),
    })
    await page.waitForText('考试管理')
    expect(page.hasText('题库管理')).toBe(false)
    await page.tap('每日一练')
    await page.waitFor(() => page.navigations.length === 1)
    expect(page.navigations[0]).toEqual({ type: 'navigateTo', url: '/packages/quiz/pages/practice/index' })
  })

  test('no exams reads 目前没有需要参加的考试', async () => {
    const page = await loadPage(HOME, {
      cloud: backend({ 'account/me': () => ok(MEMBER), 'exam/mine': () => ok({ items: [] }) }),
    })
    await page.waitForText('目前没有需要参加的考试')
    expect(page.hasText('开始答题')).toBe(false)
  })

  test('a failed load shows the message, and 重试 loads the list', async () => {
    let n = 0
    const page = await loadPage(HOME, {
      cloud: backend({
        'account/me': () => ok(MEMBER),
        'exam/mine': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok({ items: EXAMS })),
      }),
    })
    await page.waitForText(INTERNAL)
    await page.tap('重试')
    await page.waitForText('十一月党章测试')
    expect(page.hasText(INTERNAL)).toBe(false)
    expect(sent(page, 'exam/mine')).toHaveLength(2)
  })
})

describe('每日一练', () => {
  const right = (patch: Partial<PracticeCheck> = {}): PracticeCheck => ({
    questionId: 'p1',
    correct: true,
    answer: ['k2'],
    explanation: '见党章第十条',
    ...patch,
  })

  test('today’s questions show with their options and no answer; 核对 waits for a choice', async () => {
    const today = deferred<Result<PracticeView>>()
    const page = await loadPage(PRACTICE_PAGE, { cloud: backend({ 'practice/today': () => today.promise }) })
    await page.waitForText('正在加载…')
    today.resolve(ok(PRACTICE))
    await page.waitForText('今日练习 0/2')
    expect(lines(page)).toEqual(
      expect.arrayContaining([
        '1. 单选题',
        '党的最高领导机关是？',
        '中央政治局',
        '全国代表大会和中央委员会',
        '2. 多选题 可选多项',
        '政治意识',
        '大局意识',
        '练习不计入考试成绩，每天更新一组题目。',
      ]),
    )
    expect(page.hasText(/解析|答对了|答错了/)).toBe(false)
    expect(markedRight(page)).toEqual([])
    expect(page.isDisabled('核对第1题')).toBe(true)
    expect(page.isDisabled('核对第2题')).toBe(true)
  })

  test('核对 sends the chosen option and shows the verdict, the right answer and the explanation', async () => {
    const page = await loadPage(PRACTICE_PAGE, {
      cloud: backend({ 'practice/today': () => ok(PRACTICE), 'practice/check': () => ok(right()) }),
    })
    await page.tap('中央政治局')
    await page.tap('全国代表大会和中央委员会')
    await page.tap('核对第1题')
    await page.waitForText('✓ 答对了')
    expect(sent(page, 'practice/check')).toEqual([{ questionId: 'p1', answer: ['k2'] }])
    expect(page.text()).toContain('解析：见党章第十条')
    expect(page.text()).toContain('今日练习 1/2')
    expect(markedRight(page)).toEqual(['B全国代表大会和中央委员会'])
    expect(page.hasText('核对第1题')).toBe(false)
    // A checked question is locked.
    await page.tap('中央政治局')
    expect(markedRight(page)).toEqual(['B全国代表大会和中央委员会'])
    expect(sent(page, 'practice/check')).toHaveLength(1)
  })

  test('a multiple-choice question sends every chosen option; a wrong one says so, with 暂无解析', async () => {
    const page = await loadPage(PRACTICE_PAGE, {
      cloud: backend({
        'practice/today': () => ok(PRACTICE),
        'practice/check': ({ questionId }) =>
          ok(right({ questionId, correct: false, answer: ['a1', 'c3'], explanation: null })),
      }),
    })
    await page.tap('政治意识')
    await page.tap('市场意识')
    await page.tap('核对第2题')
    await page.waitForText('✗ 答错了')
    expect(sent(page, 'practice/check')).toEqual([{ questionId: 'p2', answer: ['a1', 'b2'] }])
    expect(page.text()).toContain('解析：暂无解析')
    expect(markedRight(page)).toEqual(['A政治意识', 'C大局意识'])
  })

  test('a question in an exam under way is not checked: QUIZ.PRACTICE_PAUSED says why', async () => {
    const page = await loadPage(PRACTICE_PAGE, {
      cloud: backend({
        'practice/today': () => ok(PRACTICE),
        'practice/check': () => fail('QUIZ.PRACTICE_PAUSED'),
      }),
    })
    await page.tap('全国代表大会和中央委员会')
    await page.tap('核对第1题')
    await page.waitForText(formatMessage('QUIZ.PRACTICE_PAUSED'))
    expect(page.hasText(/答对了|答错了|解析/)).toBe(false)
    expect(page.text()).toContain('今日练习 0/2')
    expect(page.isDisabled('核对第1题')).toBe(false)
  })

  test('questions checked earlier today come back checked', async () => {
    const page = await loadPage(PRACTICE_PAGE, {
      cloud: backend({ 'practice/today': () => ok({ ...PRACTICE, checked: [right()] }) }),
    })
    await page.waitForText('今日练习 1/2')
    expect(page.text()).toContain('✓ 答对了')
    expect(page.hasText('核对第1题')).toBe(false)
    expect(page.hasText('核对第2题')).toBe(true)
  })

  test('an empty bank reads 题库中还没有题目，请稍后再来', async () => {
    const page = await loadPage(PRACTICE_PAGE, {
      cloud: backend({ 'practice/today': () => ok({ ...PRACTICE, questions: [] }) }),
    })
    await page.waitForText('题库中还没有题目，请稍后再来')
    expect(page.hasText('今日练习')).toBe(false)
  })

  test('a failed load shows the message, and 重试 loads today’s questions', async () => {
    let n = 0
    const page = await loadPage(PRACTICE_PAGE, {
      cloud: backend({ 'practice/today': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok(PRACTICE)) }),
    })
    await page.waitForText(INTERNAL)
    await page.tap('重试')
    await page.waitForText('今日练习 0/2')
    expect(page.hasText(INTERNAL)).toBe(false)
  })
})

describe('题库管理', () => {
  const JSON_PLACEHOLDER = '或粘贴 JSON'
  const pasted = {
    questions: [
      { type: '单选', stem: '党的根本组织原则是？', options: ['民主集中制', '集体领导'], answer: 'A' },
      { type: '判断', stem: '预备党员的预备期为一年。', answer: '正确', tags: ['党章'] },
    ],
  }

  test('the street admin sees the bank with each question’s type, answer and knowledge points', async () => {
    const list = deferred<Result<QuestionPage>>()
    const page = await loadPage(BANK, {
      cloud: backend({ 'account/me': () => ok(STREET_ADMIN), 'bank/list': () => list.promise }),
    })
    await page.waitForText('正在加载…')
    list.resolve(ok(bankPage()))
    await page.waitForText('题库共 3 题')
    expect(lines(page)).toEqual(
      expect.arrayContaining([
        '[单选题] 党的最高领导机关是？ 答案：B 〔党章、组织〕',
        '[判断题] 党员有权在党的会议上批评党的任何组织和任何党员。 答案：正确',
        '[填空题] 中国共产党成立于____年。 答案：1921 | 一九二一 〔党史〕',
        '导入题库',
      ]),
    )
    expect(sent(page, 'bank/list')).toEqual([{ limit: 50 }])
  })

  test('停用 asks first and retires the question; 已停用 lists the retired ones', async () => {
    const page = await loadPage(BANK, {
      cloud: backend({
        'account/me': () => ok(STREET_ADMIN),
        'bank/list': (input) =>
          ok(input.show === 'retired' ? bankPage([{ ...BANK_QUESTIONS[0], retired: true }]) : bankPage()),
        'bank/retire': ({ questionId }) => ok({ ...BANK_QUESTIONS[0], id: questionId, retired: true }),
      }),
    })
    await page.waitForText('题库共 3 题')
    await page.tap('停用')
    await page.waitForText('已停用，这道题不会再被抽到')
    expect(page.modals[0]).toMatchObject({ title: '停用题目' })
    expect(sent(page, 'bank/retire')).toEqual([{ questionId: 'q1' }])
    await page.tap('已停用')
    await page.waitForText('〔已停用〕[单选题] 党的最高领导机关是？ 答案：B 〔党章、组织〕')
    expect(sent(page, 'bank/list').at(-1)).toEqual({ limit: 50, show: 'retired' })
    expect(lines(page)).not.toContain('停用')
  })

  test('编辑 opens the question with its options and answer, and 保存修改 sends it back', async () => {
    const page = await loadPage(BANK, {
      cloud: backend({
        'account/me': () => ok(STREET_ADMIN),
        'bank/list': () => ok(bankPage()),
        'bank/save': ({ questionId, question }) =>
          ok({ ...BANK_QUESTIONS[0], id: questionId ?? 'q1', stem: question.stem }),
      }),
    })
    await page.waitForText('题库共 3 题')
    await page.tap('编辑')
    await page.waitForText('编辑单选题')
    expect(page.valueOf('#question-stem')).toBe('党的最高领导机关是？')
    await page.tap('保存修改')
    await page.waitForText('已保存修改')
    expect(sent(page, 'bank/save')).toEqual([
      {
        questionId: 'q1',
        question: {
          type: 'single',
          stem: '党的最高领导机关是？',
          options: ['中央政治局', '全国代表大会和中央委员会'],
          answer: ['B'],
          tags: ['党章', '组织'],
          explanation: '见党章第十条',
        },
      },
    ])
  })

  test('pasted JSON is sent as it reads, and the imported count shows with the bank reloaded', async () => {
    let imported = false
    const page = await loadPage(BANK, {
      cloud: backend({
        'account/me': () => ok(STREET_ADMIN),
        'bank/list': () => ok(bankPage(imported ? BANK_QUESTIONS : BANK_QUESTIONS.slice(0, 1))),
        'bank/import': () => {
          imported = true
          return ok({ imported: 2 })
        },
      }),
    })
    await page.waitForText('题库共 1 题')
    expect(page.isDisabled('导入 JSON')).toBe(true)
    await page.input(JSON_PLACEHOLDER, JSON.stringify(pasted, null, 2))
    await page.tap('导入 JSON')
    await page.waitForText('已导入 2 题')
    expect(sent(page, 'bank/import')).toEqual([{ format: 'json', questions: pasted.questions }])
    await page.waitForText('题库共 3 题')
    expect(sent(page, 'bank/list')).toHaveLength(2)
  })

  test('QUIZ.IMPORT_INVALID lists each bad row by number and says nothing was imported', async () => {
    const invalid: Fail = {
      ...fail('QUIZ.IMPORT_INVALID', { count: 1 }),
      details: { errors: [{ row: 2, reason: '题干为空' }] },
    }
    const page = await loadPage(BANK, {
      cloud: backend({
        'account/me': () => ok(STREET_ADMIN),
        'bank/list': () => ok(bankPage()),
        'bank/import': () => invalid,
      }),
    })
    await page.input(JSON_PLACEHOLDER, JSON.stringify(pasted))
    await page.tap('导入 JSON')
    await page.waitForText('第2行：题干为空')
    expect(page.text()).toContain('题库有 1 行有误，未导入任何题目，请修改后重新导入')
    expect(page.hasText('已导入')).toBe(false)
    expect(sent(page, 'bank/list')).toHaveLength(1)
    // The text stays for correcting it.
    expect(page.valueOf(JSON_PLACEHOLDER)).toBe(JSON.stringify(pasted))
  })

  const SHEET = { name: '题库.xlsx', size: 30 * 1024, path: 'wxfile://tmp/bank.xlsx' }
  const TICKET = {
    cloudPath: 'uploads/3f2a9c0e5b7d41e8a6c4f0b1d2e3a4b5/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f.xlsx',
    maxBytes: 1048576,
  }
  const EXPORTED = {
    fileName: '题库-20251201.xlsx',
    url: 'https://7465-env-1250000000.tcb.qcloud.la/exports/3f2a/e1.xlsx?sign=abc&t=1',
    expiresAt: Date.now() + 600_000,
    count: 3,
  }

  test('导入 Excel uploads the chosen file to storage and sends only its fileID', async () => {
    const page = await loadPage(BANK, {
      cloud: backend({
        'account/me': () => ok(STREET_ADMIN),
        'bank/list': () => ok(bankPage()),
        'upload/prepare': () => ok(TICKET),
        'bank/import': () => ok({ imported: 18 }),
      }),
      chooseMessageFile: () => [SHEET],
    })
    await page.waitForText('题库共 3 题')
    await page.tap('选择 Excel')
    await page.waitForText('已选择：题库.xlsx')
    await page.tap('导入 Excel')
    await page.waitForText('已导入 18 题')
    expect(sent(page, 'upload/prepare')).toEqual([{ kind: 'xlsx' }])
    expect(page.uploads).toEqual([{ cloudPath: TICKET.cloudPath, filePath: SHEET.path }])
    expect(sent(page, 'bank/import')).toEqual([
      { format: 'xlsx', fileID: `cloud://test/${TICKET.cloudPath}` },
    ])
  })

  test('导出 downloads the exported file under its own name and opens it with the forward menu', async () => {
    const exported = deferred<Result<typeof EXPORTED>>()
    const page = await loadPage(BANK, {
      cloud: backend({
        'account/me': () => ok(STREET_ADMIN),
        'bank/list': () => ok(bankPage()),
        'bank/export': () => exported.promise,
      }),
    })
    await page.tap('导出题库为 Excel')
    await page.waitForText('正在导出…')
    expect(page.isDisabled('导出题库为 Excel')).toBe(true)
    exported.resolve(ok(EXPORTED))
    await page.waitForText('已导出 3 题：题库-20251201.xlsx')
    expect(page.downloads).toEqual([{ url: EXPORTED.url, filePath: 'wxfile://usr/题库-20251201.xlsx' }])
    expect(page.documents).toEqual([
      { filePath: 'wxfile://usr/题库-20251201.xlsx', fileType: 'xlsx', showMenu: true },
    ])
    expect(page.isDisabled('导出题库为 Excel')).toBe(false)
  })

  test('an export that cannot be downloaded says so, and opens nothing', async () => {
    const page = await loadPage(BANK, {
      cloud: backend({
        'account/me': () => ok(STREET_ADMIN),
        'bank/list': () => ok(bankPage()),
        'bank/export': () => ok(EXPORTED),
      }),
      downloadFile: () => ({ statusCode: 403 }),
    })
    await page.tap('导出题库为 Excel')
    await page.waitForText('文件下载失败，请检查网络后重试')
    expect(page.documents).toEqual([])
    expect(page.hasText('已导出')).toBe(false)
  })

  test('pasted JSON too large for one call is refused on the phone, pointing to Excel', async () => {
    const page = await loadPage(BANK, {
      cloud: backend({ 'account/me': () => ok(STREET_ADMIN), 'bank/list': () => ok(bankPage()) }),
    })
    const many = Array.from({ length: 500 }, (_, i) => ({
      type: '判断',
      stem: `第${i + 1}题：党员必须履行党章规定的义务，这是每一名共产党员的基本要求。`.repeat(3),
      answer: '正确',
    }))
    await page.input(JSON_PLACEHOLDER, JSON.stringify({ questions: many }))
    await page.tap('导入 JSON')
    await page.waitForText('粘贴的内容过多（一次最多约6万字），请分几次粘贴，或改用 Excel 导入')
    expect(sent(page, 'bank/import')).toEqual([])
  })

  test('text that is not JSON is refused on the phone, without a call', async () => {
    const page = await loadPage(BANK, {
      cloud: backend({ 'account/me': () => ok(STREET_ADMIN), 'bank/list': () => ok(bankPage()) }),
    })
    await page.input(JSON_PLACEHOLDER, '{"questions": [')
    await page.tap('导入 JSON')
    await page.waitForText('不是有效的 JSON，请检查括号和引号是否成对')
    expect(sent(page, 'bank/import')).toEqual([])
  })

  test('an empty bank reads 题库还是空的，请先导入题目', async () => {
    const page = await loadPage(BANK, {
      cloud: backend({ 'account/me': () => ok(STREET_ADMIN), 'bank/list': () => ok(bankPage([])) }),
    })
    await page.waitForText('题库还是空的，请先导入题目')
    expect(page.text()).toContain('导入题库')
  })

  test('a failed load shows the message, and 重试 loads the bank', async () => {
    let n = 0
    const page = await loadPage(BANK, {
      cloud: backend({
        'account/me': () => ok(STREET_ADMIN),
        'bank/list': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok(bankPage())),
      }),
    })
    await page.waitForText(INTERNAL)
    await page.tap('重试')
    await page.waitForText('题库共 3 题')
    expect(page.hasText(INTERNAL)).toBe(false)
  })

  test('a secretary without bank.manage is told so and sees neither the bank nor the import', async () => {
    const page = await loadPage(BANK, {
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'bank/list': () => fail('COMMON.FORBIDDEN'),
      }),
    })
    await page.waitForText(NO_PERMISSION)
    expect(page.hasText('导入题库')).toBe(false)
    expect(page.hasText('题库共')).toBe(false)
    expect(page.hasText('导出题库为 Excel')).toBe(false)
  })
})

describe('考试管理', () => {
  const EXAMS: ExamView[] = [
    examView({ id: 'e1', title: '十一月党章测试' }),
    examView({
      id: 'e2',
      title: '十二月党史测试',
      status: 'draft',
      state: 'upcoming',
      questionCount: 8,
      expectedCount: null,
    }),
  ]
  const TAGS = {
    totals: { single: 12, multiple: 6, judge: 9, fill: 3 },
    tags: [
      { tag: '党章', counts: { single: 8, multiple: 4, judge: 5, fill: 1 } },
      { tag: '党史', counts: { single: 4, multiple: 2, judge: 4, fill: 2 } },
    ],
  }
  const published = (exam: ExamView): ExamView => ({ ...exam, status: 'published', expectedCount: 42 })

  test('lists the exams: drafts with 删除 and 发布, published ones with 应考 and 查看成绩', async () => {
    const page = await loadPage(MANAGE, {
      cloud: backend({ 'account/me': () => ok(SECRETARY), 'exam/list': () => ok({ items: EXAMS }) }),
    })
    await page.waitForText('十二月党史测试')
    const shown = lines(page)
    expect(shown).toEqual(
      expect.arrayContaining([
        '新建考试',
        '十一月党章测试',
        '进行中 · 和平社区党委 · 10题 · 应考42人',
        '草稿 · 和平社区党委 · 8题',
        '删除',
        '发布',
        '查看成绩',
      ]),
    )
    expect(shown.filter((l) => l === '发布')).toHaveLength(1)
    await page.tap('查看成绩')
    await page.waitFor(() => page.navigations.length === 1)
    expect(parseUrl(page.navigations[0].url ?? '')).toEqual({
      route: 'packages/quiz/pages/results/index',
      query: { examId: 'e1' },
    })
  })

  test('新建考试 with a random paper sends exam/create with the entered settings, then publishes it', async () => {
    let created: ExamView | null = null
    const page = await loadPage(MANAGE, {
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/list': () => ok({ items: created ? [published(created), ...EXAMS] : EXAMS }),
        'bank/tags': () => ok(TAGS),
        'bank/list': () => ok({ ...bankPage(), mayEdit: false }),
        'exam/create': (input) => {
          created = examView({ ...input, id: 'e9', status: 'draft', expectedCount: null })
          return ok(created)
        },
        'exam/publish': ({ examId }) => ok(published({ ...(created as ExamView), id: examId })),
      }),
    })
    await page.tap('新建考试')
    await page.waitForText('单选题（题库12题）')
    expect(page.isDisabled('发布考试')).toBe(true)
    await page.input('考试名称', '十二月党史知识测试')
    await page.tap('党史')
    await page.waitForText('单选题（题库4题）')
    await page.input('单选题题数', '4')
    await page.input('多选题题数', '2')
    await page.input('判断题题数', '0')
    await page.input('填空题题数', '1')
    await page.input('答题时长（分钟）', '45')
    await page.input('开放天数（从现在起）', '3')
    await page.input('合格线（分）', '70')
    await page.input('优秀线（分）', '95')
    await page.input('可作答次数', '2')
    await page.tap('取最后一次')
    await page.tap('少选得一半分')
    await page.tap('交卷后')
    const before = Date.now()
    await page.tap('发布考试')
    await page.waitForText('已发布“十二月党史知识测试”')

    const [create] = sent(page, 'exam/create') as { opensAt: number; closesAt: number }[]
    expect(create).toEqual({
      title: '十二月党史知识测试',
      orgId: 'c1',
      mode: 'random',
      questionIds: [],
      draws: [
        { type: 'single', count: 4, tag: '党史' },
        { type: 'multiple', count: 2, tag: '党史' },
        { type: 'fill', count: 1, tag: '党史' },
      ],
      points: { single: 2, multiple: 3, judge: 1, fill: 2 },
      passLine: 70,
      excellentLine: 95,
      timeLimitMinutes: 45,
      opensAt: expect.any(Number),
      closesAt: expect.any(Number),
      attemptsAllowed: 2,
      counting: 'last',
      multipleRule: 'partial',
      reveal: 'after_submit',
    })
    expect(create.opensAt).toBeGreaterThanOrEqual(before)
    expect(create.opensAt).toBeLessThanOrEqual(Date.now())
    expect(create.closesAt - create.opensAt).toBe(3 * DAY)
    expect(sent(page, 'exam/publish')).toEqual([{ examId: 'e9' }])
    // The editor closes and the reloaded list shows the new exam, published.
    await page.waitFor(() => lines(page).includes('十二月党史知识测试'), 3000, 'the new exam in the list')
    expect(lines(page).filter((l) => l === '进行中 · 和平社区党委 · 10题 · 应考42人')).toHaveLength(2)
    expect(page.hasText('发布考试')).toBe(false)
    expect(page.text()).toContain('新建考试')
  })

  test('发布 on a draft sends exam/publish for it and reports it published', async () => {
    let done = false
    const page = await loadPage(MANAGE, {
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/list': () => ok({ items: done ? [EXAMS[0], published(EXAMS[1])] : EXAMS }),
        'exam/publish': ({ examId }) => {
          done = true
          return ok(published(EXAMS.find((e) => e.id === examId) as ExamView))
        },
      }),
    })
    await page.tap('发布')
    await page.waitForText('已发布“十二月党史测试”')
    expect(sent(page, 'exam/publish')).toEqual([{ examId: 'e2' }])
    // The list reloads after publishing: wait for it to settle, not just for the draft line to go.
    await page.waitFor(
      () => lines(page).filter((l) => l === '查看成绩').length === 2,
      3000,
      'the reloaded list with both exams published',
    )
    expect(page.hasText('草稿 · 和平社区党委 · 8题')).toBe(false)
    expect(lines(page).filter((l) => l === '发布')).toHaveLength(0)
  })

  // Publishing fixes 应考 and cannot be undone (QUIZ.EXAM_PUBLISHED), so the page asks first, as 删除 does.
  test('发布 asks for confirmation first, and cancelling publishes nothing', async () => {
    const page = await loadPage(MANAGE, {
      modal: () => false,
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/list': () => ok({ items: EXAMS }),
        'exam/publish': ({ examId }) => ok(published(EXAMS.find((e) => e.id === examId) as ExamView)),
      }),
    })
    await page.tap('发布')
    await page.waitFor(() => page.modals.length === 1, 3000, 'a confirmation')
    expect(page.modals[0].title).toBe('发布考试')
    expect(sent(page, 'exam/publish')).toEqual([])
    expect(page.hasText('已发布')).toBe(false)
  })

  test('删除 asks first and removes the draft only when confirmed', async () => {
    const page = await loadPage(MANAGE, {
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/list': () => ok({ items: EXAMS }),
        'exam/remove': () => ok({ removed: true as const }),
      }),
    })
    await page.tap('删除')
    await page.waitForText('已删除草稿')
    expect(page.modals).toEqual([{ title: '删除草稿', content: '确定删除这个考试草稿吗？' }])
    expect(sent(page, 'exam/remove')).toEqual([{ examId: 'e2' }])
  })

  test('QUIZ.DRAW_SHORT on 发布 shows the message with the shortage', async () => {
    const detail = '单选题·知识点“党史”需要4题，题库只有3题'
    const page = await loadPage(MANAGE, {
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/list': () => ok({ items: EXAMS }),
        'exam/publish': () => fail('QUIZ.DRAW_SHORT', { detail }),
      }),
    })
    await page.tap('发布')
    await page.waitForText(formatMessage('QUIZ.DRAW_SHORT', { detail }))
    expect(page.text()).toContain(`题库题目不够，不能发布：${detail}`)
    await page.waitForText('草稿 · 和平社区党委 · 8题') // still a draft once the list has reloaded
  })

  test('a new exam the bank cannot fill stays a draft in the editor, with the shortage', async () => {
    const detail = '填空题需要5题，题库只有3题'
    const page = await loadPage(MANAGE, {
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/list': () => ok({ items: EXAMS }),
        'bank/tags': () => ok(TAGS),
        'bank/list': () => ok(bankPage()),
        'exam/create': (input) => ok(examView({ ...input, id: 'e9', status: 'draft', expectedCount: null })),
        'exam/publish': () => fail('QUIZ.DRAW_SHORT', { detail }),
      }),
    })
    await page.tap('新建考试')
    await page.input('考试名称', '填空专项')
    await page.input('填空题题数', '5')
    await page.tap('发布考试')
    await page.waitForText(`已保存为草稿。${formatMessage('QUIZ.DRAW_SHORT', { detail })}`)
    expect(page.text()).toContain('发布考试')
    expect(page.valueOf('考试名称')).toBe('填空专项')
  })

  test('发布 tapped again after the shortage is fixed publishes the same draft: never a second exam', async () => {
    let short = true
    const page = await loadPage(MANAGE, {
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/list': () => ok({ items: EXAMS }),
        'bank/tags': () => ok(TAGS),
        'bank/list': () => ok(bankPage()),
        'exam/create': (input) => ok(examView({ ...input, id: 'e9', status: 'draft', expectedCount: null })),
        'exam/update': (input) => ok(examView({ ...input, id: input.examId, status: 'draft' })),
        'exam/publish': ({ examId }) =>
          short
            ? fail('QUIZ.DRAW_SHORT', { detail: '填空题需要5题，题库只有3题' })
            : ok(published(examView({ id: examId, title: '填空专项' }))),
      }),
    })
    await page.tap('新建考试')
    await page.input('考试名称', '填空专项')
    await page.input('填空题题数', '5')
    await page.tap('发布考试')
    await page.waitForText(/已保存为草稿/)
    expect(page.text()).toContain('编辑考试草稿')
    // The secretary lowers the count (or the bank keeper adds questions) and taps 发布考试 again.
    short = false
    await page.input('填空题题数', '3')
    await page.tap('发布考试')
    await page.waitForText('已发布“填空专项”')
    expect(sent(page, 'exam/create')).toHaveLength(1)
    expect(sent(page, 'exam/update')).toEqual([expect.objectContaining({ examId: 'e9', title: '填空专项' })])
    expect(sent(page, 'exam/publish')).toEqual([{ examId: 'e9' }, { examId: 'e9' }])
  })

  test('a draft opens in the editor with its settings, and 保存草稿 changes that draft', async () => {
    const page = await loadPage(MANAGE, {
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/list': () => ok({ items: EXAMS }),
        'bank/tags': () => ok(TAGS),
        'bank/list': () => ok(bankPage()),
        'exam/update': (input) => ok(examView({ ...input, id: input.examId, status: 'draft' })),
      }),
    })
    await page.tap('编辑')
    await page.waitForText('编辑考试草稿')
    expect(page.valueOf('考试名称')).toBe('十二月党史测试')
    await page.input('考试名称', '十二月党史测试（修订）')
    await page.tap('保存草稿')
    await page.waitForText('已保存草稿“十二月党史测试（修订）”')
    expect(sent(page, 'exam/update')).toEqual([
      expect.objectContaining({ examId: 'e2', title: '十二月党史测试（修订）' }),
    ])
    expect(sent(page, 'exam/create')).toEqual([])
  })

  test('提前结束 on an open exam asks first, then closes it', async () => {
    const page = await loadPage(MANAGE, {
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/list': () => ok({ items: EXAMS }),
        'exam/close': ({ examId }) =>
          ok(examView({ id: examId, state: 'closed', closesAt: Date.now(), closedEarlyAt: Date.now() })),
      }),
    })
    await page.tap('提前结束')
    await page.waitForText('已结束“十一月党章测试”')
    expect(page.modals[0]).toMatchObject({ title: '提前结束考试' })
    expect(page.modals[0].content).toContain('按已保存的答案评分')
    expect(sent(page, 'exam/close')).toEqual([{ examId: 'e1' }])
  })

  test('no exams reads 还没有考试，点“新建考试”开始', async () => {
    const page = await loadPage(MANAGE, {
      cloud: backend({ 'account/me': () => ok(SECRETARY), 'exam/list': () => ok({ items: [] }) }),
    })
    await page.waitForText('还没有考试，点“新建考试”开始')
  })

  test('a failed load shows the message, and 重试 loads the exams', async () => {
    let n = 0
    const page = await loadPage(MANAGE, {
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/list': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok({ items: EXAMS })),
      }),
    })
    await page.waitForText(INTERNAL)
    await page.tap('重试')
    await page.waitForText('十一月党章测试')
    expect(page.hasText(INTERNAL)).toBe(false)
  })

  test('a member without quiz.manage is told so', async () => {
    const page = await loadPage(MANAGE, {
      cloud: backend({ 'account/me': () => ok(MEMBER), 'exam/list': () => fail('COMMON.FORBIDDEN') }),
    })
    await page.waitForText(NO_PERMISSION)
    expect(page.hasText('新建考试')).toBe(false)
  })
})

describe('考试成绩统计', () => {
  test('shows 应考, 参考, 合格 and 优秀 with both rates, half up to one decimal with their counts', async () => {
    const stats = deferred<Result<ExamStatsView>>()
    const page = await loadPage(RESULTS, {
      query: { examId: 'e1' },
      cloud: backend({ 'account/me': () => ok(SECRETARY), 'exam/stats': () => stats.promise }),
    })
    await page.waitForText('正在统计…')
    stats.resolve(ok(STATS))
    await page.waitForText('十一月党章测试 · 和平社区党委')
    expect(sent(page, 'exam/stats')).toEqual([{ examId: 'e1' }])
    expect(valueAfter(page, '应考')).toBe('42人')
    expect(valueAfter(page, '参考')).toBe('30人')
    expect(valueAfter(page, '参考率')).toBe('71.4%（30/42）')
    expect(valueAfter(page, '合格（≥60分）')).toBe('20人')
    // 20/30 = 66.67%: rounded half up, as every rate in the product.
    expect(valueAfter(page, '合格率（按参考）')).toBe('66.7%（20/30）')
    expect(valueAfter(page, '合格率（按应考）')).toBe('47.6%（20/42）')
    expect(valueAfter(page, '优秀（≥90分）')).toBe('7人')
    expect(valueAfter(page, '优秀率（按参考）')).toBe('23.3%（7/30）')
    expect(valueAfter(page, '优秀率（按应考）')).toBe('16.7%（7/42）')
    expect(lines(page)).toEqual(expect.arrayContaining(['60分以下：10人', '90分及以上：7人']))
  })

  test('lists the organisations below, and the weakest knowledge points and questions first', async () => {
    const page = await loadPage(RESULTS, {
      query: { examId: 'e1' },
      cloud: backend({ 'account/me': () => ok(SECRETARY), 'exam/stats': () => ok(STATS) }),
    })
    await page.waitForText('下级组织')
    expect(valueAfter(page, '和平社区第一支部')).toBe('参考18/20 合格率66.7%（12/18） 优秀率22.2%（4/18）')
    // Nobody took part: no rate rather than 0%.
    expect(valueAfter(page, '和平社区第二支部')).toBe('参考0/22 合格率— 优秀率—')
    expect(valueAfter(page, '党史')).toBe('30.0%（9/30）')
    expect(valueAfter(page, '党章')).toBe('83.3%（50/60）')
    const shown = lines(page)
    const at = (line: string) => shown.indexOf(line)
    expect(at('知识点正确率（薄弱在前）')).toBeLessThan(at('党史'))
    expect(at('党史')).toBeLessThan(at('党章'))
    expect(at('[填空题] 中国共产党成立于____年。')).toBeLessThan(at('[单选题] 党的最高领导机关是？'))
    expect(valueAfter(page, '[填空题] 中国共产党成立于____年。')).toBe('30.0%（9/30）')
  })

  const BRANCH: ExamStatsView = {
    ...STATS,
    orgId: 'b1',
    orgName: '和平社区第一支部',
    expected: 20,
    participated: 18,
    participationRate: 0.9,
    children: [],
  }
  const drillable = () =>
    backend({
      'account/me': () => ok(SECRETARY),
      'exam/stats': ({ orgId }) => ok(orgId === 'b1' ? BRANCH : STATS),
    })

  test('tapping an organisation below asks for its own figures and shows them', async () => {
    const page = await loadPage(RESULTS, { query: { examId: 'e1' }, cloud: drillable() })
    await page.tap('和平社区第一支部')
    await page.waitForText('十一月党章测试 · 和平社区第一支部')
    expect(sent(page, 'exam/stats')).toEqual([{ examId: 'e1' }, { examId: 'e1', orgId: 'b1' }])
    expect(valueAfter(page, '应考')).toBe('20人')
    expect(valueAfter(page, '参考')).toBe('18人')
    expect(valueAfter(page, '参考率')).toBe('90.0%（18/20）')
    expect(page.hasText('下级组织')).toBe(false)
    expect(page.text()).toContain('‹ 返回上一级统计')
  })

  // A tappable <Text> here froze the page in Taro 4.1.11 (NervJS/taro#19453) when it became the loading text;
  // the page uses a View, and this test holds it to that.
  test('返回上一级统计 goes back to the organisation’s own figures', async () => {
    const page = await loadPage(RESULTS, { query: { examId: 'e1' }, cloud: drillable() })
    await page.tap('和平社区第一支部')
    await page.waitForText('十一月党章测试 · 和平社区第一支部')
    await page.tap('‹ 返回上一级统计')
    await page.waitForText('十一月党章测试 · 和平社区党委', 1500)
    expect(sent(page, 'exam/stats')).toEqual([
      { examId: 'e1' },
      { examId: 'e1', orgId: 'b1' },
      { examId: 'e1' },
    ])
    expect(page.hasText('‹ 返回上一级统计')).toBe(false)
    expect(page.errors).toEqual([])
  })

  test('before anyone hands in, the rates read — and the knowledge points say 还没有人交卷', async () => {
    const none: ExamStatsView = {
      ...STATS,
      participated: 0,
      participationRate: 0,
      passed: { count: 0, ofParticipants: null, ofExpected: 0 },
      excellent: { count: 0, ofParticipants: null, ofExpected: 0 },
      questions: [],
      tags: [],
      children: [],
    }
    const page = await loadPage(RESULTS, {
      query: { examId: 'e1' },
      cloud: backend({ 'account/me': () => ok(SECRETARY), 'exam/stats': () => ok(none) }),
    })
    await page.waitForText('还没有人交卷')
    expect(valueAfter(page, '参考')).toBe('0人')
    expect(valueAfter(page, '参考率')).toBe('0.0%（0/42）')
    expect(valueAfter(page, '合格率（按参考）')).toBe('—')
    expect(valueAfter(page, '合格率（按应考）')).toBe('0.0%（0/42）')
  })

  test('a failed load shows the message, and 重试 computes the figures again', async () => {
    let n = 0
    const page = await loadPage(RESULTS, {
      query: { examId: 'e1' },
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/stats': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok(STATS)),
      }),
    })
    await page.waitForText(formatMessage('COMMON.INTERNAL'))
    await page.tap('重试')
    await page.waitForText('十一月党章测试 · 和平社区党委')
    expect(sent(page, 'exam/stats')).toEqual([{ examId: 'e1' }, { examId: 'e1' }])
  })

  test('a member without stats.read is told so', async () => {
    const page = await loadPage(RESULTS, {
      query: { examId: 'e1' },
      cloud: backend({ 'account/me': () => ok(MEMBER), 'exam/stats': () => fail('COMMON.FORBIDDEN') }),
    })
    await page.waitForText(NO_PERMISSION)
    expect(page.hasText('应考')).toBe(false)
  })
})
