/**
 * 组织管理, 党员花名册, 党员信息 and 导入花名册 (packages/admin/pages/*) of the real weapp build: what a
 * street admin or a secretary sees, and the exact calls their taps and typing send.
 */
import type { InviteView } from '@contract/account.contract'
import type { MemberPage, MemberView, OrgView } from '@contract/org.contract'

import {
  communitySecretary,
  fire,
  member,
  ORGS,
  pickersOf,
  plainMember,
  streetAdmin,
  typeInto,
} from './admin-fixtures'
import { backend, deferred, fail, ok } from './backend'
import { loadPage, type PageHarness, parseUrl } from './harness'

const ORGS_PAGE = 'packages/admin/pages/orgs/index'
const ROSTER = 'packages/admin/pages/roster/index'
const MEMBER = 'packages/admin/pages/member/index'
const IMPORT = 'packages/admin/pages/import/index'

const tree = (orgs: OrgView[] = ORGS) => ({ 'org/tree': () => ok({ orgs }) }) as const

const lines = (page: PageHarness) => page.text().split('\n')
/** Whether the chip reading `label` shows as chosen. */
const chipOn = (page: PageHarness, label: string) =>
  Array.from(page.dom.querySelectorAll('wx-view.chip--on')).some((el) => el.textContent?.trim() === label)
const sent = (page: PageHarness, action: string) =>
  page.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data.data)

