import ExcelJS from 'exceljs'

import { ownerFolder } from '../../cloudfunctions/common/storage-paths'
import type { AttemptView, ExamInput } from '../../cloudfunctions/contract/quiz.contract'
import { type Backend, DEMO, failed, ok, startBackend, type Stored } from '../support/backend'

let backend: Backend
let clock: jest.SpyInstance<number, []> | null = null
beforeEach(async () => {
  backend = await startBackend()
})
afterEach(async () => {
  clock?.mockRestore()
  clock = null
  await backend.close()
})

const MINUTE = 60_000
/** More bound members of the demo street: member-2 and -3 in 和平社区 (org-c1), member-4 in 光明社区. */
const PEOPLE = { member2: 'demo-member-2', member3: 'demo-member-3', member4: 'demo-member-4' }
/** Moves the server's clock (the functions run in this process and read Date.now). */
function setNow(ms: number) {
  clock?.mockRestore()
  clock = jest.spyOn(Date, 'now').mockReturnValue(ms)
}

/** Unique texts, so a leak scan can look for them in every response. */
const FILL_ANSWER = (i: number) => `秘答${i}号`
const EXPLAIN = (i: number) => `解析文字第${i}条`

/** A bank in the documented JSON format: single (党章), multiple (党史), judge (纪律), fill (党章 + 理论). */
function bankJson(perType = 6) {
  const rows: Record<string, unknown>[] = []
  for (let i = 0; i < perType; i++) {
    rows.push({
      type: '单选',
      stem: `单选题${i}：党的最高领导机关是？`,
      options: ['全国代表大会和中央委员会', '中央政治局', '中央书记处', '中央军委'],
      answer: 'A',
      tags: ['党章'],
      explanation: EXPLAIN(i),
    })
    rows.push({
      type: '多选',
      stem: `多选题${i}：以下属于“四个意识”的是？`,
      options: ['政治意识', '大局意识', '核心意识', '看齐意识', '市场意识'],
      answer: 'ABCD',
      tags: ['党史'],
      explanation: EXPLAIN(100 + i),
    })
    rows.push({
      type: '判断',
      stem: `判断题${i}：党员有权在党的会议上批评党的任何组织和任何党员。`,
      answer: '正确',
      tags: ['纪律'],
      explanation: EXPLAIN(200 + i),
    })
    rows.push({
      type: '填空',
      stem: `填空题${i}：中国共产党成立于____年。`,
      answer: [`${FILL_ANSWER(i)}|一九二一`],
      tags: ['党章', '理论'],
      explanation: EXPLAIN(300 + i),
    })
  }
  return rows
}

async function importBank(rows = bankJson()) {
  return ok(await backend.call(DEMO.admin, 'quiz', 'bank/import', { format: 'json', questions: rows }))
}

/** An .xlsx bank, uploaded to storage as the street admin: its fileID. */
async function xlsx(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('题库')
  rows.forEach((r) => sheet.addRow(r))
  return backend.upload(DEMO.admin, Buffer.from(await workbook.xlsx.writeBuffer()))
}

function examInput(overrides: Partial<ExamInput> = {}): ExamInput {
  const now = Date.now()
  return {
    title: '十一月党章党史测试',
    orgId: 'org-c1',
    mode: 'random',
    draws: [
      { type: 'single', count: 4 },
      { type: 'multiple', count: 2 },
      { type: 'judge', count: 2 },
      { type: 'fill', count: 2 },
    ],
    points: { single: 10, multiple: 10, judge: 10, fill: 10 },
    timeLimitMinutes: 30,
    opensAt: now - MINUTE,
    closesAt: now + 24 * 60 * MINUTE,
    ...overrides,
  }
}

async function publish(overrides: Partial<ExamInput> = {}, who: string = DEMO.secretary1) {
  const exam = ok(await backend.call(who, 'quiz', 'exam/create', examInput(overrides)))
  return ok(await backend.call(who, 'quiz', 'exam/publish', { examId: exam.id }))
}

/** The right answers of a paper, read from the database (as a test may; a client never can). */
async function rightAnswers(attempt: AttemptView): Promise<Record<string, string[]>> {
  const doc = (await backend.docs('quiz_attempts')).find((a) => a._id === attempt.id) as Stored
  return Object.fromEntries(
    (doc.paper as Stored[]).map((p) => [p.questionId, p.type === 'fill' ? [p.answer[0]] : p.answer]),
  )
}

const quizCollections = (snap: Record<string, unknown[]>) =>
  Object.fromEntries(Object.entries(snap).filter(([k]) => k.startsWith('quiz_')))

