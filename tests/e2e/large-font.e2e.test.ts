/**
 * 大字模式 on the H5 build, measured as a person would meet it: the mode is switched on from 我的, then
 * the main pages are opened and, on each, every visible text must be computed at 18 px or more and
 * every button or tappable at least 48 × 48 px (the phone is 390 px wide, as in launchBrowser).
 */
import type { Page } from 'playwright-core'

import type { RunningHost } from '../../server/host'
import { launchBrowser, seen, signInAs, startTestHost } from '../support/browser'
import { findings, measure, TAPPABLE } from '../support/large-font'

jest.setTimeout(180_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>

let host: RunningHost
let phone: Browser

beforeAll(async () => {
  host = await startTestHost()
  phone = await launchBrowser()
})
afterAll(async () => {
  await phone?.close()
  await host?.close()
})

/** Opens a page of the app by its address and waits for a text of it. */
async function open(page: Page, path: string, text: string | RegExp): Promise<void> {
  await page.goto(`${host.url}/#${path}`)
  await seen(page, text)
}

async function expectLarge(page: Page, where: string): Promise<void> {
  // Wait for the loads to settle: no 正在加载 left on screen.
  await page
    .getByText(/正在(加载|读取|统计|打开)/)
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'hidden' })
  // And for the page to be laid out as it stays: on a busy machine a freshly opened page's controls were once
  // measured before they took their size (an input 23 × 26 px that then showed at full size). A size that stays
  // wrong still fails, after 5 s of looking again.
  await page
    .waitForFunction(findings, { tappable: TAPPABLE, onlyClean: true }, { timeout: 5_000 })
    .catch(() => undefined)
  const found = await measure(page)
  expect({ where, small: found.small, tiny: found.tiny }).toEqual({ where, small: [], tiny: [] })
  // Something was measured: the page's own text besides the bars, and at least the way back or a tab.
  expect(found.texts).toBeGreaterThanOrEqual(2)
  expect(found.taps).toBeGreaterThan(0)
}

async function switchOnLargeFont(page: Page): Promise<void> {
  await page.getByText('我的', { exact: true }).click()
  await seen(page, '大字模式')
  await page.locator('taro-switch-core').filter({ visible: true }).first().click()
  await page.locator('.screen--large').filter({ visible: true }).first().waitFor({ timeout: 15_000 })
}

