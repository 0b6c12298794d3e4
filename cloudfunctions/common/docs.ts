import type { BindFailures } from '../domain/binding.rules'
import type { CadreLevel, Gender, MemberCategory } from '../domain/member.rules'
import type { OrgNode } from '../domain/org-tree'
import type { RoleGrant } from '../domain/roles'

/** Stored document shapes. Views sent to clients are built from these in each function. */
export type OrgDoc = OrgNode & { createdAt: number; updatedAt: number }

export interface MemberDoc {
  _id: string
  name: string
  gender: Gender
  phone: string
  orgId: string
  /** The member's organisation and all its ancestors, root first: subtree queries match on it. */
  orgPath: string[]
  category: MemberCategory
  cadreLevel: CadreLevel | null
  roles: RoleGrant[]
  openid: string | null
  boundAt: number | null
  importBatch: string | null
  createdAt: number
  updatedAt: number
}

/** One per WeChat account that ever opened the app; `_id` is the OPENID. Unbound users are residents. */
export interface UserDoc {
  _id: string
  memberId: string | null
  bindFailures: BindFailures | null
  createdAt: number
}

export interface InviteDoc {
  _id: string
  memberId: string
  orgId: string
  createdBy: string
  createdAt: number
  expiresAt: number
  usedAt: number | null
  usedBy: string | null
}

export interface AuditDoc {
  orgId: string
  actor: string
  action: string
  targetId: string
  summary: string
  at: number
}