describe('question bank import', () => {
  it('reports exactly the bad JSON rows with their reasons and stores nothing', async () => {
    const good = bankJson(1)
    const rows = [
      ...good,
      { type: '单选', stem: '答案不在选项中？', options: ['甲', '乙'], answer: 'C' },
      { type: '单选', stem: '   ', options: ['甲', '乙'], answer: 'A' },
      { type: '问答', stem: '未知题型', answer: '随便' },
      { type: '填空', stem: '答案不是文字____', answer: { text: 'x' } },
      { type: '填空', stem: '答案是 [object Object]____', answer: '[object Object]' },
      { ...good[0] },
      { type: '判断', stem: '判断答案写错了', answer: '也许' },
    ]
    const before = await backend.snapshot()
    const result = failed(
      await backend.call(DEMO.admin, 'quiz', 'bank/import', { format: 'json', questions: rows }),
    )
    expect(result.code).toBe('QUIZ.IMPORT_INVALID')
    const errors = (result.details as { errors: { row: number; reason: string }[] }).errors
    expect(errors.map((e) => e.row)).toEqual([5, 6, 7, 8, 9, 10, 11])
    expect(errors[0].reason).toContain('答案C不在选项中')
    expect(errors[1].reason).toContain('题干为空')
    expect(errors[2].reason).toContain('题型应为')
    expect(errors[3].reason).toContain('答案不是文字')
    expect(errors[4].reason).toContain('答案不是文字')
    expect(errors[5].reason).toContain('与第1行的题目重复')
    expect(errors[6].reason).toContain('判断题答案应为')
    expect(result.message).toBe('题库有 7 行有误，未导入任何题目，请修改后重新导入')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('reports the bad rows of an .xlsx by spreadsheet row number, stores nothing, then imports a fixed file', async () => {
    const header = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '知识点', '解析']
    const rows = [
      header,
      ['单选', '党的根本宗旨是？', '全心全意为人民服务', '发展经济', '', '', 'A', '党章', '见党章总纲'],
      ['多选', '三会一课包括？', '支部党员大会', '支部委员会', '党小组会', '党课', 'ABCE', '组织生活', ''],
      ['判断', '', '', '', '', '', '正确', '', ''],
      ['填空', '我们党的最高理想是实现____。', '', '', '', '', '共产主义', '理想信念', ''],
      ['简答', '谈谈你的体会', '', '', '', '', '略', '', ''],
      ['单选', '党的根本宗旨是？', '全心全意为人民服务', '发展经济', '', '', 'B', '党章', ''],
    ]
    const fileID = await xlsx(rows)
    const before = await backend.snapshot()
    const result = failed(await backend.call(DEMO.admin, 'quiz', 'bank/import', { format: 'xlsx', fileID }))
    const errors = (result.details as { errors: { row: number; reason: string }[] }).errors
    expect(errors).toEqual([
      { row: 3, reason: '答案E不在选项中' },
      { row: 4, reason: '题干为空' },
      { row: 6, reason: '题型应为单选、多选、判断或填空' },
      { row: 7, reason: '与第2行的题目重复' },
    ])
    expect(await backend.snapshot()).toEqual(before)

    const fixed = [rows[0], rows[1], rows[4]]
    const done = ok(
      await backend.call(DEMO.admin, 'quiz', 'bank/import', {
        format: 'xlsx',
        fileID: await xlsx(fixed),
      }),
    )
    expect(done.imported).toBe(2)
    const stored = await backend.docs('quiz_questions')
    expect(stored.map((q) => q.type).sort()).toEqual(['fill', 'single'])
    const single = stored.find((q) => q.type === 'single') as Stored
    expect(single.answer).toEqual([single.options[0].id])
    expect(single.explanation).toBe('见党章总纲')
  })

  it('refuses an unreadable file and a question already in the bank', async () => {
    await importBank(bankJson(1))
    expect(
      failed(
        await backend.call(DEMO.admin, 'quiz', 'bank/import', {
          format: 'xlsx',
          fileID: await backend.upload(DEMO.admin, Buffer.from('PK\x03\x04 not a workbook', 'latin1')),
        }),
      ).code,
    ).toBe('QUIZ.FILE_UNREADABLE')
    const again = failed(
      await backend.call(DEMO.admin, 'quiz', 'bank/import', { format: 'json', questions: bankJson(1) }),
    )
    expect((again.details as { errors: { reason: string }[] }).errors.map((e) => e.reason)).toEqual(
      Array(4).fill('题库中已有相同的题目'),
    )
  })

  it('exports the bank as an .xlsx in the import format, written to storage behind a temporary URL', async () => {
    await importBank(bankJson(2))
    const file = ok(await backend.call(DEMO.admin, 'quiz', 'bank/export', {}))
    expect(file.count).toBe(8)
    expect(file.fileName).toMatch(/^题库-\d{8}\.xlsx$/)
    // In the admin's own export folder, signed, for ten minutes.
    const url = new URL(file.url, 'http://host')
    const cloudPath = url.pathname.replace('/local/files/', '')
    expect(cloudPath).toMatch(new RegExp(`^exports/${ownerFolder(DEMO.admin)}/[0-9a-f-]{36}\\.xlsx$`))
    expect(url.searchParams.get('sign')).toMatch(/^[0-9a-f]{64}$/)
    expect(file.expiresAt - Date.now()).toBeGreaterThan(9 * 60_000)
    expect(file.expiresAt - Date.now()).toBeLessThanOrEqual(10 * 60_000)
    const bytes = await backend.stored(`cloud://local.local/${cloudPath}`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(1)).toEqual(expect.arrayContaining(['题型', '题干', '选项A', '答案', '知识点', '解析']))
    const all = Array.from({ length: 8 }, (_, i) => values(i + 2))
    expect(all.find((r) => r[0] === '多选')).toEqual(expect.arrayContaining(['ABCD', '党史']))
    expect(all.find((r) => r[0] === '填空')).toEqual(expect.arrayContaining([`${FILL_ANSWER(0)}|一九二一`]))
    expect(all.find((r) => r[0] === '判断')).toEqual(expect.arrayContaining(['正确']))
    // Exported then re-imported: every row is a duplicate, so the round trip keeps one copy.
    const fileID = await backend.upload(DEMO.admin, bytes as Buffer)
    const back = failed(await backend.call(DEMO.admin, 'quiz', 'bank/import', { format: 'xlsx', fileID }))
    expect((back.details as { errors: unknown[] }).errors).toHaveLength(8)
  })
})

describe('keeping the bank', () => {
  it('lets the street admin add, edit and remove a question, with answers shown to the admin only', async () => {
    const added = ok(
      await backend.call(DEMO.admin, 'quiz', 'bank/save', {
        question: {
          type: 'multiple',
          stem: '新时代党的建设总要求包括？',
          options: ['政治建设', '思想建设', '吃喝'],
          answer: ['A', 'B'],
          tags: ['党建'],
        },
      }),
    )
    expect(added.answer).toEqual([added.options[0].id, added.options[1].id])
    const edited = ok(
      await backend.call(DEMO.admin, 'quiz', 'bank/save', {
        questionId: added.id,
        question: {
          type: 'multiple',
          stem: '新时代党的建设总要求包括？',
          options: ['政治建设', '思想建设', '组织建设'],
          answer: ['A', 'B', 'C'],
          tags: ['党建'],
          explanation: '见十九大报告',
        },
      }),
    )
    expect(edited.options.slice(0, 2)).toEqual(added.options.slice(0, 2))
    expect(edited.answer).toHaveLength(3)
    const adminList = ok(await backend.call(DEMO.admin, 'quiz', 'bank/list', {}))
    expect(adminList.mayEdit).toBe(true)
    expect(adminList.items[0].answer).toHaveLength(3)
    const secretaryList = ok(await backend.call(DEMO.secretary1, 'quiz', 'bank/list', {}))
    expect(secretaryList.mayEdit).toBe(false)
    expect(JSON.stringify(secretaryList)).not.toMatch(/"answer"|"explanation"|见十九大报告/)
    ok(await backend.call(DEMO.admin, 'quiz', 'bank/remove', { questionId: added.id }))
    expect(await backend.docs('quiz_questions')).toHaveLength(0)
  })

  it('refuses a bad question, and anyone but the street admin, changing nothing', async () => {
    await importBank(bankJson(1))
    const [q] = await backend.docs('quiz_questions')
    const before = await backend.snapshot()
    const bad = failed(
      await backend.call(DEMO.admin, 'quiz', 'bank/save', {
        question: { type: 'single', stem: '答案不在选项', options: ['甲', '乙'], answer: ['D'] },
      }),
    )
    expect(bad).toMatchObject({ code: 'QUIZ.QUESTION_INVALID', message: '题目有误：答案D不在选项中' })
    for (const who of [DEMO.secretary1, DEMO.inspector, DEMO.member1]) {
      expect(
        failed(await backend.call(who, 'quiz', 'bank/import', { format: 'json', questions: bankJson(1) }))
          .code,
      ).toBe('COMMON.FORBIDDEN')
      expect(failed(await backend.call(who, 'quiz', 'bank/remove', { questionId: String(q._id) })).code).toBe(
        'COMMON.FORBIDDEN',
      )
      expect(failed(await backend.call(who, 'quiz', 'bank/export', {})).code).toBe('COMMON.FORBIDDEN')
    }
    for (const who of [DEMO.member1, DEMO.inspector])
      expect(failed(await backend.call(who, 'quiz', 'bank/list', {})).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await backend.call(DEMO.resident1, 'quiz', 'bank/list', {})).code).toBe('COMMON.NOT_BOUND')
    expect(failed(await backend.call(null, 'quiz', 'bank/list', {})).code).toBe('COMMON.UNAUTHENTICATED')
    expect(await backend.snapshot()).toEqual(before)
  })
})

