/** 答题 (sub-package page packages/quiz/pages/exam/index) of the real weapp build. */
import { formatMessage } from '@contract/errors'
import type { AttemptView, SaveReceipt } from '@contract/quiz.contract'

import { backend, fail, ok } from './backend'
import { driveClock, passTime } from './clock'
import { loadPage } from './harness'

const EXAM = 'packages/quiz/pages/exam/index'

/** A paper as the server sends it: no answers anywhere. The server's clock runs an hour ahead of the phone. */
function paper(secondsLeft: number, serverAhead = 3_600_000): AttemptView {
  const serverNow = Date.now() + serverAhead
  return {
    id: 'e1_m1_1',
    examId: 'e1',
    examTitle: '十一月党章测试',
    n: 1,
    attemptsAllowed: 1,
    passLine: 60,
    excellentLine: 90,
    status: 'open',
    startedAt: serverNow - 60_000,
    deadline: serverNow + secondsLeft * 1000,
    serverNow,
    questions: [
      {
        id: 'q1',
        type: 'single',
        stem: '党的最高领导机关是？',
        points: 2,
        options: [
          { id: 'x7', text: '中央政治局' },
          { id: 'k2', text: '全国代表大会和中央委员会' },
        ],
      },
      {
        id: 'q2',
        type: 'multiple',
        stem: '以下属于“四个意识”的是？',
        points: 2,
        options: [
          { id: 'a1', text: '政治意识' },
          { id: 'b2', text: '市场意识' },
          { id: 'c3', text: '大局意识' },
        ],
      },
      { id: 'q3', type: 'fill', stem: '中国共产党成立于____年。', points: 1, options: [] },
    ],
    answers: {},
    result: null,
    review: null,
    reviewNote: null,
  }
}

function graded(view: AttemptView, score: number): AttemptView {
  return {
    ...view,
    status: 'over',
    result: { score, passed: score >= 60, excellent: score >= 90, late: false, submittedAt: view.serverNow },
    reviewNote: '考试结束后可查看答案和解析',
  }
}

const receipt = (view: AttemptView): SaveReceipt => ({
  savedAt: view.serverNow,
  deadline: view.deadline,
  serverNow: view.serverNow,
})

/** A server whose saves do not get through while `network.down` (the call itself fails, as offline). */
const droppingSaves = (view: AttemptView, network: { down: boolean }) =>
  backend({
    'attempt/start': () => ok(view),
    'attempt/save': () => {
      if (network.down) throw new Error('cloud.callFunction:fail network')
      return ok(receipt(view))
    },
    'attempt/submit': () => ok(graded(view, 60)),
  })

