import type { OrgView } from '@contract/org.contract'

import {
  buildTree,
  type OrgNode,
  type OrgTreeNode,
  type OrgType,
} from '../../../cloudfunctions/domain/org-tree'
import { can, type Permission, type RoleGrant } from '../../../cloudfunctions/domain/roles'

/** One node of the tree as a list row or picker entry, in display order. */
export interface OrgOption {
  id: string
  name: string
  type: OrgType
  parentId: string | null
  ancestors: string[]
  /** 0 for the street, 1 for a community, 2 for a branch (relative to the topmost node present). */
  depth: number
  /** "某某社区党委 / 第一党支部"; the street itself keeps its own name. */
  label: string
}

/** The contract sends `id`; the shared domain rules expect `_id`. */
export function toOrgNode(view: OrgView): OrgNode {
  return {
    _id: view.id,
    name: view.name,
    type: view.type,
    parentId: view.parentId,
    ancestors: view.ancestors,
    order: view.order,
  }
}

/** The whole tree flattened depth-first (siblings by order, then name), each node with its depth and path. */
export function flattenOrgs(views: readonly OrgView[]): OrgOption[] {
  const out: OrgOption[] = []
  const walk = (nodes: OrgTreeNode[], depth: number, path: string[]) => {
    for (const node of nodes) {
      const names = node.parentId === null ? [] : [...path, node.name]
      out.push({
        id: node._id,
        name: node.name,
        type: node.type,
        parentId: node.parentId,
        ancestors: node.ancestors,
        depth,
        label: names.length > 0 ? names.join(' / ') : node.name,
      })
      walk(node.children, depth + 1, names)
    }
  }
  walk(buildTree(views.map(toOrgNode)), 0, [])
  return out
}

export interface OrgFilter {
  /** Only nodes where the person holds this permission (held on the node or above it). */
  permission?: Permission
  /** Members sit on a community or a branch, never on the street itself. */
  placeableOnly?: boolean
}

/** What an organisation picker offers a person: the client only narrows, the server still decides. */
export function orgOptionsFor(
  views: readonly OrgView[],
  roles: readonly RoleGrant[],
  filter: OrgFilter = {},
): OrgOption[] {
  return flattenOrgs(views).filter(
    (o) =>
      (!filter.permission || can(roles, filter.permission, { _id: o.id, ancestors: o.ancestors })) &&
      (!filter.placeableOnly || o.type !== 'street'),
  )
}

/** Whether the person holds a permission on the node with this id (false when the node is unknown). */
export function mayOn(
  views: readonly OrgView[],
  roles: readonly RoleGrant[],
  permission: Permission,
  orgId: string,
): boolean {
  const org = views.find((v) => v.id === orgId)
  return org !== undefined && can(roles, permission, { _id: org.id, ancestors: org.ancestors })
}