describe('setting and publishing exams', () => {
  it('refuses to publish a random exam whose draws the bank cannot fill, naming the short draw', async () => {
    await importBank(bankJson(3))
    const exam = ok(
      await backend.call(
        DEMO.secretary1,
        'quiz',
        'exam/create',
        examInput({
          draws: [
            { tag: '党章', count: 5 },
            { type: 'fill', count: 2 },
          ],
        }),
      ),
    )
    const before = await backend.snapshot()
    const short = failed(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: exam.id }))
    expect(short.code).toBe('QUIZ.DRAW_SHORT')
    // 党章 has 3 single + 3 fill, the fills are also the second draw's: 6 questions for 7 places.
    const { shortages } = short.details as { shortages: { found: number; wanted: number }[] }
    expect(shortages.reduce((s, x) => s + x.wanted - x.found, 0)).toBe(1)
    expect(short.message).toMatch(
      /第[12]组（.+）需要[52]题，题库中符合的\d题与其他组重复，不重复的只够[41]题/,
    )
    expect(await backend.snapshot()).toEqual(before)
    const tooFew = ok(
      await backend.call(
        DEMO.secretary1,
        'quiz',
        'exam/create',
        examInput({ draws: [{ tag: '纪律', count: 9 }] }),
      ),
    )
    expect(
      failed(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: tooFew.id })).message,
    ).toBe('题库题目不够，不能发布：第1组（任意题型·知识点“纪律”）需要9题，题库中只够3题')
  })

  it('publishes, fixes 应考 from the roster, and refuses changes afterwards', async () => {
    await importBank()
    const exam = await publish({ categories: ['在职'] })
    const members = (await backend.docs('members')).filter(
      (m) => (m.orgPath as string[]).includes('org-c1') && m.category === '在职',
    )
    expect(exam.status).toBe('published')
    expect(exam.expectedCount).toBe(members.length)
    expect((await backend.docs('quiz_expected')).map((e) => e.memberId).sort()).toEqual(
      members.map((m) => m._id).sort(),
    )
    const before = await backend.snapshot()
    expect(
      failed(await backend.call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: exam.id })).code,
    ).toBe('QUIZ.EXAM_PUBLISHED')
    expect(
      failed(await backend.call(DEMO.secretary1, 'quiz', 'exam/update', { examId: exam.id, ...examInput() }))
        .code,
    ).toBe('QUIZ.EXAM_PUBLISHED')
    expect(failed(await backend.call(DEMO.secretary1, 'quiz', 'exam/remove', { examId: exam.id })).code).toBe(
      'QUIZ.EXAM_PUBLISHED',
    )
    expect(await backend.snapshot()).toEqual(before)
  })

  it('keeps exams in the setter’s subtree: other secretaries, members and bad input change nothing', async () => {
    await importBank()
    const before = await backend.snapshot()
    const cases: Array<[string, unknown, string]> = [
      [DEMO.secretary2, examInput(), 'COMMON.FORBIDDEN'],
      [DEMO.branchSecretary1, examInput(), 'COMMON.FORBIDDEN'],
      [DEMO.member1, examInput(), 'COMMON.FORBIDDEN'],
      [DEMO.inspector, examInput(), 'COMMON.FORBIDDEN'],
      [DEMO.secretary1, { ...examInput(), passLine: 95, excellentLine: 90 }, 'QUIZ.EXAM_INVALID'],
      [DEMO.secretary1, { ...examInput(), closesAt: Date.now() - 2 * MINUTE }, 'QUIZ.EXAM_INVALID'],
      [DEMO.secretary1, { ...examInput(), mode: 'fixed' }, 'QUIZ.EXAM_INVALID'],
      [DEMO.secretary1, { ...examInput(), passLine: 101 }, 'COMMON.INVALID_INPUT'],
      [DEMO.secretary1, { ...examInput(), createdBy: 'someone' }, 'COMMON.INVALID_INPUT'],
      [DEMO.secretary1, { ...examInput(), draws: [{ type: 'essay', count: 1 }] }, 'COMMON.INVALID_INPUT'],
      [DEMO.secretary1, { ...examInput(), timeLimitMinutes: '30' }, 'COMMON.INVALID_INPUT'],
    ]
    for (const [who, data, code] of cases)
      expect(failed(await backend.raw(who, 'quiz', { action: 'exam/create', data })).code).toBe(code)
    expect(await backend.snapshot()).toEqual(before)
  })

  it('lists exams by subtree: the setter manages, the secretary below reads, the other community sees nothing', async () => {
    await importBank()
    const street = await publish({ orgId: 'org-street', title: '全街道党章测试' }, DEMO.admin)
    const mine = await publish({ title: '和平社区测试' })
    const own = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/list', {}))
    expect(own.items.map((e) => [e.title, e.mayManage])).toEqual([
      ['和平社区测试', true],
      ['全街道党章测试', false],
    ])
    const other = ok(await backend.call(DEMO.secretary2, 'quiz', 'exam/list', {}))
    expect(other.items.map((e) => e.id)).toEqual([street.id])
    expect(failed(await backend.call(DEMO.secretary2, 'quiz', 'exam/get', { examId: mine.id })).code).toBe(
      'COMMON.FORBIDDEN',
    )
    expect(failed(await backend.call(DEMO.member1, 'quiz', 'exam/list', {})).code).toBe('COMMON.FORBIDDEN')
  })
})

