/**
 * An exam taken on a bad connection: the real host (a child process, as `npm start` runs it) is stopped in the
 * middle of the exam and started again on the same address. Answers given meanwhile are marked 未保存, saved by
 * themselves once the host is back, and the paper handed in holds every one of them.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { AttemptView } from '../../cloudfunctions/contract/quiz.contract'
import { launchBrowser, seen, signInAs } from '../support/browser'
import { spawnHost, stopHost } from '../support/host-process'

jest.setTimeout(180_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>

let dataDir: string
let host: { child: ChildProcess; url: string } | null = null
let adminPhone: Browser
let memberPhone: Browser

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'quiz-offline-e2e-'))
  host = await spawnHost(dataDir)
  ;[adminPhone, memberPhone] = await Promise.all([launchBrowser(), launchBrowser()])
})
afterAll(async () => {
  await Promise.all([adminPhone?.close(), memberPhone?.close()])
  if (host) await stopHost(host.child)
  rmSync(dataDir, { recursive: true, force: true })
})

/** Five singles, three multiples and two judges: what a new exam draws by default, so all ten are on it. */
function bank() {
  const rows: unknown[] = []
  for (let i = 1; i <= 5; i++)
    rows.push({
      type: '单选',
      stem: `第${i}道单选：党的根本宗旨是？`,
      options: ['全心全意为人民服务', '发展经济', '改革开放'],
      answer: 'A',
    })
  for (let i = 1; i <= 3; i++)
    rows.push({
      type: '多选',
      stem: `第${i}道多选：三会一课包括？`,
      options: ['支部党员大会', '支部委员会', '党小组会', '茶话会'],
      answer: 'ABC',
    })
  for (let i = 1; i <= 2; i++)
    rows.push({ type: '判断', stem: `第${i}道判断：党员必须履行党章规定的义务。`, answer: '正确' })
  return { questions: rows }
}

/** Taps every visible option reading `text` (options are shuffled per attempt, texts repeat across questions). */
async function tapAll(page: Awaited<ReturnType<typeof signInAs>>, text: string) {
  const options = page.getByText(text, { exact: true }).filter({ visible: true })
  const n = await options.count()
  for (let i = 0; i < n; i++) await options.nth(i).click()
  return n
}

describe('an exam through a dropped connection', () => {
  it('marks answers 未保存 while the host is down, saves them when it is back, and hands in all of them', async () => {
    const url = host!.url
    const title = `断网测试${Date.now() % 100000}`

    const admin = await signInAs(adminPhone.context, url, '罗春生')
    await admin.getByText('题库管理', { exact: true }).click()
    await admin.locator('textarea').first().fill(JSON.stringify(bank()))
    await admin.getByText('导入 JSON', { exact: true }).click()
    await seen(admin, '已导入 10 题')
    await admin.goBack()
    await admin.getByText('考试管理', { exact: true }).click()
    await admin.getByText('新建考试', { exact: true }).click()
    await admin.locator('input[placeholder="考试名称"]').fill(title)
    await admin.getByText('发布考试', { exact: true }).click()
    await seen(admin, `已发布“${title}”`)

    const member = await signInAs(memberPhone.context, url, '冯浩然')
    await member.getByText('党建考核', { exact: true }).click()
    await seen(member, title)
    await member.getByText('开始答题', { exact: true }).click()
    await seen(member, '共10题，满分100分')
    expect(await tapAll(member, '全心全意为人民服务')).toBe(5)
    await seen(member, '已保存')

    // The host goes away mid-exam (killed, as a crash or a lost connection would leave it).
    await stopHost(host!.child, 'SIGKILL')
    host = null
    for (const text of ['支部党员大会', '支部委员会', '党小组会']) expect(await tapAll(member, text)).toBe(3)
    expect(await tapAll(member, '正确')).toBe(2)
    await seen(member, '5题未保存，网络不通，恢复后自动保存')
    expect(await member.getByText('未保存', { exact: true }).filter({ visible: true }).count()).toBe(5)

    // 交卷 now waits for the saves, and says so.
    await member.getByText('交卷', { exact: true }).click()
    await member.getByText('确定', { exact: true }).click()
    await seen(member, '正在保存答案，保存好后交卷…')

    const submitted = member.waitForResponse(
      (r) => r.url().endsWith('/fn/quiz') && /attempt\/submit/.test(r.request().postData() ?? ''),
      { timeout: 60_000 },
    )
    host = await spawnHost(dataDir, Number(new URL(url).port))
    const answer = (await (await submitted).json()) as { ok: boolean; data: AttemptView }
    expect(answer.ok).toBe(true)
    // Every answer is in the attempt as handed in, and every one counted.
    expect(Object.keys(answer.data.answers)).toHaveLength(10)
    expect(answer.data.result).toMatchObject({ score: 100, late: false })
    const score = member.getByText('得分：100分', { exact: false }).filter({ visible: true }).first()
    await score.waitFor({ timeout: 15_000 })
    expect(await member.getByText('未保存', { exact: true }).filter({ visible: true }).count()).toBe(0)
    // The score is in view at once, though 交卷 was tapped at the bottom of the paper.
    const box = await score.boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(member.viewportSize()!.height)
  })
})
