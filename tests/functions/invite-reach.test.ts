import type { RoleGrant } from '../../cloudfunctions/domain/roles'
import { type Backend, DEMO, failed, ok, startBackend } from '../support/backend'

/**
 * An invite code hands whoever binds with it the roles of its roster entry. Nobody may hand out,
 * through an invite, roles beyond their own reach: a 社区书记 invites plain members and the
 * secretaries of branches below her, never a 街道管理员, a 纪工委 or a role elsewhere in the street.
 */
let backend: Backend
beforeEach(async () => {
  backend = await startBackend()
})
afterEach(() => backend.close())

let phones = 0
/** A new unbound roster entry made through the app by the street admin, with the roles given. */
async function entryWith(orgId: string, roles: RoleGrant[]): Promise<{ id: string; name: string }> {
  phones += 1
  const name = `邀请测试${phones}`
  const member = ok(
    await backend.call(DEMO.admin, 'org', 'member/create', {
      name,
      gender: '女',
      phone: `1380000${String(phones).padStart(4, '0')}`,
      orgId,
      category: '在职',
      cadreLevel: null,
    }),
  )
  if (roles.length > 0) await setRoles(member.id, roles)
  return { id: member.id, name }
}

async function setRoles(memberId: string, roles: RoleGrant[]) {
  ok(await backend.call(DEMO.admin, 'org', 'member/setRoles', { memberId, roles }))
}

async function invite(issuer: string, memberId: string) {
  return backend.call(issuer, 'account', 'account/createInvite', { memberId })
}

async function bindWith(openid: string, code: string) {
  return backend.call(openid, 'account', 'account/bindByInvite', { code })
}

describe('a secretary cannot hand out roles above her own', () => {
  it.each<[string, RoleGrant, string]>([
    ['街道管理员 of the street', { orgId: 'org-street', role: 'street_admin' }, '街道管理员'],
    [
      '纪工委 of her own community (a power she does not hold)',
      { orgId: 'org-c1', role: 'inspector' },
      '纪工委',
    ],
    [
      '支部书记 of a branch in another community',
      { orgId: 'org-c2-b1', role: 'branch_secretary' },
      '支部书记',
    ],
    ['讲师 of another community', { orgId: 'org-c2', role: 'lecturer' }, '讲师'],
  ])('refuses to invite an entry who is %s, and changes nothing', async (_label, grant, roleName) => {
    const entry = await entryWith('org-c1-b1', [grant])
    const before = await backend.snapshot()
    const refused = failed(await invite(DEMO.secretary1, entry.id))
    expect(refused.code).toBe('ACCOUNT.INVITE_BEYOND_REACH')
    expect(refused.message).toContain(entry.name)
    expect(refused.message).toContain(roleName)
    expect(refused.message).toContain('请由街道管理员生成邀请码')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('a branch secretary cannot invite a member who is 讲师 of the whole community', async () => {
    const entry = await entryWith('org-c1-b2', [{ orgId: 'org-c1', role: 'lecturer' }])
    expect(failed(await invite(DEMO.branchSecretary1, entry.id)).code).toBe('ACCOUNT.INVITE_BEYOND_REACH')
  })
})

describe('within reach, invites work and give exactly the entry’s roles', () => {
  it('a secretary invites a plain member: the holder binds as a member with no roles', async () => {
    const entry = await entryWith('org-c1-b1', [])
    const code = ok(await invite(DEMO.secretary1, entry.id)).code
    const me = ok(await bindWith('wx-plain-newcomer', code))
    expect(me.member?.id).toBe(entry.id)
    expect(me.roles).toEqual([])
  })

  it('a community secretary invites the 支部书记 of a branch in her community', async () => {
    const entry = await entryWith('org-c1-b1', [{ orgId: 'org-c1-b1', role: 'branch_secretary' }])
    const code = ok(await invite(DEMO.secretary1, entry.id)).code
    const me = ok(await bindWith('wx-branch-newcomer', code))
    expect(me.roles).toEqual([{ orgId: 'org-c1-b1', orgName: '第一党支部', role: 'branch_secretary' }])
  })

  it('the street admin invites anyone, a new 街道管理员 included', async () => {
    const entry = await entryWith('org-c1-b1', [
      { orgId: 'org-street', role: 'street_admin' },
      { orgId: 'org-c1', role: 'inspector' },
    ])
    const code = ok(await invite(DEMO.admin, entry.id)).code
    const me = ok(await bindWith('wx-admin-newcomer', code))
    expect(me.roles.map((r) => r.role).sort()).toEqual(['inspector', 'street_admin'])
  })
})

describe('an invite issued within reach', () => {
  it('stops working when the entry is given a role beyond its issuer before it is used', async () => {
    const entry = await entryWith('org-c1-b1', [])
    const code = ok(await invite(DEMO.secretary1, entry.id)).code
    await setRoles(entry.id, [{ orgId: 'org-street', role: 'street_admin' }])
    ok(await backend.call('wx-late-newcomer', 'account', 'account/me', {}))
    const before = await backend.snapshot()
    const refused = failed(await bindWith('wx-late-newcomer', code))
    expect(refused).toMatchObject({
      code: 'ACCOUNT.INVITE_OUTDATED',
      message: '邀请码已失效（对应党员的职务有变动），请联系街道管理员重新生成',
    })
    expect(await backend.snapshot()).toEqual(before)
    const fresh = ok(await invite(DEMO.admin, entry.id)).code
    expect(ok(await bindWith('wx-late-newcomer', fresh)).roles.map((r) => r.role)).toEqual(['street_admin'])
  })

  it('still works when the entry is given a role the issuer could hand out herself', async () => {
    const entry = await entryWith('org-c1-b2', [])
    const code = ok(await invite(DEMO.secretary1, entry.id)).code
    await setRoles(entry.id, [{ orgId: 'org-c1-b2', role: 'branch_secretary' }])
    expect(ok(await bindWith('wx-promoted-newcomer', code)).roles.map((r) => r.role)).toEqual([
      'branch_secretary',
    ])
  })
})
