import type { Page } from 'playwright-core'

import type { RunningHost } from '../../server/host'
import { launchBrowser, seen, signInAs, startTestHost } from '../support/browser'

// A browser test waits on real renders and network; each step has its own 15 s wait.
jest.setTimeout(120_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>

let host: RunningHost
let memberPhone: Browser
let inspectorPhone: Browser

beforeAll(async () => {
  host = await startTestHost()
  memberPhone = await launchBrowser()
  inspectorPhone = await launchBrowser()
})
afterAll(async () => {
  await memberPhone?.close()
  await inspectorPhone?.close()
  await host?.close()
})

const nameOf = (openid: string) => host.personas.find((p) => p.openid === openid)?.name as string

/** Writes a name on the pad with the mouse: three strokes across it. */
async function drawSignature(page: Page) {
  const pad = page.locator('#pledge-pad canvas, canvas#pledge-pad').filter({ visible: true }).first()
  await pad.scrollIntoViewIfNeeded()
  const box = await pad.boundingBox()
  if (!box) throw new Error('the signature pad is not on screen')
  const strokes = [
    [0.15, 0.3, 0.45, 0.35],
    [0.3, 0.15, 0.32, 0.8],
    [0.55, 0.4, 0.85, 0.7],
  ]
  for (const [x0, y0, x1, y1] of strokes) {
    await page.mouse.move(box.x + box.width * x0, box.y + box.height * y0)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * x1, box.y + box.height * y1, { steps: 12 })
    await page.mouse.up()
  }
}

async function tapVerify(page: Page) {
  const answer = page.waitForResponse(
    (res) => res.url().endsWith('/fn/pledge') && res.request().postDataJSON()?.action === 'pledge/verify',
  )
  await page.locator('#pledge-verify').filter({ visible: true }).click()
  await answer
}

describe('a member signs a pledge by hand in the H5 build', () => {
  it('reads to the end, signs with the mouse, sees 已签 and 未被篡改; the inspector counts it; a changed byte shows 已被篡改, in its 验证 and in 全链核验', async () => {
    const member = await signInAs(memberPhone.context, host.url, nameOf('demo-member-1'))
    await member.getByText('待签承诺书', { exact: true }).click()
    await seen(member, '待签 1 份')
    await member.getByText('廉政承诺书', { exact: true }).filter({ visible: true }).first().click()
    await seen(member, '请先阅读承诺书全文')
    const sign = member.locator('#pledge-sign').filter({ visible: true })
    expect(await sign.getAttribute('disabled')).not.toBeNull()

    // Scrolling the text to its end enables signing.
    const text = member.locator('.pledge-text').filter({ visible: true })
    await text.hover()
    for (let i = 0; i < 10; i++) await member.mouse.wheel(0, 400)
    await member.getByText('请先阅读承诺书全文').filter({ visible: true }).waitFor({ state: 'hidden' })
    await member.locator('#pledge-confirm').filter({ visible: true }).click()

    // A tick is refused with a clear message, then a real signature is accepted.
    const pad = member.locator('#pledge-pad canvas, canvas#pledge-pad').filter({ visible: true }).first()
    const box = await pad.boundingBox()
    if (!box) throw new Error('no pad')
    await member.mouse.move(box.x + 20, box.y + 20)
    await member.mouse.down()
    await member.mouse.move(box.x + 26, box.y + 24, { steps: 2 })
    await member.mouse.up()
    await sign.click()
    await seen(member, /签名太简单|签名太小/)
    await member.getByText('清除', { exact: true }).filter({ visible: true }).click()
    await drawSignature(member)
    await sign.click()
    await seen(member, '已签署')
    await tapVerify(member)
    await seen(member, '未被篡改')

    // 待签承诺书 shows it 已签.
    await member.goBack()
    await seen(member, '已签 1 份')

    // The inspector's completion view counts it.
    const inspector = await signInAs(inspectorPhone.context, host.url, nameOf('demo-inspector'))
    await inspector.getByText('承诺书管理', { exact: true }).click()
    // The campaign's row (its list loads apart from the templates', which also say 廉政承诺书).
    await inspector
      .locator('.pledge-row', { hasText: /应签\d+份/ })
      .filter({ hasText: '廉政承诺书' })
      .filter({ visible: true })
      .first()
      .click()
    await seen(inspector, /已签 1 份 \/ 应签 \d+ 份/)

    // One byte of the stored text changes: verification says so.
    const signings = (await host.database.documents('pledge_signings')) as Array<{
      _id: string
      text: string
    }>
    expect(signings).toHaveLength(1)
    await host.database.handle('database.modifyDocument', {
      collectionName: 'pledge_signings',
      queryType: 'DOC',
      query: JSON.stringify({ _id: signings[0]._id }),
      data: JSON.stringify({ $set: { text: signings[0].text.replace('一', '二') } }),
      multi: false,
      merge: true,
      upsert: false,
    })
    await member.getByText('廉政承诺书', { exact: true }).filter({ visible: true }).first().click()
    await seen(member, '已签署')
    await tapVerify(member)
    await seen(member, '已被篡改')

    // The inspector's 全链核验 walks the chain and names the changed signing.
    await inspector.goBack()
    await inspector.getByText('开始核验', { exact: true }).click()
    await seen(inspector, '已被篡改：第1份被改动')
  })
})

