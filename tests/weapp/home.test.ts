/** 首页 (pages/home/index) of the real weapp build: what a person sees depends on the roles `account/me` returns. */
import type { MeView, RoleView } from '@contract/account.contract'

import { MEMBER_CATEGORIES } from '../../cloudfunctions/domain/member.rules'
import { backend, fail, ok } from './backend'
import { loadPage, parseUrl } from './harness'

const HOME = 'pages/home/index'

const resident: MeView = {
  bound: false,
  reminderTemplateIds: [],
  visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
  member: null,
  roles: [],
}

function member(roles: RoleView[] = []): MeView {
  return {
    bound: true,
    reminderTemplateIds: [],
    visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
    member: {
      id: 'm1',
      name: '王红',
      orgId: 'b1',
      orgName: '幸福社区第一支部',
      category: MEMBER_CATEGORIES[0],
    },
    roles,
  }
}

const role = (r: RoleView['role'], orgId = 'b1', orgName = '幸福社区第一支部'): RoleView => ({
  orgId,
  orgName,
  role: r,
})

const MEMBER_TILES = ['扫码签到', '我的学习', '待签承诺书', '党建考核', '志愿服务']
const ADMIN_TILES = ['党员花名册', '组织管理', '导入花名册', '月度统计']

function lines(text: string): string[] {
  return text.split('\n')
}

describe('首页', () => {
  test('asks the server who is calling, through the account function', async () => {
    const page = await loadPage(HOME, { cloud: backend({ 'account/me': () => ok(resident) }) })
    await page.waitForText('欢迎使用基层党建助手')
    expect(page.cloudCalls).toEqual([{ name: 'account', data: { action: 'account/me', data: {} } }])
  })

  test('a resident sees the welcome and 绑定党员身份, no member or admin tiles; the tile opens the binding page', async () => {
    const page = await loadPage(HOME, { cloud: backend({ 'account/me': () => ok(resident) }) })
    await page.waitForText('绑定党员身份')
    const screen = lines(page.text())
    expect(screen).toEqual(expect.arrayContaining(['欢迎使用基层党建助手', '绑定党员身份', '上门服务']))
    for (const tile of [...MEMBER_TILES, ...ADMIN_TILES]) expect(screen).not.toContain(tile)

    await page.tap('绑定党员身份')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations).toHaveLength(1)
    expect(page.navigations[0].type).toBe('navigateTo')
    expect(parseUrl(page.navigations[0].url!).route).toBe('packages/account/pages/bind/index')
  })

  test('a member without roles is greeted by name and sees member tiles only', async () => {
    const page = await loadPage(HOME, { cloud: backend({ 'account/me': () => ok(member()) }) })
    await page.waitForText('王红，你好')
    const screen = lines(page.text())
    expect(screen).toContain('幸福社区第一支部')
    for (const tile of MEMBER_TILES) expect(screen).toContain(tile)
    for (const tile of [...ADMIN_TILES, '绑定党员身份']) expect(screen).not.toContain(tile)
  })

  test('a branch secretary also sees 党员花名册 and 月度统计, not street administration', async () => {
    const page = await loadPage(HOME, {
      cloud: backend({ 'account/me': () => ok(member([role('branch_secretary')])) }),
    })
    await page.waitForText('党员花名册')
    const screen = lines(page.text())
    expect(screen).toEqual(expect.arrayContaining([...MEMBER_TILES, '党员花名册', '月度统计']))
    expect(screen).not.toContain('组织管理')
    expect(screen).not.toContain('导入花名册')
  })

  test('an inspector (纪工委) reads the roster and statistics but manages nothing', async () => {
    const page = await loadPage(HOME, {
      cloud: backend({ 'account/me': () => ok(member([role('inspector', 's1', '幸福街道')])) }),
    })
    await page.waitForText('月度统计')
    const screen = lines(page.text())
    expect(screen).toContain('党员花名册')
    expect(screen).not.toContain('组织管理')
    expect(screen).not.toContain('导入花名册')
  })

  test('a street admin sees every admin tile, and 组织管理 opens its page', async () => {
    const page = await loadPage(HOME, {
      cloud: backend({ 'account/me': () => ok(member([role('street_admin', 's1', '幸福街道')])) }),
    })
    await page.waitForText('组织管理')
    expect(lines(page.text())).toEqual(expect.arrayContaining([...MEMBER_TILES, ...ADMIN_TILES]))

    await page.tap('组织管理')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations.map((n) => [n.type, parseUrl(n.url!).route])).toEqual([
      ['navigateTo', 'packages/admin/pages/orgs/index'],
    ])
  })

  test('when the server fails the page shows its message and 重试 loads again', async () => {
    let calls = 0
    const page = await loadPage(HOME, {
      cloud: backend({ 'account/me': () => (++calls === 1 ? fail('COMMON.INTERNAL') : ok(member())) }),
    })
    await page.waitForText('服务暂时不可用，请稍后再试')
    expect(page.hasText('王红，你好')).toBe(false)
    await page.tap('重试')
    await page.waitForText('王红，你好')
    expect(page.hasText('服务暂时不可用')).toBe(false)
    expect(page.cloudCalls).toHaveLength(2)
  })

  test('when the cloud call itself fails the page says the network is down', async () => {
    const page = await loadPage(HOME, {
      cloud: () => {
        throw new Error('timeout')
      },
    })
    await page.waitForText('网络不通，请检查网络后重试')
    expect(page.errors).toEqual([])
  })
})
