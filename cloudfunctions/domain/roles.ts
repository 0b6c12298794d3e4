/**
 * Roles are held on an organisation node and reach its whole subtree. This module is
 * pure so the client can hide what a person may not do and the server can refuse it
 * with the same table.
 */
import type { OrgType } from './org-tree'

export const ROLES = {
  street_admin: '街道管理员',
  community_secretary: '社区书记',
  branch_secretary: '支部书记',
  inspector: '纪工委',
  lecturer: '讲师',
} as const

export type Role = keyof typeof ROLES
export const ROLE_KEYS = Object.keys(ROLES) as Role[]

export type Permission =
  | 'org.manage'
  | 'roster.read'
  | 'roster.manage'
  | 'roles.manage'
  | 'invite.create'
  | 'stats.read'
  | 'session.manage'
  | 'visit.dispatch'
  /** 志愿服务: create activities, show the code, enter and confirm hours, close. */
  | 'volunteer.manage'
  | 'pledge.manage'
  | 'pledge.inspect'
  | 'quiz.manage'
  /** The question bank is the street's: kept by the street admin only. */
  | 'bank.manage'

const SECRETARY: Permission[] = [
  'roster.read',
  'invite.create',
  'stats.read',
  'session.manage',
  'visit.dispatch',
  'pledge.manage',
  'quiz.manage',
  'volunteer.manage',
]

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  street_admin: [
    ...SECRETARY,
    'org.manage',
    'roster.manage',
    'roles.manage',
    'pledge.inspect',
    'bank.manage',
  ],
  community_secretary: SECRETARY,
  branch_secretary: SECRETARY,
  inspector: ['roster.read', 'stats.read', 'pledge.inspect'],
  lecturer: [],
}

/**
 * The kind of node each role is held on: 社区书记 on a community, 支部书记 on a branch, and so
 * on. The client offers only these; the server refuses others.
 */
export const ROLE_PLACEMENT: Record<Role, readonly OrgType[]> = {
  street_admin: ['street'],
  community_secretary: ['community'],
  branch_secretary: ['branch'],
  inspector: ['street', 'community'],
  lecturer: ['street', 'community', 'branch'],
}

export function roleFitsOrg(role: Role, type: OrgType): boolean {
  return ROLE_PLACEMENT[role].includes(type)
}

export interface RoleGrant {
  orgId: string
  role: Role
}

/** The part of an organisation node that placement in the tree needs. */
export interface OrgPlacement {
  _id: string
  ancestors: readonly string[]
}

export function inSubtree(rootId: string, org: OrgPlacement): boolean {
  return org._id === rootId || org.ancestors.includes(rootId)
}

export function can(roles: readonly RoleGrant[], permission: Permission, target: OrgPlacement): boolean {
  return roles.some((g) => ROLE_PERMISSIONS[g.role].includes(permission) && inSubtree(g.orgId, target))
}

/** The nodes under which the caller holds a permission, without nodes already covered by another. */
export function scopeRoots(
  roles: readonly RoleGrant[],
  permission: Permission,
  orgs: ReadonlyMap<string, OrgPlacement>,
): string[] {
  const roots = [
    ...new Set(roles.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission)).map((g) => g.orgId)),
  ]
  return roots.filter((id) => {
    const org = orgs.get(id)
    return org !== undefined && !org.ancestors.some((a) => roots.includes(a))
  })
}

export function hasAnyPermission(roles: readonly RoleGrant[], permission: Permission): boolean {
  return roles.some((g) => ROLE_PERMISSIONS[g.role].includes(permission))
}

/**
 * Whether a person holding `issuer` may hand `grant` to someone else, as an invite code does for the
 * roster entry that holds it: the grant's node lies where the issuer may invite, and the role gives
 * nothing there that the issuer does not hold there. A 社区书记 may so hand out a 支部书记 of a branch
 * below, never a 街道管理员, a 纪工委 or anything on a node outside the community.
 */
export function withinReach(issuer: readonly RoleGrant[], grant: RoleGrant, org: OrgPlacement): boolean {
  return can(issuer, 'invite.create', org) && ROLE_PERMISSIONS[grant.role].every((p) => can(issuer, p, org))
}

/**
 * The grants of `held` that `issuer` may not hand out. A grant on a node that no longer exists
 * reaches nothing (every permission is checked against the node), so it is no obstacle.
 */
export function grantsBeyondReach(
  issuer: readonly RoleGrant[],
  held: readonly RoleGrant[],
  orgs: ReadonlyMap<string, OrgPlacement>,
): RoleGrant[] {
  return held.filter((g) => {
    const org = orgs.get(g.orgId)
    return org !== undefined && !withinReach(issuer, g, org)
  })
}

/**
 * How much of a node's records the caller may read with a permission: all of it (`'whole'`) when the permission
 * reaches the node, else the nodes inside its subtree where the caller holds it (a 支部书记 reading a community's
 * session sees their branch's part), or null when there are none.
 */
export function readReach(
  roles: readonly RoleGrant[],
  permission: Permission,
  target: OrgPlacement,
  orgs: ReadonlyMap<string, OrgPlacement>,
): 'whole' | string[] | null {
  if (can(roles, permission, target)) return 'whole'
  const inside = scopeRoots(roles, permission, orgs).filter((id) =>
    orgs.get(id)?.ancestors.includes(target._id),
  )
  return inside.length > 0 ? inside : null
}