describe('taking an exam', () => {
  it('gives the paper without answers, shuffles options per attempt, saves as it goes and scores on the server', async () => {
    await importBank()
    const exam = await publish()
    const responses: string[] = []
    const keep = <T>(r: T) => (responses.push(JSON.stringify(r)), r)

    const list = ok(keep(await backend.call(DEMO.member1, 'quiz', 'exam/mine', {})))
    expect(list.items).toEqual([expect.objectContaining({ id: exam.id, state: 'open', attemptsUsed: 0 })])
    const attempt = ok(keep(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id })))
    expect(attempt.questions).toHaveLength(10)
    expect(new Set(attempt.questions.map((q) => q.id)).size).toBe(10)
    expect(attempt.deadline).toBe(attempt.startedAt + 30 * MINUTE)

    const right = await rightAnswers(attempt)
    const [first, second, ...rest] = attempt.questions
    ok(
      keep(
        await backend.call(DEMO.member1, 'quiz', 'attempt/save', {
          attemptId: attempt.id,
          answers: { [first.id]: right[first.id] },
        }),
      ),
    )
    // A dropped connection: the app reopens and gets the same paper with the saved answer.
    const resumed = ok(keep(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id })))
    expect(resumed.id).toBe(attempt.id)
    expect(resumed.questions).toEqual(attempt.questions)
    expect(resumed.answers).toEqual({ [first.id]: right[first.id] })
    keep(await backend.call(DEMO.member1, 'quiz', 'attempt/get', { attemptId: attempt.id }))
    // Everything but one question right.
    const answers = Object.fromEntries(rest.map((q) => [q.id, right[q.id]]))
    ok(keep(await backend.call(DEMO.member1, 'quiz', 'attempt/save', { attemptId: attempt.id, answers })))

    // Nothing the member received so far carries an answer or an explanation.
    const docs = await backend.docs('quiz_questions')
    for (const body of responses) {
      expect(body).not.toMatch(/"answer"|"correct"|"explanation"|"review":\[/)
      for (const q of docs) {
        if (q.type === 'fill') for (const a of q.answer as string[]) expect(body).not.toContain(a)
        if (q.explanation) expect(body).not.toContain(q.explanation)
      }
    }
    expect(second.type).toBeDefined()

    const done = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/submit', { attemptId: attempt.id }))
    expect(done.status).toBe('over')
    expect(done.result).toMatchObject({ score: 90, passed: true, excellent: true, late: false })
    // The default reveal is after the exam closes.
    expect(done.review).toBeNull()
    expect(done.reviewNote).toBe('考试结束后可查看答案和解析')

    const other = ok(await backend.call(PEOPLE.member2, 'quiz', 'attempt/start', { examId: exam.id }))
    const orders = (a: AttemptView) =>
      a.questions.filter((q) => q.type === 'multiple').map((q) => q.options.map((o) => o.text).join())
    const otherStarts = [other]
    for (const who of [PEOPLE.member3, DEMO.secretary1, DEMO.branchSecretary1])
      otherStarts.push(ok(await backend.call(who, 'quiz', 'attempt/start', { examId: exam.id })))
    const seen = new Set([attempt, ...otherStarts].flatMap(orders))
    expect(seen.size).toBeGreaterThan(1)
  })

  it('grades by option id whatever the order, with partial credit and fill-in normalisation', async () => {
    await importBank()
    const exam = await publish({
      draws: [
        { type: 'multiple', count: 2 },
        { type: 'fill', count: 2 },
      ],
      multipleRule: 'partial',
      reveal: 'after_submit',
    })
    const attempt = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
    const right = await rightAnswers(attempt)
    const [m1, m2] = attempt.questions.filter((q) => q.type === 'multiple')
    const [f1, f2] = attempt.questions.filter((q) => q.type === 'fill')
    const answers = {
      [m1.id]: right[m1.id].slice(0, 2), // a correct subset: half
      [m2.id]: [...right[m2.id]].reverse(), // all, in another order: full
      [f1.id]: [' 一 九 二 一 '], // an alternative, with spaces: full
      [f2.id]: ['1921年'], // wrong
    }
    const done = ok(
      await backend.call(DEMO.member1, 'quiz', 'attempt/submit', { attemptId: attempt.id, answers }),
    )
    expect(done.result?.score).toBe(62.5)
    expect(done.review?.map((r) => [r.questionId, r.credit])).toEqual(
      expect.arrayContaining([
        [m1.id, 1],
        [m2.id, 2],
        [f1.id, 2],
        [f2.id, 0],
      ]),
    )
    expect(done.review?.find((r) => r.questionId === f1.id)?.explanation).toMatch(/^解析文字/)
  })

  it('refuses answers that do not belong to the paper, and other members’ attempts', async () => {
    await importBank()
    const exam = await publish()
    const attempt = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
    const single = attempt.questions.find((q) => q.type === 'single')!
    const before = await backend.snapshot()
    const bad: Array<[string, unknown, string]> = [
      [DEMO.member1, { attemptId: attempt.id, answers: { nope: ['x'] } }, 'QUIZ.BAD_ANSWER'],
      [DEMO.member1, { attemptId: attempt.id, answers: { [single.id]: ['zzz'] } }, 'QUIZ.BAD_ANSWER'],
      [
        DEMO.member1,
        { attemptId: attempt.id, answers: { [single.id]: single.options.slice(0, 2).map((o) => o.id) } },
        'QUIZ.BAD_ANSWER',
      ],
      [DEMO.member1, { attemptId: attempt.id, answers: { 'a.b': ['x'] } }, 'COMMON.INVALID_INPUT'],
      [DEMO.member1, { attemptId: attempt.id, answers: { [single.id]: 'A' } }, 'COMMON.INVALID_INPUT'],
      [PEOPLE.member2, { attemptId: attempt.id, answers: {} }, 'QUIZ.ATTEMPT_NOT_FOUND'],
    ]
    for (const [who, data, code] of bad)
      expect(failed(await backend.raw(who, 'quiz', { action: 'attempt/save', data })).code).toBe(code)
    expect(
      failed(await backend.call(PEOPLE.member2, 'quiz', 'attempt/submit', { attemptId: attempt.id })).code,
    ).toBe('QUIZ.ATTEMPT_NOT_FOUND')
    expect(
      failed(await backend.call(PEOPLE.member4, 'quiz', 'attempt/start', { examId: exam.id })).code,
    ).toBe('QUIZ.NOT_EXPECTED')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('owns the deadline: a late save is refused, a late submission is graded on what was saved', async () => {
    await importBank()
    const now = Date.now()
    setNow(now)
    const exam = await publish({ timeLimitMinutes: 10, opensAt: now - MINUTE, closesAt: now + 60 * MINUTE })
    const attempt = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
    expect(attempt.deadline).toBe(now + 10 * MINUTE)
    const right = await rightAnswers(attempt)
    const [a, ...others] = attempt.questions
    ok(
      await backend.call(DEMO.member1, 'quiz', 'attempt/save', {
        attemptId: attempt.id,
        answers: { [a.id]: right[a.id] },
      }),
    )

    setNow(now + 10 * MINUTE)
    const everything = Object.fromEntries(others.map((q) => [q.id, right[q.id]]))
    const late = failed(
      await backend.call(DEMO.member1, 'quiz', 'attempt/save', {
        attemptId: attempt.id,
        answers: everything,
      }),
    )
    expect(late.code).toBe('QUIZ.DEADLINE_PASSED')
    const done = ok(
      await backend.call(DEMO.member1, 'quiz', 'attempt/submit', {
        attemptId: attempt.id,
        answers: everything,
      }),
    )
    expect(done.result).toMatchObject({ score: 10, passed: false, late: true })
    // The second submission changes nothing and answers the first one's result.
    const before = await backend.snapshot()
    const again = ok(
      await backend.call(DEMO.member1, 'quiz', 'attempt/submit', {
        attemptId: attempt.id,
        answers: everything,
      }),
    )
    expect(again.result).toEqual(done.result)
    expect(await backend.snapshot()).toEqual(before)
  })

  it('caps the deadline at the window’s close, refuses before it opens and after it closes', async () => {
    await importBank()
    const now = Date.now()
    setNow(now)
    const later = await publish({
      opensAt: now + 60 * MINUTE,
      closesAt: now + 120 * MINUTE,
      title: '晚些开考',
    })
    expect(
      failed(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: later.id })),
    ).toMatchObject({
      code: 'QUIZ.NOT_OPEN',
    })
    const closing = await publish({ timeLimitMinutes: 30, closesAt: now + 5 * MINUTE, title: '快结束了' })
    const attempt = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: closing.id }))
    expect(attempt.deadline).toBe(now + 5 * MINUTE)
    setNow(now + 6 * MINUTE)
    expect(
      failed(await backend.call(PEOPLE.member2, 'quiz', 'attempt/start', { examId: closing.id })).code,
    ).toBe('QUIZ.CLOSED')
    // The member who never pressed 交卷 is graded on what was saved (nothing) when they look again.
    const view = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/get', { attemptId: attempt.id }))
    expect(view.result).toMatchObject({ score: 0, late: true })
    // After the close, the review is shown (reveal: after_close).
    expect(view.review).toHaveLength(10)
  })

  it('allows the set number of attempts and counts the best or the last', async () => {
    await importBank()
    for (const counting of ['best', 'last'] as const) {
      const exam = await publish({ attemptsAllowed: 2, counting, title: `两次机会-${counting}` })
      const first = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
      const right = await rightAnswers(first)
      ok(await backend.call(DEMO.member1, 'quiz', 'attempt/submit', { attemptId: first.id, answers: right }))
      const second = ok(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id }))
      expect(second.n).toBe(2)
      ok(await backend.call(DEMO.member1, 'quiz', 'attempt/submit', { attemptId: second.id }))
      expect(
        failed(await backend.call(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id })),
      ).toMatchObject({
        code: 'QUIZ.NO_ATTEMPTS_LEFT',
        message: '你的2次作答机会已用完',
      })
      const mine = ok(await backend.call(DEMO.member1, 'quiz', 'exam/mine', {})).items.find(
        (e) => e.id === exam.id,
      )
      expect(mine?.counted?.score).toBe(counting === 'best' ? 100 : 0)
      const stats = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/stats', { examId: exam.id }))
      expect(stats.passed.count).toBe(counting === 'best' ? 1 : 0)
    }
  })
})

