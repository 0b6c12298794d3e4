import type { RoleGrant } from '../../../../cloudfunctions/domain/roles'

/** Adds a grant unless the same role is already held on the same node. */
export function addGrant(grants: readonly RoleGrant[], grant: RoleGrant): RoleGrant[] {
  return grants.some((g) => g.orgId === grant.orgId && g.role === grant.role)
    ? [...grants]
    : [...grants, grant]
}

export function removeGrant(grants: readonly RoleGrant[], grant: RoleGrant): RoleGrant[] {
  return grants.filter((g) => !(g.orgId === grant.orgId && g.role === grant.role))
}

/** Same grants regardless of order: the 保存 button stays off until something changed. */
export function sameGrants(a: readonly RoleGrant[], b: readonly RoleGrant[]): boolean {
  const key = (g: RoleGrant) => `${g.role}@${g.orgId}`
  const left = new Set(a.map(key))
  const right = new Set(b.map(key))
  return left.size === right.size && [...left].every((k) => right.has(k))
}

/** Which kinds of node each role may be held on: the same rule the server enforces. */
export { ROLE_PLACEMENT as ROLE_ORG_TYPES } from '../../../../cloudfunctions/domain/roles'
