/** 承诺书管理 (packages/pledge/pages/manage/index): the campaign form's 指定人员 and the inspector's 全链核验. */
import type {
  ChainVerificationPage,
  PledgeCampaignView,
  PledgeCompletion,
  PledgeTemplateView,
} from '@contract/pledge.contract'

import { member, ORGS, streetAdmin } from './admin-fixtures'
import { backend, fail, ok } from './backend'
import { loadPage, type PageHarness } from './harness'

const MANAGE = 'packages/pledge/pages/manage/index'
const COMPLETION = 'packages/pledge/pages/completion/index'

const template: PledgeTemplateView = {
  templateId: 'tpl1',
  version: 2,
  kind: 'integrity',
  title: '2026年度廉政承诺书',
  body: '一、严守政治纪律。',
  createdAt: Date.now(),
  mayEdit: true,
}

function campaign(over: Partial<PledgeCampaignView> = {}): PledgeCampaignView {
  return {
    id: 'c9',
    templateId: 'tpl1',
    version: 2,
    kind: 'integrity',
    title: template.title,
    year: 2026,
    orgId: 's',
    orgName: '幸福街道党工委',
    roles: [],
    cadreLevels: [],
    memberCount: 0,
    deadline: Date.now() + 7 * 86_400_000,
    assigned: 2,
    createdAt: Date.now(),
    ...over,
  }
}

const ROSTER = [
  member({ id: 'm1', name: '冯浩然', orgName: '第一党支部', cadreLevel: '中层' }),
  member({ id: 'm2', name: '冯丽', orgName: '第二党支部' }),
  member({ id: 'm3', name: '王强', orgName: '光明第一党支部' }),
]

const base = {
  'account/me': () => ok(streetAdmin),
  'org/tree': () => ok({ orgs: ORGS }),
  'template/list': () => ok([template]),
  'campaign/list': () => ok([]),
} as const

const sent = (page: PageHarness, action: string) =>
  page.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data.data)

describe('承诺书管理', () => {
  test('指定人员: searches the roster of the chosen organisation by name, picks several, and assigns them', async () => {
    const page = await loadPage(MANAGE, {
      cloud: backend({
        ...base,
        'member/list': (input) => {
          const items = ROSTER.filter((m) => !input.keyword || m.name.includes(input.keyword))
          return ok({ items, total: items.length, offset: 0 })
        },
        // The first try's answer is lost: sent again, the form carries the same key (one campaign on the server).
        'campaign/create': (input) =>
          sent(page, 'campaign/create').length === 1
            ? fail('COMMON.INTERNAL')
            : ok(campaign({ memberCount: input.memberIds?.length ?? 0 })),
      }),
    })
    await page.tap('新建签订任务')
    await page.tap('#who-names')
    await page.waitForText('王强')
    // The first organisation the admin keeps (the street) is searched first, everyone in it.
    expect(sent(page, 'member/list')[0]).toEqual({ orgId: 's', limit: 20 })
    await page.input('#pledge-people-keyword', '冯')
    await page.tap('#pledge-people-search')
    await page.waitFor(() => !page.hasText('王强') && page.hasText('冯丽'), 3000, 'the names with 冯')
    expect(page.text()).toContain('第一党支部 · 中层')
    expect(sent(page, 'member/list').at(-1)).toEqual({ orgId: 's', keyword: '冯', limit: 20 })
    await page.tap('#person-m1')
    await page.tap('#person-m2')
    await page.waitForText('已选2人')
    expect(page.text()).toContain('冯浩然（第一党支部）')
    // Tapping a chosen one again drops it; 移除 does the same from the chosen list.
    await page.tap('#person-m2')
    await page.waitForText('已选1人')
    await page.tap('#person-m2')
    await page.waitForText('已选2人')
    await page.tap('分配')
    await page.waitFor(() => sent(page, 'campaign/create').length === 1, 3000, 'campaign/create')
    expect(sent(page, 'campaign/create')[0]).toMatchObject({
      templateId: 'tpl1',
      version: 2,
      orgId: 's',
      memberIds: ['m1', 'm2'],
    })
    expect(sent(page, 'campaign/create')[0]).not.toHaveProperty('roles')
    expect(sent(page, 'campaign/create')[0]).toHaveProperty(
      'submitKey',
      expect.stringMatching(/^[A-Za-z0-9]{16,40}$/),
    )
    await page.waitForText('服务暂时不可用，请稍后再试')
    await page.tap('分配')
    await page.waitFor(() => sent(page, 'campaign/create').length === 2, 3000, 'campaign/create again')
    expect(sent(page, 'campaign/create')[1]).toEqual(sent(page, 'campaign/create')[0])
  })

  test('指定人员 with nobody chosen says so and sends nothing', async () => {
    const page = await loadPage(MANAGE, {
      cloud: backend({ ...base, 'member/list': () => ok({ items: [], total: 0, offset: 0 }) }),
    })
    await page.tap('新建签订任务')
    await page.tap('#who-names')
    await page.waitForText('这个组织还没有党员')
    await page.tap('分配')
    await page.waitForText('请搜索并选择签订人员')
    expect(sent(page, 'campaign/create')).toEqual([])
  })

  test('全链核验 walks every page, prints the checkpoints, and names the first break', async () => {
    let broken = false
    const page1: ChainVerificationPage = {
      from: 1,
      to: 50,
      headSeq: 70,
      headHash: 'ee'.repeat(32),
      chainBreak: null,
      checkpoints: [
        { seq: 20, hash: 'aa'.repeat(32) },
        { seq: 40, hash: 'bb'.repeat(32) },
      ],
      next: 51,
      checkedAt: Date.now(),
    }
    const page2 = (): ChainVerificationPage => ({
      ...page1,
      from: 51,
      to: 70,
      checkpoints: [{ seq: 60, hash: 'cc'.repeat(32) }],
      chainBreak: broken ? { kind: 'missing', seq: 63 } : null,
      next: null,
    })
    const page = await loadPage(MANAGE, {
      cloud: backend({
        ...base,
        'chain/verify': (input) => ok(input.from === 51 ? page2() : page1),
      }),
    })
    await page.tap('开始核验')
    await page.waitForText('全部70份未被篡改')
    expect(sent(page, 'chain/verify')).toEqual([{ from: 1 }, { from: 51 }])
    expect(page.text()).toContain(`校验点 第20份 ${'aa'.repeat(32)}`)
    expect(page.text()).toContain(`校验点 第60份 ${'cc'.repeat(32)}`)
    broken = true
    await page.tap('重新核验')
    await page.waitForText('已被篡改：第63份被删除')
  })
})

