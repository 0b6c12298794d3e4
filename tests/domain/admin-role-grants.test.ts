import type { RoleGrant } from '../../cloudfunctions/domain/roles'
import { addGrant, removeGrant, ROLE_ORG_TYPES, sameGrants } from '../../src/packages/admin/lib/role-grants'

const secretary: RoleGrant = { orgId: 'b1', role: 'branch_secretary' }
const lecturer: RoleGrant = { orgId: 's', role: 'lecturer' }

describe('editing a member’s roles', () => {
  it('adds a grant once, however often it is added', () => {
    expect(addGrant(addGrant([], secretary), { ...secretary })).toEqual([secretary])
  })

  it('removes only the grant asked for', () => {
    expect(removeGrant([secretary, lecturer], { orgId: 'b1', role: 'branch_secretary' })).toEqual([lecturer])
  })

  it('compares grants regardless of order, so 保存 stays off until something changed', () => {
    expect(sameGrants([secretary, lecturer], [lecturer, secretary])).toBe(true)
    expect(sameGrants([secretary], [secretary, lecturer])).toBe(false)
    expect(sameGrants([secretary], [{ orgId: 'b2', role: 'branch_secretary' }])).toBe(false)
  })

  it('offers each secretary role only on its own kind of node', () => {
    expect(ROLE_ORG_TYPES.community_secretary).toEqual(['community'])
    expect(ROLE_ORG_TYPES.branch_secretary).toEqual(['branch'])
    expect(ROLE_ORG_TYPES.street_admin).toEqual(['street'])
  })
})
