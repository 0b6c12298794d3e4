import type { InputOf } from '@contract/index'
import type { MemberView } from '@contract/org.contract'

import {
  type CadreLevel,
  type Gender,
  type MemberCategory,
  normaliseName,
  PHONE_PATTERN,
} from '../../../../cloudfunctions/domain/member.rules'

export type MemberFields = InputOf<'org', 'member/create'>
export type MemberPatch = InputOf<'org', 'member/update'>['patch']

/** What the member form holds while a person types: anything may still be missing. */
export interface MemberDraft {
  name: string
  gender: Gender | null
  phone: string
  orgId: string | null
  category: MemberCategory | null
  cadreLevel: CadreLevel | null
}

export type DraftCheck<T> = { ok: true; value: T } | { ok: false; message: string }

export function emptyDraft(orgId: string | null = null): MemberDraft {
  return { name: '', gender: null, phone: '', orgId, category: null, cadreLevel: null }
}

export function draftOf(member: MemberView): MemberDraft {
  return {
    name: member.name,
    gender: member.gender,
    phone: member.phone,
    orgId: member.orgId,
    category: member.category,
    cadreLevel: member.cadreLevel,
  }
}

function cleanPhone(phone: string): string {
  return phone.replace(/[\s-]/g, '')
}

/**
 * The fields of a new member, or the first thing still missing, in the order the form shows
 * them. `keepPhone` skips the phone check when an edit leaves a masked number as it arrived.
 */
export function fieldsOf(draft: MemberDraft, keepPhone = false): DraftCheck<MemberFields> {
  const name = normaliseName(draft.name)
  const phone = keepPhone ? draft.phone : cleanPhone(draft.phone)
  if (!name) return { ok: false, message: '请填写姓名' }
  if (name.length > 30) return { ok: false, message: '姓名不能超过30字' }
  if (!draft.gender) return { ok: false, message: '请选择性别' }
  if (!keepPhone && !PHONE_PATTERN.test(phone)) return { ok: false, message: '手机号应为11位数字' }
  if (!draft.orgId) return { ok: false, message: '请选择所在组织' }
  if (!draft.category) return { ok: false, message: '请选择党员类别' }
  return {
    ok: true,
    value: {
      name,
      gender: draft.gender,
      phone,
      orgId: draft.orgId,
      category: draft.category,
      cadreLevel: draft.cadreLevel,
    },
  }
}

/**
 * Only the fields the person changed. A phone that arrived masked and was left alone is
 * not sent, so editing other fields never needs the full number.
 */
export function patchOf(original: MemberView, draft: MemberDraft): DraftCheck<MemberPatch> {
  const phoneUntouched = draft.phone === original.phone
  const checked = fieldsOf(draft, phoneUntouched)
  if (!checked.ok) return checked
  const next = checked.value
  const patch: MemberPatch = {}
  if (next.name !== original.name) patch.name = next.name
  if (next.gender !== original.gender) patch.gender = next.gender
  if (!phoneUntouched && next.phone !== original.phone) patch.phone = next.phone
  if (next.orgId !== original.orgId) patch.orgId = next.orgId
  if (next.category !== original.category) patch.category = next.category
  if (next.cadreLevel !== original.cadreLevel) patch.cadreLevel = next.cadreLevel
  if (Object.keys(patch).length === 0) return { ok: false, message: '没有修改任何内容' }
  return { ok: true, value: patch }
}