describe('组织管理', () => {
  test('loads, then shows street, communities and branches, each with its kind', async () => {
    const answer = deferred<ReturnType<typeof ok<{ orgs: OrgView[] }>>>()
    const page = await loadPage(ORGS_PAGE, {
      cloud: backend({ 'account/me': () => ok(streetAdmin), 'org/tree': () => answer.promise }),
    })
    await page.waitForText('正在加载…')
    expect(page.hasText('幸福街道党工委')).toBe(false)
    answer.resolve(ok({ orgs: ORGS }))
    await page.waitForText('光明第一党支部')
    const screen = lines(page)
    const names = [
      '幸福街道党工委',
      '和平社区党委',
      '第一党支部',
      '第二党支部',
      '光明社区党委',
      '光明第一党支部',
    ]
    expect(screen.filter((l) => names.includes(l))).toEqual(names)
    expect(screen).toEqual(
      expect.arrayContaining([
        '街道党工委 · 点此查看党员',
        '社区党组织 · 点此查看党员',
        '党支部 · 点此查看党员',
      ]),
    )
    expect(screen).toContain('添加社区')
    expect(screen).toContain('添加支部')
  })

  test('添加支部 under a community sends org/create with its id and the typed name; the branch appears', async () => {
    const added: OrgView = {
      id: 'c1-b3',
      name: '第三党支部',
      type: 'branch',
      parentId: 'c1',
      ancestors: ['s', 'c1'],
      order: 3,
    }
    let tries = 0
    const page = await loadPage(ORGS_PAGE, {
      cloud: backend({
        'account/me': () => ok(streetAdmin),
        ...tree(),
        'org/create': (input) =>
          ++tries === 1 ? fail('ORG.NAME_TAKEN', { name: input.name }) : ok({ ...added, name: input.name }),
      }),
    })
    await page.tap('添加支部') // the first one: 和平社区党委's
    await page.waitForText('在“和平社区党委”下添加党支部')
    expect(page.isDisabled('保存')).toBe(true)
    await typeInto(page, '例如：第一党支部', '第一党支部')
    await page.tap('保存')
    await page.waitForText('同一上级下已有名为“第一党支部”的组织')

    await typeInto(page, '例如：第一党支部', '  第三党支部 ')
    await page.tap('保存')
    await page.waitForNoText('在“和平社区党委”下添加党支部')
    expect(sent(page, 'org/create')).toEqual([
      { parentId: 'c1', name: '第一党支部' },
      { parentId: 'c1', name: '第三党支部' },
    ])
    const screen = lines(page)
    expect(screen.indexOf('第三党支部')).toBeGreaterThan(screen.indexOf('第二党支部'))
    expect(screen.indexOf('第三党支部')).toBeLessThan(screen.indexOf('光明社区党委'))
    expect(page.toasts.map((t) => t.title)).toContain('已添加')
  })

  test('删除 asks first; cancelling sends nothing, and ORG.NOT_EMPTY is explained in Chinese', async () => {
    const answers = [false, true]
    const page = await loadPage(ORGS_PAGE, {
      modal: (m) => (m.title === '删除组织' ? (answers.shift() ?? true) : true),
      cloud: backend({
        'account/me': () => ok(streetAdmin),
        ...tree(),
        'org/remove': () => fail('ORG.NOT_EMPTY'),
      }),
    })
    await page.tap('删除') // the first one: 和平社区党委's (the street has none)
    await page.waitFor(() => page.modals.length === 1, 3000, 'the confirmation')
    expect(page.modals[0]).toEqual({
      title: '删除组织',
      content: '确定删除“和平社区党委”吗？只有没有下级组织和党员的组织才能删除。',
    })
    await page.tap('删除')
    await page.waitFor(() => page.modals.length === 3, 3000, 'the refusal')
    expect(page.modals[2]).toEqual({ title: '不能删除', content: '该组织下还有下级组织或党员，不能删除' })
    expect(sent(page, 'org/remove')).toEqual([{ orgId: 'c1' }])
    expect(page.hasText('和平社区党委')).toBe(true)
  })

  test('删除 of an empty community, confirmed, removes it from the tree', async () => {
    const page = await loadPage(ORGS_PAGE, {
      cloud: backend({
        'account/me': () => ok(streetAdmin),
        ...tree(ORGS.slice(0, 2)),
        'org/remove': () => ok({ removed: true }),
      }),
    })
    await page.tap('删除')
    await page.waitForNoText('和平社区党委')
    expect(sent(page, 'org/remove')).toEqual([{ orgId: 'c1' }])
    expect(page.hasText('幸福街道党工委')).toBe(true)
    expect(page.toasts.map((t) => t.title)).toContain('已删除')
  })

  test('tapping an organisation opens its roster', async () => {
    const page = await loadPage(ORGS_PAGE, {
      cloud: backend({ 'account/me': () => ok(streetAdmin), ...tree() }),
    })
    await page.tap('第二党支部')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    const { route, query } = parseUrl(page.navigations[0].url!)
    expect([page.navigations[0].type, route, query]).toEqual([
      'navigateTo',
      'packages/admin/pages/roster/index',
      { orgId: 'c1-b2' },
    ])
  })

  test('a failed load shows the message and 重试 loads again; an empty tree says so', async () => {
    let n = 0
    const page = await loadPage(ORGS_PAGE, {
      cloud: backend({
        'account/me': () => ok(streetAdmin),
        'org/tree': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok({ orgs: [] })),
      }),
    })
    await page.waitForText('服务暂时不可用，请稍后再试')
    await page.tap('重试')
    await page.waitForText('还没有任何组织')
    expect(page.hasText('服务暂时不可用')).toBe(false)
    expect(sent(page, 'org/tree')).toHaveLength(2)
  })

  test('a secretary without org.manage is told so; no organisation is shown', async () => {
    const page = await loadPage(ORGS_PAGE, {
      cloud: backend({ 'account/me': () => ok(communitySecretary), ...tree() }),
    })
    await page.waitForText('你没有使用此功能的权限，如有需要请联系街道党工委')
    expect(page.hasText('和平社区党委')).toBe(false)
    expect(page.hasText('添加社区')).toBe(false)
  })

  test('someone not bound is asked to bind first', async () => {
    const page = await loadPage(ORGS_PAGE, {
      cloud: backend({
        'account/me': () =>
          ok({
            bound: false,
            reminderTemplateIds: [],
            visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
            member: null,
            roles: [],
          }),
        ...tree(),
      }),
    })
    await page.waitForText('请先绑定党员身份')
    expect(page.hasText('幸福街道党工委')).toBe(false)
  })
})

const PEOPLE: MemberView[] = [
  member({ id: 'm1', name: '王建国', phone: '138****1111', bound: true }),
  member({
    id: 'm2',
    name: '赵丽华',
    gender: '女',
    phone: '139****2222',
    orgId: 'c1-b2',
    orgName: '第二党支部',
    category: '离退休',
    cadreLevel: '中层',
  }),
]

const manyPeople = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    member({
      id: `p${from + i}`,
      name: `党员${from + i}`,
      phone: `138****${String(from + i).padStart(4, '0')}`,
    }),
  )

const pageOf = (items: MemberView[], total = items.length, offset = 0): MemberPage => ({
  items,
  total,
  offset,
})

