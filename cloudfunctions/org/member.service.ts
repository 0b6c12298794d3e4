import type { z } from 'zod'

import { AppError } from '../common/app-error'
import { authorize, authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _, db } from '../common/cloud'
import { collection, readById } from '../common/data'
import type { MemberDoc, OrgDoc } from '../common/docs'
import { toMemberView } from '../common/views'
import type { MemberPage, MemberView, orgInputs } from '../contract/org.contract'
import { firstSpan, movedSpans } from '../domain/org-history.rules'
import { childAncestors } from '../domain/org-tree'
import { ORG_TYPES } from '../domain/org-tree'
import { roleFitsOrg, type RoleGrant, ROLES } from '../domain/roles'
import { writeAudit } from './audit'

type Input<K extends keyof typeof orgInputs> = z.output<(typeof orgInputs)[K]>

const members = () => collection('members')

function loadMember(memberId: string): Promise<MemberDoc> {
  return readById('members', memberId, 'MEMBER.NOT_FOUND')
}

async function view(ctx: CallContext, member: MemberDoc): Promise<MemberView> {
  return toMemberView(member, await ctx.orgs(), await ctx.member())
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export async function listMembers(ctx: CallContext, input: Input<'member/list'>): Promise<MemberPage> {
  const org = await authorizeOn(ctx, 'roster.read', input.orgId)
  const query: Record<string, unknown> = { orgPath: org._id }
  if (input.category) query.category = input.category
  if (input.keyword) query.name = db.RegExp({ regexp: escapeRegExp(input.keyword) })
  const offset = input.offset ?? 0
  const limit = input.limit ?? 20
  const [page, count] = await Promise.all([
    members().where(query).orderBy('name', 'asc').skip(offset).limit(limit).get(),
    members().where(query).count(),
  ])
  const orgs = await ctx.orgs()
  const caller = await ctx.member()
  return {
    items: page.data.map((m) => toMemberView(m, orgs, caller)),
    total: count.total,
    offset,
  }
}

export async function getMember(ctx: CallContext, input: Input<'member/get'>): Promise<MemberView> {
  const member = await loadMember(input.memberId)
  await authorizeOn(ctx, 'roster.read', member.orgId)
  return view(ctx, member)
}

/** Members are placed on a community or a branch, never on the street itself. */
async function placement(ctx: CallContext, orgId: string): Promise<OrgDoc> {
  const org = await authorizeOn(ctx, 'roster.manage', orgId)
  if (org.type === 'street') throw new AppError('ORG.BAD_PARENT', { detail: '党员应编入社区党组织或党支部' })
  return org
}

async function assertPhoneFree(phone: string, except?: string): Promise<void> {
  const found = await members().where({ phone }).get()
  if (found.data.some((m) => m._id !== except)) throw new AppError('MEMBER.PHONE_TAKEN', { phone })
}

export async function createMember(ctx: CallContext, input: Input<'member/create'>): Promise<MemberView> {
  const org = await placement(ctx, input.orgId)
  await assertPhoneFree(input.phone)
  const orgPath = childAncestors(org)
  const doc: Omit<MemberDoc, '_id'> = {
    ...input,
    orgPath,
    orgHistory: firstSpan(orgPath, ctx.now),
    roles: [],
    openid: null,
    boundAt: null,
    importBatch: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const added = await members().add({ data: doc })
  const member = { _id: String(added._id), ...doc }
  await writeAudit(ctx, {
    orgId: org._id,
    action: 'member/create',
    targetId: member._id,
    summary: member.name,
  })
  return view(ctx, member)
}

export async function updateMember(ctx: CallContext, input: Input<'member/update'>): Promise<MemberView> {
  const member = await loadMember(input.memberId)
  await authorizeOn(ctx, 'roster.manage', member.orgId)
  const patch: Partial<MemberDoc> = { ...input.patch, updatedAt: ctx.now }
  const moves = input.patch.orgId !== undefined && input.patch.orgId !== member.orgId
  if (input.patch.orgId && moves) {
    patch.orgPath = childAncestors(await placement(ctx, input.patch.orgId))
    patch.orgHistory = movedSpans(member, patch.orgPath, ctx.now)
  }
  if (input.patch.phone && input.patch.phone !== member.phone)
    await assertPhoneFree(input.patch.phone, member._id)
  // Applied only while the member is still in the organisation read here: the history is rewritten from this
  // read, and an edit form carries the organisation it showed, so an edit crossing a move is asked to refresh
  // instead of undoing the move or dropping a span.
  const { orgPath, orgHistory, ...rest } = patch
  const data =
    orgPath && orgHistory ? { ...rest, orgPath: _.set(orgPath), orgHistory: _.set(orgHistory) } : rest
  const written = await members().where({ _id: member._id, orgId: member.orgId }).update({ data })
  // CloudBase counts an update that changes nothing as not applied: only a changed organisation is a refusal.
  if (written.stats.updated !== 1 && (await loadMember(member._id)).orgId !== member.orgId)
    throw new AppError('MEMBER.MOVED_MEANWHILE')
  const updated = { ...member, ...patch }
  await writeAudit(ctx, {
    orgId: updated.orgId,
    action: 'member/update',
    targetId: member._id,
    summary: Object.keys(input.patch).join(','),
  })
  return view(ctx, updated)
}

/** Only a street admin (roles.manage) sets roles, and only on nodes inside their own scope. */
export async function setRoles(ctx: CallContext, input: Input<'member/setRoles'>): Promise<MemberView> {
  const member = await loadMember(input.memberId)
  await authorizeOn(ctx, 'roles.manage', member.orgId)
  const [orgs, caller] = await Promise.all([ctx.orgs(), ctx.member()])
  const roles = input.roles as RoleGrant[]
  const unique = [...new Map(roles.map((r) => [`${r.orgId}:${r.role}`, r])).values()]
  for (const grant of [...unique, ...member.roles]) {
    const org = orgs.get(grant.orgId)
    if (!org) throw new AppError('ORG.NOT_FOUND')
    authorize(caller.roles, 'roles.manage', org)
  }
  for (const grant of unique) {
    const org = orgs.get(grant.orgId)
    if (!org) throw new AppError('ORG.NOT_FOUND')
    if (!roleFitsOrg(grant.role, org.type)) {
      throw new AppError('MEMBER.ROLE_PLACEMENT', { role: ROLES[grant.role], org: ORG_TYPES[org.type] })
    }
  }
  const keepsAdmin = unique.some((r) => r.role === 'street_admin')
  const hadAdmin = member.roles.some((r) => r.role === 'street_admin')
  if (hadAdmin && !keepsAdmin) {
    const admins = await members().where({ 'roles.role': 'street_admin' }).count()
    if (admins.total <= 1) throw new AppError('MEMBER.LAST_ADMIN')
  }
  await members()
    .doc(member._id)
    .update({ data: { roles: _.set(unique), updatedAt: ctx.now } })
  await writeAudit(ctx, {
    orgId: member.orgId,
    action: 'member/setRoles',
    targetId: member._id,
    summary: unique.map((r) => `${r.role}@${r.orgId}`).join(','),
  })
  return view(ctx, { ...member, roles: unique })
}

/** Frees a roster entry whose member changed phone or WeChat account, so they can bind again. */
export async function unbindMember(ctx: CallContext, input: Input<'member/unbind'>): Promise<MemberView> {
  const member = await loadMember(input.memberId)
  await authorizeOn(ctx, 'roster.manage', member.orgId)
  if (member.openid !== null) {
    await collection('users')
      .where({ _id: member.openid, memberId: member._id })
      .update({ data: { memberId: null } })
    await members()
      .doc(member._id)
      .update({ data: { openid: null, boundAt: null, updatedAt: ctx.now } })
    await writeAudit(ctx, {
      orgId: member.orgId,
      action: 'member/unbind',
      targetId: member._id,
      summary: member.name,
    })
  }
  return view(ctx, { ...member, openid: null, boundAt: null })
}
