/** The street → community → branch tree. */
export const ORG_TYPES = { street: '街道党工委', community: '社区党组织', branch: '党支部' } as const
export type OrgType = keyof typeof ORG_TYPES

const CHILD_TYPE: Record<OrgType, OrgType | null> = { street: 'community', community: 'branch', branch: null }

export interface OrgNode {
  _id: string
  name: string
  type: OrgType
  parentId: string | null
  ancestors: string[]
  order: number
}

/** The type a new child of `parent` must have, or null when the node takes no children. */
export function childTypeOf(parent: Pick<OrgNode, 'type'>): OrgType | null {
  return CHILD_TYPE[parent.type]
}

export function childAncestors(parent: Pick<OrgNode, '_id' | 'ancestors'>): string[] {
  return [...parent.ancestors, parent._id]
}

export interface OrgTreeNode extends OrgNode {
  children: OrgTreeNode[]
}

/** Nests a flat list; nodes whose parent is absent become roots. Siblings sort by order, then name. */
export function buildTree(nodes: readonly OrgNode[]): OrgTreeNode[] {
  const byId = new Map<string, OrgTreeNode>(nodes.map((n) => [n._id, { ...n, children: [] }]))
  const roots: OrgTreeNode[] = []
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: OrgTreeNode[]) => {
    list.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh'))
    list.forEach((n) => sort(n.children))
  }
  sort(roots)
  return roots
}

/** "某某社区党委 / 第一党支部": the names from the topmost visible ancestor down to the node. */
export function orgPathName(org: OrgNode, byId: ReadonlyMap<string, OrgNode>, skipRoot = true): string {
  const names = [...org.ancestors, org._id]
    .map((id) => byId.get(id))
    .filter((n): n is OrgNode => n !== undefined && !(skipRoot && n.parentId === null && n._id !== org._id))
    .map((n) => n.name)
  return names.join(' / ')
}