describe('答题', () => {
  test('answering saves each answer on the server, 交卷 asks first and shows the score', async () => {
    const view = paper(90)
    const page = await loadPage(EXAM, {
      query: { examId: 'e1' },
      cloud: backend({
        'attempt/start': () => ok(view),
        'attempt/save': () => ok(receipt(view)),
        'attempt/submit': () => ok(graded(view, 80)),
      }),
    })
    await page.waitForText('党的最高领导机关是？')
    // The countdown follows the server's deadline, not the phone's clock (an hour behind here).
    expect(page.text()).toMatch(/剩余 01:(30|29)/)
    expect(page.text()).toContain('答案会自动保存')

    await page.tap('全国代表大会和中央委员会')
    await page.waitForText('已保存')
    await page.tap('政治意识')
    await page.tap('大局意识')
    await page.input('请在此填写答案', '1921')
    const saves = () =>
      page.cloudCalls
        .filter((c) => c.data.action === 'attempt/save')
        .map((c) => c.data.data as { attemptId: string; answers: Record<string, string[]> })
    await page.waitFor(() => saves().some((s) => 'q3' in s.answers), 3000, 'the blank to be saved')
    await page.waitForText('已保存')
    expect(saves()[0]).toEqual({ attemptId: 'e1_m1_1', answers: { q1: ['k2'] } })
    // Saves are sent one at a time; answers changed meanwhile go with the next one, the last value winning.
    expect(Object.assign({}, ...saves().map((s) => s.answers))).toEqual({
      q1: ['k2'],
      q2: ['a1', 'c3'],
      q3: ['1921'],
    })

    await page.tap('交卷')
    await page.waitForText('得分：80分')
    expect(page.modals[0]).toMatchObject({ title: '确认交卷' })
    expect(page.text()).toContain('合格')
    expect(page.text()).toContain('考试结束后可查看答案和解析')
    expect(page.hasText(/剩余/)).toBe(false)
    expect(page.cloudCalls.filter((c) => c.data.action === 'attempt/submit')).toHaveLength(1)
    // The score is at the top of the page: the page is taken there at once, wherever 交卷 was tapped.
    expect(page.scrolls).toEqual([{ scrollTop: 0 }])
  })

  test('the paper says what it is worth, and its questions’ points add up to it', async () => {
    const view = paper(600)
    const worth: AttemptView = {
      ...view,
      questions: view.questions.map((q, i) => ({ ...q, points: [33.4, 33.3, 33.3][i] })),
    }
    const page = await loadPage(EXAM, {
      query: { examId: 'e1' },
      cloud: backend({ 'attempt/start': () => ok(worth) }),
    })
    await page.waitForText('共3题，满分100分；合格60分')
    expect(page.text()).toContain('1. 单选题（33.4分）')
    expect(page.text()).toContain('2. 多选题（33.3分） 可选多项')
  })

  test('交卷 warns about unanswered questions, and cancelling keeps the paper open', async () => {
    const view = paper(600)
    const page = await loadPage(EXAM, {
      query: { examId: 'e1' },
      modal: () => false,
      cloud: backend({ 'attempt/start': () => ok(view), 'attempt/save': () => ok(receipt(view)) }),
    })
    await page.tap('中央政治局')
    await page.tap('交卷')
    await page.waitFor(() => page.modals.length === 1)
    expect(page.modals[0].content).toContain('还有2题未作答')
    expect(page.cloudCalls.some((c) => c.data.action === 'attempt/submit')).toBe(false)
    expect(page.text()).toContain('剩余')
  })

  test('when the countdown reaches zero the paper is handed in on its own', async () => {
    driveClock()
    const view = paper(600)
    const page = await loadPage(EXAM, {
      query: { attemptId: 'e1_m1_1' },
      cloud: backend({
        'attempt/get': () => ok(view),
        'attempt/submit': () =>
          ok({ ...graded(view, 40), result: { ...graded(view, 40).result!, late: true } }),
      }),
    })
    await page.waitForText('党的最高领导机关是？')
    await passTime(589_000)
    await page.waitForText(/剩余 00:(10|09)/)
    expect(page.cloudCalls.map((c) => c.data.action)).toEqual(['attempt/get'])

    await passTime(10_000)
    await page.waitForText('得分：40分')
    expect(page.text()).toContain('未合格')
    expect(page.text()).toContain('答题时间已到，已按截止前保存的答案计分')
    expect(page.cloudCalls.map((c) => c.data.action)).toEqual(['attempt/get', 'attempt/submit'])
  })

  test('an answer the connection dropped is marked 未保存, retried by itself and saved when the network returns', async () => {
    const view = paper(600)
    const network = { down: true }
    const page = await loadPage(EXAM, { query: { examId: 'e1' }, cloud: droppingSaves(view, network) })
    const saves = () =>
      page.cloudCalls
        .filter((c) => c.data.action === 'attempt/save')
        .map((c) => (c.data.data as { answers: Record<string, string[]> }).answers)
    await page.tap('全国代表大会和中央委员会')
    await page.waitForText('1题未保存，网络不通，恢复后自动保存')
    // On the question itself, and only there.
    expect(
      page
        .text()
        .split('\n')
        .filter((l) => l === '未保存'),
    ).toHaveLength(1)
    // Tried again without a tap (after a second), still failing.
    await page.waitFor(() => saves().length >= 2, 3000, 'a retry by itself')
    await page.tap('政治意识')
    await page.waitForText('2题未保存')
    expect(
      page
        .text()
        .split('\n')
        .filter((l) => l === '未保存'),
    ).toHaveLength(2)

    network.down = false
    const before = saves().length
    page.setNetwork(true)
    // At once on the network's return, not at the next retry (two seconds or more away by now).
    await page.waitFor(() => saves().length > before, 1500, 'a save on reconnection')
    await page.waitForText('已保存')
    expect(page.hasText('未保存')).toBe(false)
    expect(saves()[saves().length - 1]).toEqual({ q1: ['k2'], q2: ['a1'] })
  })

  test('交卷 waits for answers not yet saved, says so, and hands in once they are', async () => {
    const view = paper(600)
    const network = { down: true }
    const page = await loadPage(EXAM, { query: { examId: 'e1' }, cloud: droppingSaves(view, network) })
    await page.tap('全国代表大会和中央委员会')
    await page.waitForText('1题未保存')
    await page.tap('交卷')
    await page.waitForText('正在保存答案，保存好后交卷…')
    expect(page.text()).toContain('正在交卷…')
    expect(page.cloudCalls.some((c) => c.data.action === 'attempt/submit')).toBe(false)

    network.down = false
    page.setNetwork(true)
    await page.waitForText('得分：60分')
    const calls = page.cloudCalls.map((c) => c.data)
    const submitted = calls.findIndex((c) => c.action === 'attempt/submit')
    // The answer reached the server by a save before the paper was handed in.
    expect(
      calls
        .slice(0, submitted)
        .some((c) => c.action === 'attempt/save' && JSON.stringify(c.data).includes('k2')),
    ).toBe(true)
    expect(calls.filter((c) => c.action === 'attempt/submit')).toHaveLength(1)
    expect(page.scrolls).toEqual([{ scrollTop: 0 }])
  })

  test('a save refused by the server says why', async () => {
    const view = paper(600)
    const page = await loadPage(EXAM, {
      query: { examId: 'e1' },
      cloud: backend({ 'attempt/start': () => ok(view), 'attempt/save': () => fail('QUIZ.DEADLINE_PASSED') }),
    })
    await page.tap('中央政治局')
    await page.waitForText(formatMessage('QUIZ.DEADLINE_PASSED'))
  })

  test('a finished attempt shows the score and, when allowed, the right answers and explanations', async () => {
    const view = paper(600)
    const over: AttemptView = {
      ...graded(view, 100),
      answers: { q1: ['k2'] },
      reviewNote: null,
      review: [
        { questionId: 'q1', correct: ['k2'], explanation: '见党章第十条', credit: 2 },
        { questionId: 'q2', correct: ['a1', 'c3'], explanation: null, credit: 0 },
        { questionId: 'q3', correct: ['1921', '一九二一'], explanation: null, credit: 0 },
      ],
    }
    const page = await loadPage(EXAM, {
      query: { attemptId: view.id },
      cloud: backend({ 'attempt/get': () => ok(over) }),
    })
    await page.waitForText('得分：100分')
    expect(page.text()).toContain('优秀')
    expect(page.text()).toContain('解析：见党章第十条')
    expect(page.text()).toContain('参考答案：1921 或 一九二一')
    expect(page.text()).toContain('✓ 答对了')
    expect(page.text().split('\n')).not.toContain('交卷')
  })

  test('the server’s refusal to start is shown with a retry', async () => {
    const page = await loadPage(EXAM, {
      query: { examId: 'e1' },
      cloud: backend({ 'attempt/start': () => fail('QUIZ.NO_ATTEMPTS_LEFT', { allowed: 2 }) }),
    })
    await page.waitForText(formatMessage('QUIZ.NO_ATTEMPTS_LEFT', { allowed: 2 }))
    expect(page.hasText('重试')).toBe(true)
  })
})
