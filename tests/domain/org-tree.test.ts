import {
  buildTree,
  childAncestors,
  childTypeOf,
  type OrgNode,
  orgPathName,
} from '../../cloudfunctions/domain/org-tree'

const node = (
  id: string,
  name: string,
  type: OrgNode['type'],
  parentId: string | null,
  ancestors: string[],
  order = 0,
) => ({
  _id: id,
  name,
  type,
  parentId,
  ancestors,
  order,
})

describe('the street → community → branch tree', () => {
  const street = node('s', '幸福街道党工委', 'street', null, [])
  const c1 = node('c1', '和平社区党委', 'community', 's', ['s'], 2)
  const c2 = node('c2', '光明社区党委', 'community', 's', ['s'], 1)
  const b1 = node('b1', '第一党支部', 'branch', 'c1', ['s', 'c1'])

  it('allows communities under the street, branches under communities and nothing under branches', () => {
    expect(childTypeOf(street)).toBe('community')
    expect(childTypeOf(c1)).toBe('branch')
    expect(childTypeOf(b1)).toBeNull()
    expect(childAncestors(c1)).toEqual(['s', 'c1'])
  })

  it('nests a flat list with siblings in their order', () => {
    const [root] = buildTree([b1, c1, street, c2])
    expect(root.name).toBe('幸福街道党工委')
    expect(root.children.map((c) => c.name)).toEqual(['光明社区党委', '和平社区党委'])
    expect(root.children[1].children.map((c) => c.name)).toEqual(['第一党支部'])
  })

  it('names a branch by its community, as people write it in a roster sheet', () => {
    const byId = new Map([street, c1, c2, b1].map((o) => [o._id, o]))
    expect(orgPathName(b1, byId)).toBe('和平社区党委 / 第一党支部')
    expect(orgPathName(street, byId)).toBe('幸福街道党工委')
  })
})
