import type { MeView } from '../../cloudfunctions/contract/account.contract'
import { homeMenu } from '../../src/features/home-menu'

const member = { id: 'm1', name: '张三', orgId: 'b1', orgName: '第一党支部', category: '在职' as const }

describe('首页 offers what the person’s roles allow', () => {
  it('offers a resident binding and resident services only', () => {
    const me: MeView = { bound: false, member: null, roles: [] }
    expect(homeMenu(me).map((e) => e.title)).toEqual(['绑定党员身份', '上门服务'])
  })

  it('offers a plain member no management entries', () => {
    const titles = homeMenu({ bound: true, member, roles: [] }).map((e) => e.title)
    expect(titles).toContain('扫码签到')
    expect(titles).not.toContain('党员花名册')
    expect(titles).not.toContain('组织管理')
  })

  it('offers a secretary the roster but not organisation management or import', () => {
    const titles = homeMenu({
      bound: true,
      member,
      roles: [{ orgId: 'c1', orgName: '和平社区党委', role: 'community_secretary' }],
    }).map((e) => e.title)
    expect(titles).toContain('党员花名册')
    expect(titles).not.toContain('组织管理')
    expect(titles).not.toContain('导入花名册')
  })

  it('offers the street admin organisation management and roster import, each opening a page', () => {
    const entries = homeMenu({
      bound: true,
      member,
      roles: [{ orgId: 's', orgName: '幸福街道党工委', role: 'street_admin' }],
    })
    expect(entries.find((e) => e.title === '组织管理')?.route).toBe('orgs')
    expect(entries.find((e) => e.title === '导入花名册')?.route).toBe('import')
  })
})
