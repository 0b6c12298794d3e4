import * as z from 'zod'

import type { MemberCategory } from '../domain/member.rules'
import type { Role } from '../domain/roles'
import { empty, id, shortText } from './common.schema'
import { uploadKind, type UploadTicket } from './files.contract'

export const accountInputs = {
  'account/me': empty,
  'account/bindByInvite': z.strictObject({ code: shortText('邀请码', 20) }),
  'account/bindByPhone': z.strictObject({
    name: shortText('姓名', 30),
    phoneLast4: z.string({ error: '手机号后四位应为文字' }).regex(/^\d{4}$/, '手机号后四位应为4位数字'),
  }),
  'account/createInvite': z.strictObject({ memberId: id }),
  /** Where to upload a file for a function to read: a new path in the caller's own folder. */
  'upload/prepare': z.strictObject({ kind: uploadKind }),
}

export interface RoleView {
  orgId: string
  orgName: string
  role: Role
}

export interface MeView {
  bound: boolean
  member: { id: string; name: string; orgId: string; orgName: string; category: MemberCategory } | null
  roles: RoleView[]
}

export interface InviteView {
  code: string
  memberName: string
  expiresAt: number
}

export interface AccountOutputs {
  'account/me': MeView
  'account/bindByInvite': MeView
  'account/bindByPhone': MeView
  'account/createInvite': InviteView
  'upload/prepare': UploadTicket
}