describe('党员花名册', () => {
  test("a secretary's list of their community: names, place, category, binding and phones as sent", async () => {
    const page = await loadPage(ROSTER, {
      cloud: backend({
        'account/me': () => ok(communitySecretary),
        ...tree(),
        'member/list': () => ok(pageOf(PEOPLE)),
      }),
    })
    await page.waitForText('共 2 名党员')
    expect(sent(page, 'member/list')).toEqual([{ orgId: 'c1', offset: 0, limit: 20 }])
    const screen = lines(page)
    expect(screen).toEqual(
      expect.arrayContaining([
        '和平社区党委', // the picker, on the secretary's own community
        '王建国',
        '已绑定',
        '和平社区党委 / 第一党支部 · 在职',
        '手机 138****1111',
        '赵丽华',
        '未绑定',
        '和平社区党委 / 第二党支部 · 离退休 · 中层',
        '手机 139****2222',
      ]),
    )
    expect(screen).not.toContain('新增党员') // roster.manage is the street's
    expect(screen).not.toContain('加载更多')
  })

  test('搜索 sends member/list with the keyword and shows what the server found, or that nobody matched', async () => {
    const page = await loadPage(ROSTER, {
      query: { orgId: 'c1-b1' },
      cloud: backend({
        'account/me': () => ok(communitySecretary),
        ...tree(),
        'member/list': (input) =>
          ok(pageOf(input.keyword === '赵' ? [PEOPLE[1]] : input.keyword ? [] : PEOPLE)),
      }),
    })
    await page.waitForText('王建国')
    await typeInto(page, '输入姓名搜索', ' 赵 ')
    await page.tap('搜索')
    await page.waitFor(() => page.hasText('赵丽华') && !page.hasText('王建国'), 3000, 'only 赵丽华')
    await typeInto(page, '输入姓名搜索', '钱')
    await page.tap('搜索')
    await page.waitForText('没有符合条件的党员')
    expect(sent(page, 'member/list')).toEqual([
      { orgId: 'c1-b1', offset: 0, limit: 20 },
      { orgId: 'c1-b1', offset: 0, limit: 20, keyword: '赵' },
      { orgId: 'c1-b1', offset: 0, limit: 20, keyword: '钱' },
    ])
  })

  test('加载更多 asks for the next page from offset 20 and appends it', async () => {
    const page = await loadPage(ROSTER, {
      cloud: backend({
        'account/me': () => ok(communitySecretary),
        ...tree(),
        'member/list': (input) =>
          ok(input.offset ? pageOf(manyPeople(5, 20), 25, 20) : pageOf(manyPeople(20), 25)),
      }),
    })
    await page.waitForText('共 25 名党员')
    expect(page.hasText('党员19')).toBe(true)
    expect(page.hasText('党员20')).toBe(false)
    await page.tap('加载更多')
    await page.waitForText('党员24')
    expect(sent(page, 'member/list')).toEqual([
      { orgId: 'c1', offset: 0, limit: 20 },
      { orgId: 'c1', offset: 20, limit: 20 },
    ])
    expect(lines(page).filter((l) => /^党员\d+$/.test(l))).toHaveLength(25)
    expect(page.hasText('加载更多')).toBe(false)
  })

  test('tapping a member opens 党员信息 with their id', async () => {
    const page = await loadPage(ROSTER, {
      cloud: backend({
        'account/me': () => ok(communitySecretary),
        ...tree(),
        'member/list': () => ok(pageOf(PEOPLE)),
      }),
    })
    await page.tap('赵丽华')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    const { route, query } = parseUrl(page.navigations[0].url!)
    expect([page.navigations[0].type, route, query]).toEqual([
      'navigateTo',
      'packages/admin/pages/member/index',
      { id: 'm2' },
    ])
  })

  test('an empty organisation says so; a failed list shows the message and 重试 asks again', async () => {
    let n = 0
    const page = await loadPage(ROSTER, {
      cloud: backend({
        'account/me': () => ok(communitySecretary),
        ...tree(),
        'member/list': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok(pageOf([]))),
      }),
    })
    await page.waitForText('服务暂时不可用，请稍后再试')
    await page.tap('重试')
    await page.waitForText('这个组织还没有党员')
    expect(sent(page, 'member/list')).toHaveLength(2)
  })

  test('a member without roster.read is told so and no list is asked for', async () => {
    const page = await loadPage(ROSTER, {
      cloud: backend({ 'account/me': () => ok(plainMember), ...tree() }),
    })
    await page.waitForText('你没有使用此功能的权限，如有需要请联系街道党工委')
    expect(sent(page, 'member/list')).toEqual([])
  })
})

