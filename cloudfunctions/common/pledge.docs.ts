import type { CadreLevel } from '../domain/member.rules'
import type { PledgeKind } from '../domain/pledge.rules'
import type { ChainRecord } from '../domain/pledge-chain.rules'
import type { Role } from '../domain/roles'

/** One version of a pledge template, `_id` `<templateId>_v<version>`: stored once and never changed. */
export interface PledgeTemplateDoc {
  _id: string
  templateId: string
  version: number
  kind: PledgeKind
  title: string
  body: string
  createdBy: string
  createdAt: number
}

/** A campaign: one template version, for a year, assigned to the chosen people of an organisation's subtree. */
export interface PledgeCampaignDoc {
  _id: string
  templateId: string
  version: number
  templateVersionId: string
  kind: PledgeKind
  title: string
  year: number
  /** The organisation whose subtree is assigned; the campaign belongs to it. */
  orgId: string
  orgPath: string[]
  /** Who of the subtree: any of these roles, cadre levels or names; all three empty means everyone. */
  roles: Role[]
  cadreLevels: CadreLevel[]
  memberIds: string[]
  deadline: number
  /** 应签, fixed when the campaign is created. */
  assignedCount: number
  createdBy: string
  createdAt: number
  /**
   * Set while the creating call writes the assignments and their rollups, cleared when it is done (absent on
   * campaigns from before: done). `assigningSince` is when that call (or one finishing a dead one's work) began.
   */
  assigning?: boolean
  assigningSince?: number
  /** How often a later send of the form took over a dead call's work. */
  takeovers?: number
}

/**
 * One person's pledge of a campaign, `_id` `<campaignId>_<memberId>`, written when the campaign is created (so
 * 应签 never moves) and marked signed once (`status: 'pending'` → `'signed'`).
 */
export interface PledgeAssignmentDoc {
  _id: string
  campaignId: string
  memberId: string
  name: string
  /** The member's organisation and its ancestors when assigned: completion and rollups count by it. */
  orgId: string
  orgPath: string[]
  kind: PledgeKind
  title: string
  year: number
  deadline: number
  templateVersionId: string
  assignedAt: number
  status: 'pending' | 'signed'
  signedAt: number | null
  signingId: string | null
}

/**
 * A signing, `_id` `chain_<seq>`: one link of the street's hash chain (domain/pledge-chain.rules.ts). The `_id`
 * follows the sequence number, so two signings that read the same last link cannot both append after it, and
 * `assignmentId` is unique, so a pledge is signed once. Never changed.
 */
export type PledgeSigningDoc = ChainRecord & {
  _id: string
  /** The signature image in cloud storage; its bytes' SHA-256 is `imageSha256`. */
  imageFileID: string
  imageWidth: number
  imageHeight: number
  orgPath: string[]
}

/** The chain's head, `_id` `head`: the highest link stored, so cutting links off the end is seen too. */
export interface PledgeChainDoc {
  _id: string
  seq: number
  hash: string
  at: number
}