describe('the 纪工委 keeps templates and campaigns in the H5 build', () => {
  it('creates a template, edits it into a second version, and assigns it to a community', async () => {
    const title = `负面清单承诺书${Date.now() % 100000}`
    const inspector = await signInAs(inspectorPhone.context, host.url, nameOf('demo-inspector'))
    await inspector.getByText('承诺书管理', { exact: true }).click()
    await inspector.getByText('新建模板', { exact: true }).filter({ visible: true }).click()
    await inspector.getByText('负面清单承诺书', { exact: true }).filter({ visible: true }).click()
    await inspector.locator('input[placeholder="承诺书标题"]').filter({ visible: true }).fill(title)
    await inspector.locator('textarea').filter({ visible: true }).fill('一、不得违规收受礼品。')
    await inspector.getByText('保存', { exact: true }).filter({ visible: true }).click()
    await seen(inspector, title)
    const row = inspector.locator('.pledge-row').filter({ hasText: title }).filter({ visible: true })
    await row.getByText('修改', { exact: true }).click()
    await seen(inspector, '将保存为第2版')
    await inspector
      .locator('textarea')
      .filter({ visible: true })
      .fill('一、不得违规收受礼品。\n二、不得违规吃请。')
    await inspector.getByText('保存', { exact: true }).filter({ visible: true }).click()
    await row.getByText(/第2版/).waitFor({ timeout: 15_000 })
    const versions = (await host.database.documents('pledge_templates')) as unknown as Array<{
      title: string
      version: number
    }>
    expect(
      versions
        .filter((t) => t.title === title)
        .map((t) => t.version)
        .sort(),
    ).toEqual([1, 2])

    await inspector.getByText('新建签订任务', { exact: true }).filter({ visible: true }).click()
    await inspector.getByText(`${title} 第2版`, { exact: true }).filter({ visible: true }).click()
    await inspector.getByText('光明社区党委', { exact: true }).filter({ visible: true }).click()
    await inspector.getByText('分配', { exact: true }).filter({ visible: true }).click()
    await seen(inspector, '光明社区党委 · 应签')
    const campaigns = (await host.database.documents('pledge_campaigns')) as unknown as Array<{
      title: string
      version: number
    }>
    expect(campaigns.find((c) => c.title === title)?.version).toBe(2)
  })

  it('assigns a campaign to people chosen by name (指定人员)', async () => {
    const members = (await host.database.documents('members')) as unknown as Array<{
      _id: string
      name: string
      orgPath: string[]
    }>
    const [first, second] = members.filter((m) => m.orgPath.includes('org-c2'))
    const inspector = await signInAs(inspectorPhone.context, host.url, nameOf('demo-inspector'))
    await inspector.getByText('承诺书管理', { exact: true }).click()
    await inspector.getByText('新建签订任务', { exact: true }).filter({ visible: true }).click()
    await inspector.getByText('光明社区党委', { exact: true }).filter({ visible: true }).click()
    await inspector.getByText('指定人员', { exact: true }).filter({ visible: true }).click()
    for (const person of [first, second]) {
      await inspector
        .locator('#pledge-people-keyword input, input#pledge-people-keyword')
        .first()
        .fill(person.name)
      await inspector.getByText('搜索', { exact: true }).filter({ visible: true }).click()
      await inspector.locator(`#person-${person._id}`).filter({ visible: true }).click()
      await seen(inspector, `${person.name}（`)
    }
    await seen(inspector, '已选2人')
    const before = ((await host.database.documents('pledge_campaigns')) as unknown[]).length
    await inspector.getByText('分配', { exact: true }).filter({ visible: true }).click()
    await seen(inspector, '已分配2人')
    const campaigns = (await host.database.documents('pledge_campaigns')) as unknown as Array<{
      _id: string
      createdAt: number
    }>
    expect(campaigns).toHaveLength(before + 1)
    const newest = [...campaigns].sort((a, b) => b.createdAt - a.createdAt)[0]
    const assigned = (await host.database.documents('pledge_assignments')) as unknown as Array<{
      campaignId: string
      memberId: string
    }>
    expect(
      assigned
        .filter((a) => a.campaignId === newest._id)
        .map((a) => a.memberId)
        .sort(),
    ).toEqual([first._id, second._id].sort())
  })
})