const WANG = member({ id: 'm1', name: '王建国' })

describe('党员信息', () => {
  test("a secretary sees the member's details as sent, can generate an invite but not edit", async () => {
    const page = await loadPage(MEMBER, {
      query: { id: 'm1' },
      cloud: backend({
        'account/me': () => ok(communitySecretary),
        ...tree(),
        'member/get': () =>
          ok({ ...WANG, phone: '138****1111', roles: [{ orgId: 'c1-b1', role: 'branch_secretary' }] }),
      }),
    })
    await page.waitForText('王建国')
    expect(sent(page, 'member/get')).toEqual([{ memberId: 'm1' }])
    const screen = page.text()
    for (const [label, value] of [
      ['性别', '男'],
      ['手机号', '138****1111'],
      ['所在组织', '和平社区党委 / 第一党支部'],
      ['党员类别', '在职'],
      ['干部类别', '无'],
      ['微信绑定', '未绑定'],
    ]) {
      expect(screen).toContain(`${label}\n${value}`)
    }
    expect(screen).toContain('支部书记（和平社区党委 / 第一党支部）')
    expect(screen).toContain('生成邀请码')
    expect(screen).not.toContain('修改信息')
  })

  test('生成邀请码 shows the 8-character code and its expiry date in China time', async () => {
    const invite: InviteView = {
      code: 'K7P2QX9M',
      memberName: '王建国',
      expiresAt: Date.UTC(2026, 11, 1, 16, 30), // 2026-12-02 00:30 in China
    }
    const page = await loadPage(MEMBER, {
      query: { id: 'm1' },
      cloud: backend({
        'account/me': () => ok(communitySecretary),
        ...tree(),
        'member/get': () => ok(WANG),
        'account/createInvite': () => ok(invite),
      }),
    })
    await page.tap('生成邀请码')
    await page.waitForText('K7P2QX9M')
    expect(lines(page)).toEqual(
      expect.arrayContaining(['K7P2QX9M', '有效期至 2026年12月2日', '重新生成邀请码']),
    )
    expect(sent(page, 'account/createInvite')).toEqual([{ memberId: 'm1' }])
    expect(page.toasts.map((t) => t.title)).toContain('邀请码已生成')
  })

  test('修改信息 sends member/update with only the changed field and shows the saved entry', async () => {
    const page = await loadPage(MEMBER, {
      query: { id: 'm1' },
      cloud: backend({
        'account/me': () => ok(streetAdmin),
        ...tree(),
        'member/get': () => ok(WANG),
        'member/update': (input) => ok({ ...WANG, ...input.patch }),
      }),
    })
    await page.tap('修改信息')
    await page.waitForText('修改党员信息')
    await page.tap('离退休')
    await page.waitFor(() => chipOn(page, '离退休'), 3000, '离退休 to be chosen')
    await page.tap('保存')
    await page.waitForNoText('修改党员信息')
    expect(sent(page, 'member/update')).toEqual([{ memberId: 'm1', patch: { category: '离退休' } }])
    expect(page.text()).toContain('党员类别\n离退休')
    expect(page.toasts.map((t) => t.title)).toContain('已保存')
  })

  test('a phone already on the roster shows MEMBER.PHONE_TAKEN and keeps the form open', async () => {
    const page = await loadPage(MEMBER, {
      query: { id: 'm1' },
      cloud: backend({
        'account/me': () => ok(streetAdmin),
        ...tree(),
        'member/get': () => ok(WANG),
        'member/update': (input) => fail('MEMBER.PHONE_TAKEN', { phone: input.patch.phone ?? '' }),
      }),
    })
    await page.tap('修改信息')
    await page.waitForText('修改党员信息')
    // The form's second text field (its fourth row): 手机号. The fields have no placeholder.
    const phone = '.admin-field:nth-child(4) input'
    expect(page.valueOf(phone)).toBe('13800001111')
    await typeInto(page, phone, '13900002222')
    await page.tap('保存')
    await page.waitForText('手机号 13900002222 已被花名册中的其他党员使用')
    expect(sent(page, 'member/update')).toEqual([{ memberId: 'm1', patch: { phone: '13900002222' } }])
    expect(page.hasText('修改党员信息')).toBe(true)
  })

  test('moving a member to another branch with the picker sends only orgId', async () => {
    const page = await loadPage(MEMBER, {
      query: { id: 'm1' },
      cloud: backend({
        'account/me': () => ok(streetAdmin),
        ...tree(),
        'member/get': () => ok(WANG),
        'member/update': (input) => ok({ ...WANG, ...input.patch, orgName: '光明第一党支部' }),
      }),
    })
    await page.tap('修改信息')
    await page.waitForText('修改党员信息')
    // placeable nodes: 和平社区党委, its two branches, 光明社区党委, 光明第一党支部
    fire(pickersOf(page.dom, '所在组织')[0], 'change', { value: 4 })
    await page.waitForText('光明社区党委 / 光明第一党支部')
    await page.tap('保存')
    await page.waitForNoText('修改党员信息')
    expect(sent(page, 'member/update')).toEqual([{ memberId: 'm1', patch: { orgId: 'c2-b1' } }])
    expect(page.text()).toContain('所在组织\n光明社区党委 / 光明第一党支部')
  })

  test('a failed load shows the message and 重试 loads again; without an id the page says where to come from', async () => {
    let n = 0
    const page = await loadPage(MEMBER, {
      query: { id: 'm1' },
      cloud: backend({
        'account/me': () => ok(streetAdmin),
        ...tree(),
        'member/get': () => (++n === 1 ? fail('COMMON.NETWORK') : ok(WANG)),
      }),
    })
    await page.waitForText('网络不通，请检查网络后重试')
    await page.tap('重试')
    await page.waitForText('微信绑定')
    expect(sent(page, 'member/get')).toHaveLength(2)

    const bare = await loadPage(MEMBER, {
      cloud: backend({ 'account/me': () => ok(streetAdmin), ...tree() }),
    })
    await bare.waitForText('没有指定党员，请从花名册进入')
  })
})

