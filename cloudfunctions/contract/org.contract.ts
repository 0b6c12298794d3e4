import * as z from 'zod'

import type { CadreLevel, Gender, MemberCategory } from '../domain/member.rules'
import { CADRE_LEVELS, GENDERS, MEMBER_CATEGORIES, PHONE_PATTERN } from '../domain/member.rules'
import type { OrgType } from '../domain/org-tree'
import { ROLE_KEYS, type RoleGrant } from '../domain/roles'
import { empty, id, paging, shortText } from './common.schema'
import { fileID } from './files.contract'

const phone = z.string({ error: '手机号应为文字' }).regex(PHONE_PATTERN, '手机号应为11位数字')
const memberFields = {
  name: shortText('姓名', 30),
  gender: z.enum(GENDERS, { error: '性别应为“男”或“女”' }),
  phone,
  orgId: id,
  category: z.enum(MEMBER_CATEGORIES, { error: '党员类别不正确' }),
  cadreLevel: z.enum(CADRE_LEVELS, { error: '干部类别不正确' }).nullable(),
}

export const orgInputs = {
  'org/tree': empty,
  'org/create': z.strictObject({ parentId: id, name: shortText('组织名称', 40) }),
  'org/rename': z.strictObject({ orgId: id, name: shortText('组织名称', 40) }),
  'org/remove': z.strictObject({ orgId: id }),
  'member/list': z.strictObject({
    orgId: id,
    keyword: z.string().trim().max(30, '搜索词不能超过30字').optional(),
    category: z.enum(MEMBER_CATEGORIES).optional(),
    ...paging,
  }),
  'member/get': z.strictObject({ memberId: id }),
  'member/create': z.strictObject(memberFields),
  'member/update': z.strictObject({ memberId: id, patch: z.strictObject(memberFields).partial() }),
  'member/setRoles': z.strictObject({
    memberId: id,
    roles: z
      .array(
        z.strictObject({
          orgId: id,
          role: z.enum(ROLE_KEYS as [string, ...string[]], { error: '角色不正确' }),
        }),
      )
      .max(20, '角色过多'),
  }),
  'member/unbind': z.strictObject({ memberId: id }),
  /** An .xlsx the caller uploaded to cloud storage (`upload/prepare`, then `wx.cloud.uploadFile`). */
  'member/import': z.strictObject({ fileID }),
}

export interface OrgView {
  id: string
  name: string
  type: OrgType
  parentId: string | null
  ancestors: string[]
  order: number
}

export interface MemberView {
  id: string
  name: string
  gender: Gender
  /** Full only for those who manage the roster of the member's organisation. */
  phone: string
  orgId: string
  orgName: string
  category: MemberCategory
  cadreLevel: CadreLevel | null
  bound: boolean
  roles: RoleGrant[]
}

export interface MemberPage {
  items: MemberView[]
  total: number
  offset: number
}

export interface ImportReport {
  imported: number
}

export interface OrgOutputs {
  'org/tree': { orgs: OrgView[] }
  'org/create': OrgView
  'org/rename': OrgView
  'org/remove': { removed: true }
  'member/list': MemberPage
  'member/get': MemberView
  'member/create': MemberView
  'member/update': MemberView
  'member/setRoles': MemberView
  'member/unbind': MemberView
  'member/import': ImportReport
}
