/**
 * Nothing confusing, in the H5 build: a resident who opens a check-in link binds and comes back to
 * it; a page opened by link has a visible way home; an unknown address and an exam link without its
 * id say so with the way out, never a field name.
 */
import type { Page } from 'playwright-core'

import type { RunningHost } from '../../server/host'
import { launchBrowser, seen, signInAs, startTestHost } from '../support/browser'

jest.setTimeout(120_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>

let host: RunningHost
let adminPhone: Browser
let residentPhone: Browser

beforeAll(async () => {
  host = await startTestHost()
  adminPhone = await launchBrowser()
  residentPhone = await launchBrowser()
})
afterAll(async () => {
  await adminPhone?.close()
  await residentPhone?.close()
  await host?.close()
})

async function residentAt(url: string): Promise<Page> {
  const page = await residentPhone.context.newPage()
  await page.goto(`${host.url}/healthz`)
  await page.evaluate(() => localStorage.clear())
  await page.goto(host.url)
  await seen(page, '选择演示身份')
  await page.getByText('孙奶奶（居民（未绑定））').click()
  await seen(page, '你目前是居民身份')
  await page.goto(url)
  return page
}

interface QrAnswer {
  ok: boolean
  data: { payload: string }
}

describe('a resident at a check-in link', () => {
  it('is offered 去绑定, sees whom the code binds, confirms, and is checked in on coming back', async () => {
    // A street-wide session, so whoever the resident turns out to be is expected at it.
    const admin = await signInAs(adminPhone.context, host.url, '罗春生')
    await admin.getByText('学习活动', { exact: true }).click()
    await seen(admin, '新建活动')
    await admin.getByText('新建活动', { exact: true }).click()
    await seen(admin, '创建活动')
    await admin.getByText('60秒', { exact: true }).filter({ visible: true }).click()
    await admin.locator('input[placeholder="活动标题"]').filter({ visible: true }).fill('全街道集体学习')
    await admin.locator('input[placeholder="活动地点"]').filter({ visible: true }).fill('街道党群服务中心')
    await admin.getByText('创建活动', { exact: true }).click()
    await seen(admin, '出示签到码')
    const qrAnswer = admin.waitForResponse(
      (res) => res.url().endsWith('/fn/study') && res.request().postDataJSON()?.action === 'session/qr',
    )
    await admin.getByText('出示签到码', { exact: true }).click()
    const qr = (await (await qrAnswer).json()) as QrAnswer
    expect(qr.ok).toBe(true)

    const resident = await residentAt(qr.data.payload)
    await seen(resident, '你还没有绑定党员身份')
    await resident.getByText('去绑定', { exact: true }).click()
    await seen(resident, '请输入支部书记给你的8位邀请码')
    await resident.locator('input').filter({ visible: true }).first().fill('XFJD2345')
    await resident.getByText('下一步', { exact: true }).click()
    await seen(resident, '请确认是你本人')
    await seen(resident, '许玉珍')
    await resident.getByText('确认绑定', { exact: true }).click()
    await seen(resident, '绑定成功')
    await resident.getByText('返回签到', { exact: true }).click()
    await seen(resident, '签到成功')
    await seen(resident, '全街道集体学习')
  })
})

describe('pages opened by link', () => {
  it('show a home button when there is no page to go back to', async () => {
    const page = await signInAs(adminPhone.context, host.url, '冯浩然')
    await page.goto(`${host.url}/#/packages/study/pages/mine/index`)
    await seen(page, '每月至少参加')
    const home = page.locator('.taro-navigation-bar-home').filter({ visible: true })
    await home.waitFor({ timeout: 15_000 })
    await home.click()
    await seen(page, '冯浩然，你好')
  })

  it('an unknown address says so, with 回到首页', async () => {
    const page = await signInAs(adminPhone.context, host.url, '冯浩然')
    await page.goto(`${host.url}/#/packages/nowhere/pages/index`)
    await seen(page, '没有找到这个页面，链接可能已过期')
    await page.getByText('回到首页', { exact: true }).click()
    await seen(page, '冯浩然，你好')
  })

  it('an exam link without its id says so in plain Chinese and asks the server nothing', async () => {
    const page = await signInAs(adminPhone.context, host.url, '冯浩然')
    const quizCalls: string[] = []
    page.on('request', (req) => {
      if (req.url().endsWith('/fn/quiz')) quizCalls.push(req.postData() ?? '')
    })
    await page.goto(`${host.url}/#/packages/quiz/pages/exam/index`)
    await seen(page, '没有指定考试，请从党建考核进入')
    expect(await page.getByText(/examId|填写的内容有误/).count()).toBe(0)
    expect(quizCalls).toEqual([])
    await page.getByText('返回', { exact: true }).filter({ visible: true }).click()
    await seen(page, '冯浩然，你好')
  })
})