describe('签订情况', () => {
  const completion: PledgeCompletion = {
    campaign: campaign({ assigned: 28 }),
    orgId: 's',
    orgName: '幸福街道党工委',
    assigned: 28,
    signed: 26,
    overdue: 0,
    pastDeadline: false,
    rows: [
      { orgId: 'c1', orgName: '和平社区党委', assigned: 20, signed: 19 },
      { orgId: 'c2', orgName: '光明社区党委', assigned: 8, signed: 7 },
    ],
    unsigned: [
      { memberId: 'm1', name: '冯浩然', orgName: '第一党支部', remindedToday: true, overdue: false },
      { memberId: 'm3', name: '王强', orgName: '光明第一党支部', remindedToday: false, overdue: false },
    ],
    remindersSent: 5,
    mayRemind: true,
  }

  test('shows 已签 / 应签, the reminders sent so far, and 导出签订名单 downloads and opens the .xlsx', async () => {
    const page = await loadPage(COMPLETION, {
      query: { id: 'c9' },
      cloud: backend({
        'campaign/completion': () => ok(completion),
        'campaign/export': () =>
          ok({
            fileName: '承诺书签订情况-2026-20261125.xlsx',
            url: 'https://files.example/p.xlsx',
            expiresAt: 1,
          }),
      }),
    })
    await page.waitForText('幸福街道党工委：已签 26 份 / 应签 28 份')
    expect(page.text()).toContain('已发送提醒 5 条')
    expect(page.text()).toContain('未签 2 人')
    await page.tap('导出签订名单')
    await page.waitForText('已导出：承诺书签订情况-2026-20261125.xlsx')
    expect(sent(page, 'campaign/export')).toEqual([{ campaignId: 'c9', orgId: 's' }])
    expect(page.downloads.map((d) => d.url)).toEqual(['https://files.example/p.xlsx'])
    expect(page.documents[0]).toMatchObject({ fileType: 'xlsx', showMenu: true })
  })
})
