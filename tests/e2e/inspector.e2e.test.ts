/**
 * The discipline inspector (纪工委) on the H5 build: from 首页 they open a community's study session and its
 * attendance, and an exam's 成绩统计, read-only — no button that would change anything is offered.
 */
import type { Page } from 'playwright-core'

import type { RunningHost } from '../../server/host'
import { launchBrowser, signInAs, startTestHost } from '../support/browser'

jest.setTimeout(120_000)

let host: RunningHost
let phone: Awaited<ReturnType<typeof launchBrowser>>

const MINUTE = 60_000
const SESSION_TITLE = `纪工委查看的集体学习${Date.now() % 100000}`
const EXAM_TITLE = `纪工委查看的考试${Date.now() % 100000}`

async function call(
  openid: string,
  fn: string,
  action: string,
  data: unknown,
): Promise<Record<string, unknown>> {
  const result = (await host.runtime.invoke(fn, { action, data }, { openid })) as {
    ok: boolean
    data?: Record<string, unknown>
    code?: string
  }
  if (!result.ok) throw new Error(`${fn} ${action}: ${result.code}`)
  return result.data ?? {}
}

beforeAll(async () => {
  host = await startTestHost()
  phone = await launchBrowser()
  // A community secretary's session and exam, and one member's paper handed in blank (a fail).
  const questions = [
    ...Array.from({ length: 3 }, (_, i) => ({
      type: '单选',
      stem: `第${i + 1}道单选：党的根本宗旨是？`,
      options: ['全心全意为人民服务', '发展经济', '改革开放'],
      answer: 'A',
    })),
    { type: '判断', stem: '党员必须履行党章规定的义务。', answer: '正确' },
  ]
  await call('demo-admin', 'quiz', 'bank/import', { format: 'json', questions })
  const now = Date.now()
  const exam = await call('demo-secretary-1', 'quiz', 'exam/create', {
    title: EXAM_TITLE,
    orgId: 'org-c1',
    mode: 'random',
    draws: [
      { type: 'single', count: 2 },
      { type: 'judge', count: 1 },
    ],
    timeLimitMinutes: 30,
    opensAt: now - MINUTE,
    closesAt: now + 24 * 60 * MINUTE,
  })
  await call('demo-secretary-1', 'quiz', 'exam/publish', { examId: exam.id })
  const attempt = await call('demo-member-1', 'quiz', 'attempt/start', { examId: exam.id })
  await call('demo-member-1', 'quiz', 'attempt/submit', { attemptId: attempt.id })
  await call('demo-secretary-1', 'study', 'session/create', {
    type: 'party_lecture',
    format: 'theory',
    title: SESSION_TITLE,
    lecturerId: null,
    orgId: 'org-c1',
    startAt: now + 30 * MINUTE,
    endAt: now + 150 * MINUTE,
    place: '和平社区党群服务中心',
    allowVisitors: false,
    rotateSeconds: 20,
    lateAfterMinutes: 5,
  })
})

afterAll(async () => {
  await phone?.close()
  await host?.close()
})

/** Exactly this text (a tile's title, not a caption that contains it), or a pattern, on screen. */
const visible = (page: Page, text: string | RegExp) =>
  page.getByText(text, { exact: typeof text === 'string' }).filter({ visible: true })
async function seen(page: Page, text: string | RegExp): Promise<void> {
  try {
    await visible(page, text).first().waitFor({ timeout: 15_000 })
  } catch (error) {
    await page.screenshot({ path: '/tmp/inspector-e2e-fail.png' })
    throw error
  }
}

it('opens a community’s session with its attendance, and an exam’s results, from 首页, offering no change', async () => {
  const inspector = host.personas.find((p) => p.openid === 'demo-inspector')
  if (!inspector) throw new Error('the demo street has no inspector')
  const page = await signInAs(phone.context, host.url, inspector.name)

  await visible(page, '学习活动').first().click()
  await seen(page, SESSION_TITLE)
  expect(await visible(page, '新建活动').count()).toBe(0)
  await visible(page, SESSION_TITLE).first().click()
  await seen(page, '应到')
  // Before the start the detail lists who is expected; nothing to show, edit or cancel for a reader.
  for (const action of ['出示签到码', '编辑', '取消活动', '补签']) {
    expect(await visible(page, action).count()).toBe(0)
  }

  await page.goto(host.url)
  await seen(page, new RegExp(`${inspector.name}，你好`))
  await visible(page, '考试成绩').first().click()
  await seen(page, EXAM_TITLE)
  expect(await visible(page, '新建考试').count()).toBe(0)
  await visible(page, '查看成绩').first().click()
  await seen(page, '合格率（按参考）')
  // One member of the community handed in a blank paper: 0 of 1 passed.
  await seen(page, /0\.0%（0\/1）/)
  for (const action of ['提醒', '发布', '提前结束']) {
    expect(await visible(page, new RegExp(`^${action}`)).count()).toBe(0)
  }
  await seen(page, '导出名单')
})
