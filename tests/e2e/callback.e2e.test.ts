/**
 * 回访核查 on the H5 build: the 纪工委 opens 回访核查 from 首页, draws this quarter's sample (the demo ledger holds
 * this quarter's items), reveals a phone and records a call, and publishes the summary to the street; a member then
 * reads it under 待签承诺书 → 纪工委回访核查公示, with no phone.
 */
import type { Page } from 'playwright-core'

import type { RunningHost } from '../../server/host'
import { launchBrowser, seen, signInAs, startTestHost } from '../support/browser'

jest.setTimeout(150_000)

let host: RunningHost
let phone: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  host = await startTestHost()
  phone = await launchBrowser()
})

afterAll(async () => {
  await phone?.close()
  await host?.close()
})

const visible = (page: Page, text: string | RegExp) =>
  page.getByText(text, { exact: typeof text === 'string' }).filter({ visible: true })

async function shot<T>(page: Page, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    await page.screenshot({ path: '/tmp/callback-e2e-fail.png' })
    throw error
  }
}

it('draws, records a call, publishes, and a member reads the summary', async () => {
  const nameOf = (openid: string) => {
    const person = host.personas.find((p) => p.openid === openid)
    if (!person) throw new Error(`the demo street has no ${openid}`)
    return person.name
  }
  const page = await signInAs(phone.context, host.url, nameOf('demo-inspector'))
  await shot(page, async () => {
    await visible(page, '回访核查').first().click()
    await seen(page, '还没有抽取回访对象')
    await page.locator('#callback-size input, input#callback-size').first().fill('3')
    await page.locator('#callback-seed input, input#callback-seed').first().fill('公开种子')
    await visible(page, '抽取').first().click()
    await seen(page, '随机种子“公开种子”')
    await visible(page, '用同一种子重新抽取核对').first().click()
    await seen(page, '重新抽取的结果与名单一致')

    await visible(page, '待回访').first().click()
    await seen(page, '登记回访')
    await seen(page, /\d{3,4}\*{4}\d{4}/)
    await visible(page, '查看电话').first().click()
    await seen(page, /电话：\d{7,}/)
    for (const key of ['attitude', 'ability', 'efficiency', 'integrity']) {
      await page.locator(`#rating-${key}-5`).first().click()
    }
    await visible(page, '保存').first().click()
    await seen(page, '已保存')

    await page.goBack()
    await seen(page, '已回访')
    await seen(page, '33.3%（1/3）')
    await visible(page, '发布').first().click()
    await seen(page, '已发布')
  })

  const member = await signInAs(phone.context, host.url, nameOf('demo-member-1'))
  await shot(member, async () => {
    await visible(member, '待签承诺书').first().click()
    await visible(member, '纪工委回访核查公示').first().click()
    await seen(member, '回访核查')
    await seen(member, '随机种子“公开种子”')
    await seen(member, '100.0%（4/4）')
    const text = await member.locator('body').innerText()
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)|\*{4}/)
  })
})
