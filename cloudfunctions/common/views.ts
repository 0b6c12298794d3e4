import type { MeView, RoleView } from '../contract/account.contract'
import type { MemberView, OrgView } from '../contract/org.contract'
import { maskPhone } from '../domain/member.rules'
import type { OrgNode } from '../domain/org-tree'
import { REMINDER_KINDS, reminderTemplateId } from '../domain/reminder.rules'
import { can } from '../domain/roles'
import { visitTemplateIds } from '../domain/visit.rules'
import type { Caller } from './caller'
import type { MemberDoc, OrgDoc } from './docs'

export function toOrgView(org: OrgNode): OrgView {
  return {
    id: org._id,
    name: org.name,
    type: org.type,
    parentId: org.parentId,
    ancestors: org.ancestors,
    order: org.order,
  }
}

/** The phone number is shown in full only to those who manage the member's roster. */
export function toMemberView(
  member: MemberDoc,
  orgs: ReadonlyMap<string, OrgDoc>,
  viewer: Pick<Caller, 'roles'>,
): MemberView {
  const org = orgs.get(member.orgId)
  const full = org !== undefined && can(viewer.roles, 'roster.manage', org)
  return {
    id: member._id,
    name: member.name,
    gender: member.gender,
    phone: full ? member.phone : maskPhone(member.phone),
    orgId: member.orgId,
    orgName: org?.name ?? '',
    category: member.category,
    cadreLevel: member.cadreLevel,
    bound: member.openid !== null,
    roles: member.roles,
  }
}

export function toMeView(caller: Caller, orgs: ReadonlyMap<string, OrgDoc>): MeView {
  const { member } = caller
  const roles: RoleView[] = caller.roles.map((g) => ({ ...g, orgName: orgs.get(g.orgId)?.name ?? '' }))
  return {
    bound: member !== null,
    member: member && {
      id: member._id,
      name: member.name,
      orgId: member.orgId,
      orgName: orgs.get(member.orgId)?.name ?? '',
      category: member.category,
    },
    roles,
    reminderTemplateIds:
      member === null ? [] : REMINDER_KINDS.map((kind) => reminderTemplateId(kind, process.env)),
    visitTemplateIds: visitTemplateIds(process.env),
  }
}
