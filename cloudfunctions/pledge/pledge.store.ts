import { AppError } from '../common/app-error'
import type { CallContext } from '../common/caller'
import { collection, readById } from '../common/data'
import type { OrgDoc } from '../common/docs'
import type { PledgeAssignmentDoc, PledgeCampaignDoc } from '../common/pledge.docs'
import { can, type Permission, type RoleGrant, scopeRoots } from '../domain/roles'

export const templates = () => collection('pledgeTemplates')
export const campaigns = () => collection('pledgeCampaigns')
export const assignments = () => collection('pledgeAssignments')
export const signings = () => collection('pledgeSignings')
export const chain = () => collection('pledgeChain')

/** Templates and campaigns are kept by the street admin and the 纪工委 (`pledge.inspect`). */
export const KEEP: Permission = 'pledge.inspect'
/** Completion and reminders: the keepers, and secretaries in their subtree (`pledge.manage`). */
const READ: readonly Permission[] = ['pledge.inspect', 'pledge.manage']

export function mayRead(roles: readonly RoleGrant[], org: OrgDoc): boolean {
  return READ.some((p) => can(roles, p, org))
}

export async function streetOf(ctx: CallContext): Promise<OrgDoc> {
  const street = [...(await ctx.orgs()).values()].find((o) => o.parentId === null)
  if (!street) throw new AppError('ORG.NOT_FOUND')
  return street
}

/** The roots of the subtrees whose pledges the caller reads; FORBIDDEN when none. */
export async function readRoots(ctx: CallContext): Promise<string[]> {
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const roots = [...new Set(READ.flatMap((p) => scopeRoots(caller.roles, p, orgs)))]
  const top = roots.filter((id) => !orgs.get(id)?.ancestors.some((a) => roots.includes(a)))
  if (top.length === 0) throw new AppError('COMMON.FORBIDDEN')
  return top
}

/** A node the caller reads pledges of: ORG.NOT_FOUND, then COMMON.FORBIDDEN. */
export async function readableOrg(ctx: CallContext, orgId: string): Promise<OrgDoc> {
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const org = orgs.get(orgId)
  if (!org) throw new AppError('ORG.NOT_FOUND')
  if (!mayRead(caller.roles, org)) throw new AppError('COMMON.FORBIDDEN')
  return org
}

export function loadCampaign(id: string): Promise<PledgeCampaignDoc> {
  return readById('pledgeCampaigns', id, 'PLEDGE.CAMPAIGN_NOT_FOUND')
}

/**
 * An assignment the caller may see: their own, or one in a subtree whose pledges they read. Anyone else is told
 * PLEDGE.NOT_FOUND, as for an unknown id, so ids of others' pledges reveal nothing.
 */
export async function visibleAssignment(
  ctx: CallContext,
  assignmentId: string,
): Promise<{ assignment: PledgeAssignmentDoc; mine: boolean }> {
  const [assignment, caller] = await Promise.all([
    readById('pledgeAssignments', assignmentId, 'PLEDGE.NOT_FOUND'),
    ctx.member(),
  ])
  if (assignment.memberId === caller.member._id) return { assignment, mine: true }
  // Only someone else's pledge needs the tree: whether the caller reads the member's organisation.
  const org = (await ctx.orgs()).get(assignment.orgId)
  if (!(org && mayRead(caller.roles, org))) throw new AppError('PLEDGE.NOT_FOUND')
  return { assignment, mine: false }
}
