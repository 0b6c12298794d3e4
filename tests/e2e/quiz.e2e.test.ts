import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'

import type { RunningHost } from '../../server/host'
import { launchBrowser, signInAs, startTestHost } from '../support/browser'

// A browser test waits on real renders and network; each step has its own 15 s wait.
jest.setTimeout(120_000)

type Browser = Awaited<ReturnType<typeof launchBrowser>>

let host: RunningHost
let adminPhone: Browser
let memberPhone: Browser
let secretaryPhone: Browser
let dir: string

beforeAll(async () => {
  host = await startTestHost()
  ;[adminPhone, memberPhone, secretaryPhone] = await Promise.all([
    launchBrowser(),
    launchBrowser(),
    launchBrowser(),
  ])
  dir = mkdtempSync(join(tmpdir(), 'quiz-e2e-'))
})
afterAll(async () => {
  await Promise.all([adminPhone?.close(), memberPhone?.close(), secretaryPhone?.close()])
  await host?.close()
  rmSync(dir, { recursive: true, force: true })
})

const seen = async (page: Page, text: string | RegExp) => {
  try {
    await page.getByText(text).filter({ visible: true }).first().waitFor({ timeout: 15_000 })
  } catch (e) {
    await page.screenshot({ path: '/tmp/quiz-e2e-fail.png' })
    throw e
  }
}

/** A bank sheet as a street office would keep it: six questions of each type. */
async function bankFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('题库')
  sheet.addRow(['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '知识点', '解析'])
  for (let i = 1; i <= 6; i++) {
    sheet.addRow([
      '单选',
      `第${i}道单选：党的根本宗旨是？`,
      '全心全意为人民服务',
      '发展经济',
      '改革开放',
      '依法治国',
      'A',
      '党章',
      '党章总纲',
    ])
    sheet.addRow([
      '多选',
      `第${i}道多选：三会一课包括？`,
      '支部党员大会',
      '支部委员会',
      '党小组会',
      '茶话会',
      'ABC',
      '组织生活',
      '',
    ])
    sheet.addRow(['判断', `第${i}道判断：党员必须履行党章规定的义务。`, '', '', '', '', '正确', '党章', ''])
  }
  const path = join(dir, '题库.xlsx')
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()))
  return path
}

describe('quizzes in the H5 build', () => {
  it('the admin imports a bank and publishes a random exam; a member takes it; the secretary sees the rates', async () => {
    const title = `党章知识测试${Date.now() % 100000}`

    // The street admin imports an .xlsx bank and publishes a random exam for the whole street.
    const admin = await signInAs(adminPhone.context, host.url, '罗春生')
    await admin.getByText('题库管理', { exact: true }).click()
    await seen(admin, '题库还是空的')
    const chooser = admin.waitForEvent('filechooser')
    await admin.getByText('选择 Excel', { exact: true }).click()
    await (await chooser).setFiles(await bankFile())
    await seen(admin, '已选择：题库.xlsx')
    // The file goes to the host's storage stand-in (POST /local/upload); the call carries only its fileID.
    const uploaded = admin.waitForResponse((r) => r.url().includes('/local/upload'))
    const imported = admin.waitForRequest(
      (r) => r.url().endsWith('/fn/quiz') && /bank\/import/.test(r.postData() ?? ''),
    )
    await admin.getByText('导入 Excel', { exact: true }).click()
    expect((await uploaded).status()).toBe(200)
    expect((await imported).postDataJSON()).toEqual({
      action: 'bank/import',
      data: {
        format: 'xlsx',
        fileID: expect.stringMatching(/^cloud:\/\/local\.local\/uploads\/[0-9a-f]{32}\/[0-9a-f-]{36}\.xlsx$/),
      },
    })
    await seen(admin, '已导入 18 题')
    await seen(admin, '题库共 18 题')

    // The export is written to storage and downloaded from its temporary URL, in the import format.
    const download = admin.waitForEvent('download')
    await admin.getByText('导出题库为 Excel', { exact: true }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^题库-\d{8}\.xlsx$/)
    expect(file.url()).toMatch(
      /\/local\/files\/exports\/[0-9a-f]{32}\/[0-9a-f-]{36}\.xlsx\?expires=\d+&sign=/,
    )
    const exported = new ExcelJS.Workbook()
    await exported.xlsx.readFile(String(await file.path()))
    expect(exported.worksheets[0].rowCount).toBe(19)
    await seen(admin, /已导出 18 题/)

    await admin.goBack()
    await admin.getByText('考试管理', { exact: true }).click()
    await admin.getByText('新建考试', { exact: true }).click()
    await seen(admin, '随机抽题')
    await admin.locator('input[placeholder="考试名称"]').fill(title)
    await admin.getByText('发布考试', { exact: true }).click()
    await seen(admin, `已发布“${title}”`)
    await seen(admin, /应考\d+人/)

    // A member of 和平社区 takes it: answers everything right, hands in, sees 优秀.
    const member = await signInAs(memberPhone.context, host.url, '冯浩然')
    await member.getByText('党建考核', { exact: true }).click()
    await seen(member, title)
    await member.getByText('开始答题', { exact: true }).click()
    await seen(member, '剩余')
    for (const text of ['全心全意为人民服务', '支部党员大会', '支部委员会', '党小组会', '正确']) {
      const options = member.getByText(text, { exact: true })
      for (let i = 0; i < (await options.count()); i++) await options.nth(i).click()
    }
    await seen(member, '已保存')
    await member.getByText('交卷', { exact: true }).click()
    await member.getByText('确定', { exact: true }).click()
    await seen(member, '得分：100分')
    await seen(member, '优秀')

    // The community secretary sees the exam's figures for 和平社区.
    const secretary = await signInAs(secretaryPhone.context, host.url, '沈静怡')
    await secretary.getByText('考试管理', { exact: true }).click()
    await seen(secretary, title)
    await secretary.getByText('查看成绩', { exact: true }).first().click()
    await seen(secretary, '和平社区党委')
    await expectText(secretary.locator('.quiz-line', { hasText: '参考率' }), '（1/')
    await seen(secretary, '合格率（按参考）')
    const rateLine = secretary.locator('.quiz-line', { hasText: '合格率（按参考）' })
    await expectText(rateLine, '100.0%（1/1）')
    await seen(secretary, '知识点正确率（薄弱在前）')
  })
})

async function expectText(locator: ReturnType<Page['locator']>, text: string) {
  await locator.getByText(text).first().waitFor({ timeout: 15_000 })
}
