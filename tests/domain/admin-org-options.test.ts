import type { OrgView } from '@contract/org.contract'

import type { RoleGrant } from '../../cloudfunctions/domain/roles'
import { flattenOrgs, mayOn, orgOptionsFor } from '../../src/components/org-picker/org-options'

const org = (id: string, name: string, type: OrgView['type'], ancestors: string[], order = 0): OrgView => ({
  id,
  name,
  type,
  parentId: ancestors.length > 0 ? ancestors[ancestors.length - 1] : null,
  ancestors,
  order,
})

// Given out of order on purpose: the helpers must nest and sort, not trust the input order.
const ORGS: OrgView[] = [
  org('b2', '第二党支部', 'branch', ['s', 'c1'], 2),
  org('c2', '光明社区党委', 'community', ['s'], 2),
  org('s', '幸福街道党工委', 'street', []),
  org('b1', '第一党支部', 'branch', ['s', 'c1'], 1),
  org('c1', '和平社区党委', 'community', ['s'], 1),
  org('b3', '第一党支部', 'branch', ['s', 'c2'], 1),
]

describe('the organisation tree as rows and picker entries', () => {
  it('lists every node depth-first with its depth and a "社区 / 支部" label', () => {
    expect(flattenOrgs(ORGS).map((o) => [o.id, o.depth, o.label])).toEqual([
      ['s', 0, '幸福街道党工委'],
      ['c1', 1, '和平社区党委'],
      ['b1', 2, '和平社区党委 / 第一党支部'],
      ['b2', 2, '和平社区党委 / 第二党支部'],
      ['c2', 1, '光明社区党委'],
      ['b3', 2, '光明社区党委 / 第一党支部'],
    ])
  })

  it('offers a street admin every node, and only communities and branches for placing members', () => {
    const admin: RoleGrant[] = [{ orgId: 's', role: 'street_admin' }]
    expect(orgOptionsFor(ORGS, admin, { permission: 'roster.read' })).toHaveLength(6)
    expect(
      orgOptionsFor(ORGS, admin, { permission: 'roster.manage', placeableOnly: true }).map((o) => o.id),
    ).toEqual(['c1', 'b1', 'b2', 'c2', 'b3'])
  })

  it('offers a community secretary only their own community and its branches to read', () => {
    const secretary: RoleGrant[] = [{ orgId: 'c2', role: 'community_secretary' }]
    expect(orgOptionsFor(ORGS, secretary, { permission: 'roster.read' }).map((o) => o.id)).toEqual([
      'c2',
      'b3',
    ])
    expect(orgOptionsFor(ORGS, secretary, { permission: 'roster.manage' })).toEqual([])
  })

  it('answers whether a permission reaches a node, and no for an unknown node', () => {
    const branch: RoleGrant[] = [{ orgId: 'b1', role: 'branch_secretary' }]
    expect(mayOn(ORGS, branch, 'invite.create', 'b1')).toBe(true)
    expect(mayOn(ORGS, branch, 'invite.create', 'b2')).toBe(false)
    expect(mayOn(ORGS, branch, 'roster.manage', 'b1')).toBe(false)
    expect(mayOn(ORGS, branch, 'roster.read', 'gone')).toBe(false)
  })
})
