import {
  can,
  hasAnyPermission,
  readReach,
  type RoleGrant,
  scopeRoots,
} from '../../cloudfunctions/domain/roles'

const street = { _id: 'street', ancestors: [] }
const c1 = { _id: 'c1', ancestors: ['street'] }
const c1b1 = { _id: 'c1b1', ancestors: ['street', 'c1'] }
const c2 = { _id: 'c2', ancestors: ['street'] }
const c2b1 = { _id: 'c2b1', ancestors: ['street', 'c2'] }
const orgs = new Map([street, c1, c1b1, c2, c2b1].map((o) => [o._id, o]))

describe('a role held on a node reaches its whole subtree and nothing else', () => {
  const secretary: RoleGrant[] = [{ orgId: 'c1', role: 'community_secretary' }]

  it('lets a community secretary read the roster of their community and its branches', () => {
    expect(can(secretary, 'roster.read', c1)).toBe(true)
    expect(can(secretary, 'roster.read', c1b1)).toBe(true)
  })

  it('refuses the same secretary on another community, its branches and the street', () => {
    expect(can(secretary, 'roster.read', c2)).toBe(false)
    expect(can(secretary, 'roster.read', c2b1)).toBe(false)
    expect(can(secretary, 'roster.read', street)).toBe(false)
  })

  it('gives secretaries no roster editing and no role management', () => {
    expect(can(secretary, 'roster.manage', c1)).toBe(false)
    expect(can(secretary, 'roles.manage', c1b1)).toBe(false)
  })

  it('lets the street admin manage every node, the inspector only read', () => {
    const admin: RoleGrant[] = [{ orgId: 'street', role: 'street_admin' }]
    const inspector: RoleGrant[] = [{ orgId: 'street', role: 'inspector' }]
    for (const org of orgs.values()) {
      expect(can(admin, 'org.manage', org)).toBe(true)
      expect(can(inspector, 'pledge.inspect', org)).toBe(true)
      expect(can(inspector, 'roster.manage', org)).toBe(false)
    }
  })

  it('gives a lecturer or a plain member nothing to manage', () => {
    expect(can([{ orgId: 'street', role: 'lecturer' }], 'roster.read', c1)).toBe(false)
    expect(can([], 'stats.read', c1)).toBe(false)
    expect(hasAnyPermission([], 'roster.read')).toBe(false)
  })
})

describe('scopeRoots', () => {
  it('drops nodes already covered by a higher grant of the same permission', () => {
    const roles: RoleGrant[] = [
      { orgId: 'c1b1', role: 'branch_secretary' },
      { orgId: 'c1', role: 'community_secretary' },
      { orgId: 'c2b1', role: 'branch_secretary' },
    ]
    expect(scopeRoots(roles, 'stats.read', orgs).sort()).toEqual(['c1', 'c2b1'])
  })

  it('is empty for a permission the roles do not carry', () => {
    expect(scopeRoots([{ orgId: 'c1', role: 'lecturer' }], 'stats.read', orgs)).toEqual([])
  })
})

describe('readReach', () => {
  it('reads a node whole where the permission reaches it, else only the parts below held by the caller', () => {
    const branch: RoleGrant[] = [{ orgId: 'c1b1', role: 'branch_secretary' }]
    expect(readReach(branch, 'stats.read', c1b1, orgs)).toBe('whole')
    expect(readReach(branch, 'stats.read', c1, orgs)).toEqual(['c1b1'])
    expect(readReach(branch, 'stats.read', street, orgs)).toEqual(['c1b1'])
    expect(readReach(branch, 'stats.read', c2, orgs)).toBeNull()
    expect(readReach(branch, 'session.manage', c1, orgs)).toEqual(['c1b1'])
    expect(readReach([{ orgId: 'street', role: 'inspector' }], 'stats.read', c2b1, orgs)).toBe('whole')
    expect(readReach([], 'stats.read', c1, orgs)).toBeNull()
  })
})
