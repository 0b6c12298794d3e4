import { grantsBeyondReach, type RoleGrant, withinReach } from '../../cloudfunctions/domain/roles'

const street = { _id: 'street', ancestors: [] }
const c1 = { _id: 'c1', ancestors: ['street'] }
const c1b1 = { _id: 'c1b1', ancestors: ['street', 'c1'] }
const c2 = { _id: 'c2', ancestors: ['street'] }
const orgs = new Map([street, c1, c1b1, c2].map((o) => [o._id, o]))

const admin: RoleGrant[] = [{ orgId: 'street', role: 'street_admin' }]
const secretary: RoleGrant[] = [{ orgId: 'c1', role: 'community_secretary' }]
const branchSecretary: RoleGrant[] = [{ orgId: 'c1b1', role: 'branch_secretary' }]
const inspector: RoleGrant[] = [{ orgId: 'street', role: 'inspector' }]

describe('what a person may hand out to someone else (an invite for a roster entry that holds it)', () => {
  it('lets a community secretary hand out a branch secretary or a lecturer inside her community', () => {
    expect(withinReach(secretary, { orgId: 'c1b1', role: 'branch_secretary' }, c1b1)).toBe(true)
    expect(withinReach(secretary, { orgId: 'c1', role: 'lecturer' }, c1)).toBe(true)
  })

  it('refuses her a role above her own, one with powers she lacks, or one outside her community', () => {
    expect(withinReach(secretary, { orgId: 'street', role: 'street_admin' }, street)).toBe(false)
    expect(withinReach(secretary, { orgId: 'c1', role: 'inspector' }, c1)).toBe(false)
    expect(withinReach(secretary, { orgId: 'c2', role: 'lecturer' }, c2)).toBe(false)
  })

  it('lets a branch secretary hand out nothing above the branch', () => {
    expect(withinReach(branchSecretary, { orgId: 'c1b1', role: 'lecturer' }, c1b1)).toBe(true)
    expect(withinReach(branchSecretary, { orgId: 'c1', role: 'lecturer' }, c1)).toBe(false)
    expect(withinReach(branchSecretary, { orgId: 'c1', role: 'community_secretary' }, c1)).toBe(false)
  })

  it('lets the street admin hand out every role on every node, and an inspector (who invites nobody) none', () => {
    for (const org of orgs.values()) {
      for (const role of ['street_admin', 'inspector', 'community_secretary', 'lecturer'] as const) {
        expect(withinReach(admin, { orgId: org._id, role }, org)).toBe(true)
        expect(withinReach(inspector, { orgId: org._id, role }, org)).toBe(false)
      }
    }
  })

  it('lists the grants beyond reach, ignoring a grant on a node that no longer exists (it reaches nothing)', () => {
    const held: RoleGrant[] = [
      { orgId: 'c1b1', role: 'branch_secretary' },
      { orgId: 'street', role: 'street_admin' },
      { orgId: 'gone', role: 'street_admin' },
    ]
    expect(grantsBeyondReach(secretary, held, orgs)).toEqual([{ orgId: 'street', role: 'street_admin' }])
    expect(grantsBeyondReach(admin, held, orgs)).toEqual([])
    expect(grantsBeyondReach([], [], orgs)).toEqual([])
  })
})