describe('大字模式 on the main pages of the H5 build', () => {
  it('a member’s pages: every text ≥ 18 px and every tap target ≥ 48 × 48 px', async () => {
    const page = await signInAs(phone.context, host.url, '冯浩然')
    await switchOnLargeFont(page)
    await expectLarge(page, '我的')
    // The switch itself is among what was measured (the platform draws it 52 × 32 px).
    const switchBox = await page
      .locator('taro-switch-core .weui-switch')
      .filter({ visible: true })
      .first()
      .boundingBox()
    expect(switchBox?.height).toBeGreaterThanOrEqual(47.5)
    await open(page, '/pages/home/index', '冯浩然，你好')
    await expectLarge(page, '首页')
    await open(page, '/pages/services/index', '上门服务')
    await expectLarge(page, '服务')
    await open(page, '/packages/study/pages/mine/index', '每月')
    await expectLarge(page, '我的学习')
    await open(page, '/packages/study/pages/checkin/index', '扫描书记出示的签到码')
    await expectLarge(page, '扫码签到')
    await open(page, '/packages/quiz/pages/index/index', '每日一练')
    await expectLarge(page, '党建考核')
    await open(page, '/packages/quiz/pages/practice/index', /练习不计入考试成绩|题库中还没有题目/)
    await expectLarge(page, '每日一练')
    await open(page, '/packages/quiz/pages/exam/index', '没有指定考试')
    await expectLarge(page, '答题（没有指定考试）')
    await open(page, '/pages/no-such-page/index', '没有找到这个页面')
    await expectLarge(page, '不存在的页面')
    await page.close()
  })

  it('a resident’s pages: 首页, 绑定党员身份 with its confirmation, 上门服务, 我的上门服务 and 为民办实事', async () => {
    const page = await phone.context.newPage()
    await page.goto(`${host.url}/healthz`)
    await page.evaluate(() => localStorage.clear())
    await page.goto(host.url)
    await seen(page, '选择演示身份')
    await page.getByText('孙奶奶（居民（未绑定））').click()
    await seen(page, '你目前是居民身份')
    await switchOnLargeFont(page)
    await open(page, '/pages/home/index', '你目前是居民身份')
    await expectLarge(page, '居民首页')
    await open(page, '/packages/account/pages/bind/index', '请输入支部书记给你的8位邀请码')
    await expectLarge(page, '绑定党员身份')
    await page.locator('input').filter({ visible: true }).first().fill('XFJD2345')
    await page.getByText('下一步', { exact: true }).click()
    await seen(page, '请确认是你本人')
    await expectLarge(page, '绑定确认')
    await open(page, '/packages/visit/pages/request/index', '需要什么帮助？')
    await page.getByText('明天', { exact: true }).filter({ visible: true }).click()
    await seen(page, '下午')
    await expectLarge(page, '上门服务')
    await open(page, '/packages/visit/pages/mine/index', '申请上门服务')
    await expectLarge(page, '我的上门服务')
    await open(page, '/packages/volunteer/pages/projects/index', '请选择您所在的社区')
    await page.getByText('和平社区党委', { exact: true }).filter({ visible: true }).first().click()
    await seen(page, '无障碍坡道改造')
    await expectLarge(page, '为民办实事')
    await page.close()
  })

  it('a secretary’s pages: 学习活动, 新建活动, 活动详情, 学习达标, 讲师队伍 and 花名册', async () => {
    const page = await signInAs(phone.context, host.url, '沈静怡')
    await switchOnLargeFont(page)
    await open(page, '/packages/study/pages/sessions/index', '新建活动')
    await expectLarge(page, '学习活动')
    await open(page, '/packages/study/pages/session-edit/index', '创建活动')
    await expectLarge(page, '新建活动')
    await page.locator('input[placeholder="活动标题"]').filter({ visible: true }).fill('大字模式集体学习')
    await page.locator('input[placeholder="活动地点"]').filter({ visible: true }).fill('和平社区党群服务中心')
    await page.getByText('创建活动', { exact: true }).click()
    await seen(page, '出示签到码')
    await expectLarge(page, '活动详情')
    await page.getByText('出示签到码', { exact: true }).click()
    await seen(page, '秒后刷新')
    await expectLarge(page, '签到码')
    await open(page, '/packages/study/pages/rule/index', '每月')
    await expectLarge(page, '学习达标')
    await open(page, '/packages/study/pages/lecturers/index', '添加讲师')
    await expectLarge(page, '讲师队伍')
    await open(page, '/packages/admin/pages/roster/index', '和平社区党委')
    await expectLarge(page, '花名册')
    await open(page, '/packages/quiz/pages/manage/index', '新建考试')
    await expectLarge(page, '考试管理')
    await page.close()
  })

  it('a member’s service pages: 承诺书, 志愿服务, 志愿时长, 证明查验, 我的任务 and 回访核查公示', async () => {
    const page = await signInAs(phone.context, host.url, '冯浩然')
    await switchOnLargeFont(page)
    for (const [path, text, where] of [
      ['/packages/pledge/pages/mine/index', '待签', '我的承诺书'],
      ['/packages/pledge/pages/sign/index', '没有指定承诺书', '签署（没有指定承诺书）'],
      ['/packages/volunteer/pages/activities/index', '我的志愿时长', '志愿服务'],
      ['/packages/volunteer/pages/hours/index', '已确认的志愿时长', '我的志愿时长'],
      ['/packages/volunteer/pages/verify/index', '查验志愿服务记录证明', '证明查验'],
      ['/packages/visit/pages/tasks/index', '完成服务', '我的任务'],
      ['/packages/pledge/pages/callback-published/index', '回访核查', '回访核查公示'],
    ] as const) {
      await open(page, path, text)
      await expectLarge(page, where)
    }
    await page.close()
  })

  it('a secretary’s service pages: 上门派单, 服务时限, 志愿活动, 为民办实事, 待办事项 and 年度述职数据', async () => {
    const page = await signInAs(phone.context, host.url, '沈静怡')
    await switchOnLargeFont(page)
    for (const [path, text, where] of [
      ['/packages/visit/pages/queue/index', '派单', '上门派单'],
      ['/packages/visit/pages/settings/index', '派单时限', '服务时限'],
      ['/packages/volunteer/pages/manage/index', '新建志愿活动', '志愿活动管理'],
      ['/packages/volunteer/pages/project-manage/index', '新建为民办实事', '为民办实事管理'],
      ['/packages/stats/pages/todo/index', '点按一项查看名单', '待办事项'],
      ['/packages/stats/pages/year/index', '主要工作', '年度述职数据'],
    ] as const) {
      await open(page, path, text)
      await expectLarge(page, where)
    }
    await page.close()
  })

  it('the street admin’s pledge and 回访核查 pages: 承诺书管理 and 回访核查', async () => {
    const page = await signInAs(phone.context, host.url, '罗春生')
    await switchOnLargeFont(page)
    await open(page, '/packages/pledge/pages/manage/index', '全链核验')
    await expectLarge(page, '承诺书管理')
    await open(page, '/packages/pledge/pages/callback/index', '抽取件数')
    await expectLarge(page, '回访核查')
    await page.close()
  })
})