describe('results for the secretary', () => {
  it('gives 应考/参考/合格/优秀, both rates, the distribution and item analysis equal to direct counts', async () => {
    await importBank()
    const exam = await publish({ orgId: 'org-street', title: '全街道测试' }, DEMO.admin)
    // Members answer 10, 8, 5 and 0 questions right; member-4 is in another community.
    const plan: Array<[string, number]> = [
      [DEMO.member1, 10],
      [PEOPLE.member2, 8],
      [PEOPLE.member3, 5],
      [DEMO.branchSecretary1, 0],
      [PEOPLE.member4, 9],
    ]
    for (const [who, rightCount] of plan) {
      const a = ok(await backend.call(who, 'quiz', 'attempt/start', { examId: exam.id }))
      const right = await rightAnswers(a)
      const answers = Object.fromEntries(a.questions.slice(0, rightCount).map((q) => [q.id, right[q.id]]))
      ok(await backend.call(who, 'quiz', 'attempt/submit', { attemptId: a.id, answers }))
    }
    // Practice never counts.
    ok(await backend.call(DEMO.member1, 'quiz', 'practice/today', {}))

    const stats = ok(await backend.call(DEMO.secretary1, 'quiz', 'exam/stats', { examId: exam.id }))
    expect(stats.orgId).toBe('org-c1')
    const c1 = (await backend.docs('members')).filter((m) => (m.orgPath as string[]).includes('org-c1'))
    expect(stats.expected).toBe(c1.length)
    expect(stats.participated).toBe(4)
    expect(stats.passed).toEqual({ count: 2, ofParticipants: 2 / 4, ofExpected: 2 / c1.length })
    expect(stats.excellent).toEqual({ count: 1, ofParticipants: 1 / 4, ofExpected: 1 / c1.length })
    expect(stats.distribution.map((d) => d.count)).toEqual([2, 0, 0, 1, 1])
    expect(stats.children.map((c) => [c.orgId, c.participated])).toEqual([
      ['org-c1-b1', 1],
      ['org-c1-b2', 2],
      ['org-c1-b3', 1],
    ])
    // Item analysis against a direct count over the stored attempts.
    const attemptsC1 = (await backend.docs('quiz_attempts')).filter((a) =>
      (a.orgPath as string[]).includes('org-c1'),
    )
    const tagRows = new Map<string, [number, number]>()
    for (const a of attemptsC1)
      for (const r of a.results as Stored[])
        for (const t of r.tags as string[]) {
          const row = tagRows.get(t) ?? [0, 0]
          tagRows.set(t, [row[0] + 1, row[1] + (r.credit === 2 ? 1 : 0)])
        }
    for (const t of stats.tags) expect([t.answered, t.correct]).toEqual(tagRows.get(t.tag))
    const rates = stats.tags.map((t) => t.rate)
    expect(rates).toEqual([...rates].sort((a, b) => a - b))
    expect(stats.questions.reduce((s, q) => s + q.answered, 0)).toBe(40)
    expect(JSON.stringify(stats)).not.toMatch(/"answer"|解析文字|秘答/)

    const street = ok(await backend.call(DEMO.admin, 'quiz', 'exam/stats', { examId: exam.id }))
    expect(street.participated).toBe(5)
    expect(
      failed(await backend.call(DEMO.secretary2, 'quiz', 'exam/stats', { examId: exam.id, orgId: 'org-c1' }))
        .code,
    ).toBe('COMMON.FORBIDDEN')
    expect(failed(await backend.call(DEMO.member1, 'quiz', 'exam/stats', { examId: exam.id })).code).toBe(
      'QUIZ.EXAM_NOT_FOUND',
    )
  })
})