/** A roster sheet as WeChat lists it after the person picks it from a chat. */
const SHEET = { name: '和平社区花名册.xlsx', size: 20 * 1024, path: 'wxfile://tmp/roster.xlsx' }
/** Where `upload/prepare` tells the page to upload: the caller's own folder. */
const TICKET = {
  cloudPath: 'uploads/3f2a9c0e5b7d41e8a6c4f0b1d2e3a4b5/5b0e6a1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d.xlsx',
  maxBytes: 1048576,
}
const UPLOADED = `cloud://test/${TICKET.cloudPath}`

describe('导入花名册', () => {
  const admin = (actions: Parameters<typeof backend>[0] = {}) =>
    backend({
      'account/me': () => ok(streetAdmin),
      'upload/prepare': () => ok(TICKET),
      'member/import': () => ok({ imported: 37 }),
      ...actions,
    })

  test('开始导入 uploads the chosen file to storage and sends only its fileID; success says how many', async () => {
    const page = await loadPage(IMPORT, { cloud: admin(), chooseMessageFile: () => [SHEET] })
    await page.waitForText('尚未选择文件')
    expect(page.isDisabled('开始导入')).toBe(true)
    await page.tap('.btn--ghost') // 选择文件 (the card's title reads the same)
    await page.waitForText('已选择：和平社区花名册.xlsx（20 KB）')
    expect(page.fileChoices).toEqual([{ count: 1, type: 'file', extension: ['xlsx'] }])
    expect(page.uploads).toEqual([]) // nothing leaves the phone before 开始导入
    await page.tap('开始导入')
    await page.waitForText('已导入 37 名党员')
    expect(sent(page, 'upload/prepare')).toEqual([{ kind: 'xlsx' }])
    expect(page.uploads).toEqual([{ cloudPath: TICKET.cloudPath, filePath: SHEET.path }])
    expect(sent(page, 'member/import')).toEqual([{ fileID: UPLOADED }])
    expect(page.toasts.map((t) => t.title)).toContain('导入成功')
    // The sheet is gone once imported: a second tap cannot import the same people again.
    expect(page.hasText('尚未选择文件')).toBe(true)
    expect(page.isDisabled('开始导入')).toBe(true)
  })

  test('ROSTER.IMPORT_INVALID lists every bad row as 第N行 and says nothing was imported', async () => {
    const errors = [
      { row: 3, reason: '手机号应为11位数字' },
      { row: 7, reason: '找不到组织“第九党支部”' },
      { row: 12, reason: '党员类别应为 在职 / 离退休 / 流动' },
    ]
    const page = await loadPage(IMPORT, {
      cloud: admin({
        'member/import': () => ({
          ...fail('ROSTER.IMPORT_INVALID', { count: errors.length }),
          details: { errors },
        }),
      }),
      chooseMessageFile: () => [SHEET],
    })
    await page.tap('.btn--ghost')
    await page.tap('开始导入')
    await page.waitForText('花名册有 3 行有误，未导入任何数据，请修改后重新导入')
    expect(lines(page)).toEqual(
      expect.arrayContaining([
        '请改正以下各行后重新导入：',
        '第3行：手机号应为11位数字',
        '第7行：找不到组织“第九党支部”',
        '第12行：党员类别应为 在职 / 离退休 / 流动',
      ]),
    )
    expect(page.hasText(/已导入/)).toBe(false)
    // The file stays chosen, to send again after the sheet is corrected; sending again uploads it again.
    expect(page.hasText('已选择：和平社区花名册.xlsx（20 KB）')).toBe(true)
    await page.tap('开始导入')
    await page.waitFor(() => page.uploads.length === 2, 3000, 'a second upload')
    await page.waitFor(() => sent(page, 'member/import').length === 2, 3000, 'a second import')
  })

  test('an upload that fails says so, sends no import, and keeps the file to try again', async () => {
    let uploads = 0
    const page = await loadPage(IMPORT, {
      cloud: admin(),
      chooseMessageFile: () => [SHEET],
      uploadFile: () => {
        if (++uploads === 1) throw new Error('network down')
        return { fileID: UPLOADED }
      },
    })
    await page.tap('.btn--ghost')
    await page.tap('开始导入')
    await page.waitForText('文件上传失败，请检查网络后重试')
    expect(sent(page, 'member/import')).toEqual([])
    expect(page.isDisabled('开始导入')).toBe(false)
    await page.tap('开始导入')
    await page.waitForText('已导入 37 名党员')
    expect(sent(page, 'member/import')).toEqual([{ fileID: UPLOADED }])
  })

  test.each([
    ['FILE.NOT_FOUND', '文件不存在或已过期，请重新选择文件'],
    ['FILE.TOO_LARGE', '文件超过1MB，请删去多余的内容或分成几个文件'],
    ['FILE.WRONG_TYPE', '这不是 .xlsx 格式的文件，请重新选择'],
    ['ROSTER.FILE_UNREADABLE', '无法读取文件，请上传 .xlsx 格式的花名册'],
  ] as const)('the server refusing the file (%s) shows its message', async (code, message) => {
    const page = await loadPage(IMPORT, {
      cloud: admin({ 'member/import': () => fail(code, { limit: '1MB', type: '.xlsx' }) }),
      chooseMessageFile: () => [SHEET],
    })
    await page.tap('.btn--ghost')
    await page.tap('开始导入')
    await page.waitForText(message)
    expect(page.hasText(/已导入/)).toBe(false)
  })

  test('a file that is not .xlsx, or over 1 MB, is refused on the phone before anything is sent', async () => {
    let pick = { ...SHEET, name: '花名册.xls' }
    const page = await loadPage(IMPORT, { cloud: admin(), chooseMessageFile: () => [pick] })
    await page.tap('.btn--ghost')
    await page.waitForText('请选择 .xlsx 格式的 Excel 文件（旧版 .xls 请先另存为 .xlsx）')
    expect(page.isDisabled('开始导入')).toBe(true)
    pick = { ...SHEET, size: 1024 * 1024 + 1 }
    await page.tap('.btn--ghost')
    await page.waitForText('文件超过 1MB，请删去多余的工作表或分成几个文件导入')
    expect(page.isDisabled('开始导入')).toBe(true)
    expect(page.uploads).toEqual([])
    expect(sent(page, 'upload/prepare')).toEqual([])
    expect(sent(page, 'member/import')).toEqual([])
  })

  test('a secretary without roster.manage cannot import', async () => {
    const page = await loadPage(IMPORT, { cloud: backend({ 'account/me': () => ok(communitySecretary) }) })
    await page.waitForText('你没有使用此功能的权限，如有需要请联系街道党工委')
    expect(page.hasText('开始导入')).toBe(false)
  })
})
