import { can, type Permission, type RoleGrant, scopeRoots } from '../domain/roles'
import { AppError } from './app-error'
import type { CallContext } from './caller'
import type { OrgDoc } from './docs'

/**
 * The one answer to "may this caller do this on this organisation node". Every function
 * asks here; a role held on a node reaches its whole subtree.
 */
export function authorize(roles: readonly RoleGrant[], permission: Permission, org: OrgDoc): void {
  if (!can(roles, permission, org)) throw new AppError('COMMON.FORBIDDEN')
}

/** Loads the node and checks the permission on it: ORG.NOT_FOUND, then COMMON.FORBIDDEN. */
export async function authorizeOn(ctx: CallContext, permission: Permission, orgId: string): Promise<OrgDoc> {
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const org = orgs.get(orgId)
  if (!org) throw new AppError('ORG.NOT_FOUND')
  authorize(caller.roles, permission, org)
  return org
}

/** The roots of the subtrees the caller may act on with a permission; FORBIDDEN when none. */
export async function scopeOf(ctx: CallContext, permission: Permission): Promise<string[]> {
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const roots = scopeRoots(caller.roles, permission, orgs)
  if (roots.length === 0) throw new AppError('COMMON.FORBIDDEN')
  return roots
}
