import type { BrowserContext, Page } from 'playwright-core'

import type { RunningHost } from '../../server/host'
import { launchBrowser, seen, signInAs, startTestHost } from '../support/browser'

/**
 * 上门服务 end to end in the H5 build on the local host: a resident asks for a visit, the community secretary
 * dispatches it, the member accepts and completes it with a photo, the resident sees the photo, confirms and rates
 * it, and the secretary's list shows it 已完成. Three phones, each with its own demo sign-in.
 */
jest.setTimeout(120_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>

/** A 2 × 1 PNG (a red pixel and a white one): what the member's phone hands over as the photo of the work. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGM4ISb7//9/AAuTA/kB8IKcAAAAAElFTkSuQmCC',
  'base64',
)

let host: RunningHost
let residentPhone: Browser
let secretaryPhone: Browser
let memberPhone: Browser

beforeAll(async () => {
  host = await startTestHost()
  residentPhone = await launchBrowser()
  secretaryPhone = await launchBrowser()
  memberPhone = await launchBrowser()
})
afterAll(async () => {
  await residentPhone?.close()
  await secretaryPhone?.close()
  await memberPhone?.close()
  await host?.close()
})

/** A resident (not bound) signed in on a fresh screen: their 首页 welcomes a resident. */
async function signInAsResident(context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${host.url}/healthz`)
  await page.evaluate(() => localStorage.clear())
  await page.goto(host.url)
  await seen(page, '选择演示身份')
  await page.getByText(name, { exact: false }).first().click()
  await seen(page, '欢迎使用基层党建助手')
  return page
}

const tap = (page: Page, text: string) =>
  page.getByText(text, { exact: true }).filter({ visible: true }).first().click()

/** The visible card of the request, by its description. */
const card = (page: Page, description: string) =>
  page.locator('.card', { hasText: description }).filter({ visible: true }).first()

describe('a home visit in the H5 build', () => {
  it('goes from the resident’s request to the rating, and the secretary’s list shows it 已完成', async () => {
    const description = `卫生间水管漏水${Date.now() % 100000}`

    const resident = await signInAsResident(residentPhone.context, '孙奶奶')
    await tap(resident, '上门服务')
    await seen(resident, '需要什么帮助？')
    await tap(resident, '维修')
    await tap(resident, '和平社区党委')
    await resident
      .locator('input[placeholder="小区、楼号、门牌号"]')
      .filter({ visible: true })
      .fill('和平里小区5号楼101')
    await resident.locator('input[placeholder="联系电话"]').filter({ visible: true }).fill('13912345678')
    await resident.locator('textarea').filter({ visible: true }).first().fill(description)
    await tap(resident, '提交请求')
    await seen(resident, '请求已提交')
    await seen(resident, '已收到您的请求，社区正在安排人员')

    const secretary = await signInAs(secretaryPhone.context, host.url, '沈静怡')
    await tap(secretary, '上门派单')
    await card(secretary, description).waitFor({ timeout: 15_000 })
    // The phone is masked on the list.
    await card(secretary, description).getByText('139****5678', { exact: false }).waitFor({ timeout: 15_000 })
    await card(secretary, description).getByText('派单', { exact: true }).click()
    await seen(secretary, '派给谁？')
    await card(secretary, description).getByText('冯浩然', { exact: false }).first().click()
    await card(secretary, description).getByText('已派单', { exact: true }).waitFor({ timeout: 15_000 })

    const member = await signInAs(memberPhone.context, host.url, '冯浩然')
    await tap(member, '我的任务')
    await card(member, description).waitFor({ timeout: 15_000 })
    await card(member, description).getByText('接单', { exact: true }).click()
    await card(member, description).getByText('已接单', { exact: true }).waitFor({ timeout: 15_000 })
    // Once accepted, the member may read the phone and the address.
    await card(member, description).getByText('查看电话和地址', { exact: true }).click()
    await card(member, description).getByText('13912345678', { exact: false }).waitFor({ timeout: 15_000 })
    await card(member, description).getByText('完成服务', { exact: true }).click()
    await card(member, description).getByText('1小时', { exact: true }).click()
    await card(member, description).locator('input[placeholder^="做了什么"]').fill('更换了水管接头，试水不漏')
    // A photo of the work, chosen from the phone's files (H5's file input), goes up through storage with it.
    const chooser = member.waitForEvent('filechooser')
    await card(member, description).locator('#add-photo').click()
    await (await chooser).setFiles({ name: '修好的水管.png', mimeType: 'image/png', buffer: PNG })
    await card(member, description).getByText('再加一张', { exact: false }).waitFor({ timeout: 15_000 })
    await card(member, description).getByText('提交完成情况', { exact: true }).click()
    await card(member, description).getByText('待确认', { exact: true }).waitFor({ timeout: 15_000 })
    const stored = (await host.database.documents('visits')).find((v) => v.description === description)
    expect(stored?.completionPhotos).toEqual([expect.stringMatching(/visit-photos\//)])

    await resident.goto(`${host.url}/#/packages/visit/pages/mine/index`)
    await card(resident, description).getByText('服务已完成，请您确认并评价', { exact: false }).waitFor({
      timeout: 15_000,
    })
    // The resident sees the photo the member took: the image the storage stand-in serves, as uploaded.
    await card(resident, description).getByText('查看照片（1张）', { exact: true }).click()
    await card(resident, description).getByText('服务照片', { exact: true }).waitFor({ timeout: 15_000 })
    await resident.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.visit-photo img')).some(
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 2,
        ),
      undefined,
      { timeout: 15_000 },
    )
    await card(resident, description).getByText('5分 非常满意', { exact: true }).click()
    await card(resident, description).getByText('确认服务已完成', { exact: true }).click()
    await card(resident, description).getByText('服务已完成，感谢您的评价', { exact: false }).waitFor({
      timeout: 15_000,
    })

    await secretary.reload()
    await seen(secretary, '待派单')
    await tap(secretary, '已结束')
    await card(secretary, description).getByText('已完成', { exact: true }).waitFor({ timeout: 15_000 })
    await card(secretary, description)
      .getByText('评价：5分 非常满意', { exact: false })
      .waitFor({ timeout: 15_000 })
  })
})
