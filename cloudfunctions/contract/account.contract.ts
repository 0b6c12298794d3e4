import * as z from 'zod'

import type { MemberCategory } from '../domain/member.rules'
import type { Role } from '../domain/roles'
import type { VisitMessageKind } from '../domain/visit.rules'
import { empty, id, shortText } from './common.schema'
import { uploadKind, type UploadTicket } from './files.contract'

const byInvite = z.strictObject({ code: shortText('邀请码', 20) })
const byPhone = z.strictObject({
  name: shortText('姓名', 30),
  phoneLast4: z.string({ error: '手机号后四位应为文字' }).regex(/^\d{4}$/, '手机号后四位应为4位数字'),
})

export const accountInputs = {
  'account/me': empty,
  /** Whom a code would bind to (name and branch), checked as binding checks it, binding nothing. */
  'account/previewInvite': byInvite,
  /** Whom name + digits would bind to; a mismatch counts against the same lock as binding. */
  'account/previewPhone': byPhone,
  'account/bindByInvite': byInvite,
  'account/bindByPhone': byPhone,
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
  /** The subscribe-message templates a member is asked to allow (接收提醒), so reminders can reach them. */
  reminderTemplateIds: string[]
  /**
   * The 上门服务 templates (the deployment's SUBSCRIBE_TEMPLATE_VISIT_*), for everyone, residents included: the
   * request, 派单 and 接单 taps ask for them.
   */
  visitTemplateIds: Record<VisitMessageKind, string>
}

/** Whom a binding would claim: only the name and the branch, nothing else of the roster entry. */
export interface BindPreview {
  name: string
  orgName: string
}

export interface InviteView {
  code: string
  memberName: string
  expiresAt: number
}

export interface AccountOutputs {
  'account/me': MeView
  'account/previewInvite': BindPreview
  'account/previewPhone': BindPreview
  'account/bindByInvite': MeView
  'account/bindByPhone': MeView
  'account/createInvite': InviteView
  'upload/prepare': UploadTicket
}