describe('每日一练', () => {
  it('draws one set a day without answers, checks an answer with its explanation, and never touches exams', async () => {
    await importBank()
    const today = ok(await backend.call(DEMO.member1, 'quiz', 'practice/today', {}))
    expect(today.questions).toHaveLength(10)
    expect(JSON.stringify(today)).not.toMatch(/"answer"|解析文字|秘答/)
    const again = ok(await backend.call(DEMO.member1, 'quiz', 'practice/today', {}))
    expect(again.questions.map((q) => q.id)).toEqual(today.questions.map((q) => q.id))
    const judge = today.questions.find((q) => q.type === 'judge') ?? today.questions[0]
    const before = quizCollections(await backend.snapshot())
    const check = ok(
      await backend.call(DEMO.member1, 'quiz', 'practice/check', {
        questionId: judge.id,
        answer: judge.type === 'judge' ? ['T'] : [judge.options[0]?.id ?? 'x'],
      }),
    )
    expect(check.explanation).toMatch(/^解析文字/)
    const after = quizCollections(await backend.snapshot())
    expect(after.quiz_attempts).toEqual(before.quiz_attempts)
    expect(after.quiz_expected).toEqual(before.quiz_expected)
    expect(ok(await backend.call(DEMO.member1, 'quiz', 'practice/today', {})).checked).toHaveLength(1)
    const [other] = await backend
      .docs('quiz_questions')
      .then((qs) => qs.filter((q) => !today.questions.some((t) => t.id === q._id)))
    expect(
      failed(
        await backend.call(DEMO.member1, 'quiz', 'practice/check', {
          questionId: String(other._id),
          answer: ['x'],
        }),
      ).code,
    ).toBe('QUIZ.PRACTICE_NOT_FOUND')
    expect(failed(await backend.call(DEMO.resident1, 'quiz', 'practice/today', {})).code).toBe(
      'COMMON.NOT_BOUND',
    )
  })
})
