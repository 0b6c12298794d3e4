import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { collection, insertUnique, isDuplicateKey } from '../common/data'
import type { OrgDoc } from '../common/docs'
import { toOrgView } from '../common/views'
import type { OrgView } from '../contract/org.contract'
import { buildTree, childAncestors, childTypeOf, ORG_TYPES, type OrgNode } from '../domain/org-tree'
import { writeAudit } from './audit'

/** Any signed-in person may read the tree: residents choose their community from it. */
export async function getTree(ctx: CallContext): Promise<{ orgs: OrgView[] }> {
  const flat: OrgNode[] = []
  const walk = (nodes: ReturnType<typeof buildTree>) =>
    nodes.forEach((n) => {
      flat.push(n)
      walk(n.children)
    })
  walk(buildTree([...(await ctx.orgs()).values()]))
  return { orgs: flat.map(toOrgView) }
}

function assertNameFree(orgs: ReadonlyMap<string, OrgDoc>, parentId: string, name: string, except?: string) {
  for (const o of orgs.values()) {
    if (o.parentId === parentId && o.name === name && o._id !== except)
      throw new AppError('ORG.NAME_TAKEN', { name })
  }
}

export async function createOrg(
  ctx: CallContext,
  input: { parentId: string; name: string },
): Promise<OrgView> {
  const parent = await authorizeOn(ctx, 'org.manage', input.parentId)
  const type = childTypeOf(parent)
  if (!type) throw new AppError('ORG.BAD_PARENT', { detail: `${ORG_TYPES[parent.type]}下不能再设下级组织` })
  const orgs = await ctx.orgs()
  assertNameFree(orgs, parent._id, input.name)
  const siblings = [...orgs.values()].filter((o) => o.parentId === parent._id)
  const doc: Omit<OrgDoc, '_id'> = {
    name: input.name,
    type,
    parentId: parent._id,
    ancestors: childAncestors(parent),
    order: siblings.reduce((max, o) => Math.max(max, o.order), 0) + 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  // The read above answers the common case; the unique (parentId, name) index settles two admins creating the
  // same name at once, and the loser is told the name is taken.
  const org = await insertUnique('orgs', doc, new AppError('ORG.NAME_TAKEN', { name: input.name }))
  await writeAudit(ctx, { orgId: parent._id, action: 'org/create', targetId: org._id, summary: input.name })
  return toOrgView(org)
}

export async function renameOrg(ctx: CallContext, input: { orgId: string; name: string }): Promise<OrgView> {
  const org = await authorizeOn(ctx, 'org.manage', input.orgId)
  if (org.parentId !== null) assertNameFree(await ctx.orgs(), org.parentId, input.name, org._id)
  try {
    await collection('orgs')
      .doc(org._id)
      .update({ data: { name: input.name, updatedAt: ctx.now } })
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('ORG.NAME_TAKEN', { name: input.name })
    throw error
  }
  await writeAudit(ctx, {
    orgId: org._id,
    action: 'org/rename',
    targetId: org._id,
    summary: `${org.name} → ${input.name}`,
  })
  return toOrgView({ ...org, name: input.name })
}

export async function removeOrg(ctx: CallContext, input: { orgId: string }): Promise<{ removed: true }> {
  const org = await authorizeOn(ctx, 'org.manage', input.orgId)
  if (org.parentId === null) throw new AppError('ORG.ROOT_FIXED')
  const hasChildren = [...(await ctx.orgs()).values()].some((o) => o.parentId === org._id)
  const members = await collection('members').where({ orgPath: org._id }).count()
  if (hasChildren || members.total > 0) throw new AppError('ORG.NOT_EMPTY')
  await collection('orgs').doc(org._id).remove()
  await writeAudit(ctx, { orgId: org.parentId, action: 'org/remove', targetId: org._id, summary: org.name })
  return { removed: true }
}
