import * as z from 'zod'

import { ID_MAX, joinedIdMax } from '../domain/ids'
import { CADRE_LEVELS, type CadreLevel } from '../domain/member.rules'
import { PLEDGE_BODY_MAX, PLEDGE_KIND_KEYS, PLEDGE_TITLE_MAX, type PledgeKind } from '../domain/pledge.rules'
import type { ChainBreak } from '../domain/pledge-chain.rules'
import { type Role, ROLE_KEYS } from '../domain/roles'
import {
  SIGNATURE_MAX_COORD,
  SIGNATURE_MAX_MS,
  SIGNATURE_MAX_POINTS,
  SIGNATURE_MAX_STROKES,
  type Stroke,
} from '../domain/signature-pad.rules'
import { callbackInputs, type CallbackOutputs } from './callback.contract'
import { boundedId, empty, id, shortText, submitKey } from './common.schema'
import { type ExportedFile, fileID } from './files.contract'
import { type FollowUpPerson, memberIds, type ReminderOutcome } from './follow-up.contract'

/** `<campaignId>_<memberId>`: one pledge per campaign and member. */
const assignmentId = boundedId(joinedIdMax(ID_MAX, ID_MAX))
const time = z.number({ error: '时间应为数字' }).int().min(0).max(4_102_444_800_000)
const coord = z
  .number({ error: '签名笔迹应为数字' })
  .min(0, '签名超出了签名框')
  .max(SIGNATURE_MAX_COORD, '签名超出了签名框')
const ms = z.number({ error: '签名笔迹应为数字' }).int().min(0).max(SIGNATURE_MAX_MS, '签名用时过长')
const strokes = z
  .array(
    z
      .array(z.tuple([coord, coord, ms]))
      .min(1, '笔画为空')
      .max(SIGNATURE_MAX_POINTS, '签名笔画过多'),
  )
  .min(1, '请先签名')
  .max(SIGNATURE_MAX_STROKES, '签名笔画过多')
  .refine((s) => s.reduce((n, stroke) => n + stroke.length, 0) <= SIGNATURE_MAX_POINTS, '签名笔画过多')

export const pledgeInputs = {
  'template/list': empty,
  /** A new template, or a new version of one (`templateId` + the version the editor started from). */
  'template/save': z.strictObject({
    templateId: id.optional(),
    baseVersion: z.number().int().min(1).max(10_000).optional(),
    kind: z.enum(PLEDGE_KIND_KEYS, { error: '承诺书类型不正确' }),
    title: shortText('标题', PLEDGE_TITLE_MAX),
    body: shortText('正文', PLEDGE_BODY_MAX),
  }),
  'campaign/create': z.strictObject({
    templateId: id,
    version: z.number().int().min(1).max(10_000),
    year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
    orgId: id,
    roles: z
      .array(z.enum(ROLE_KEYS, { error: '角色不正确' }))
      .max(ROLE_KEYS.length)
      .default([]),
    cadreLevels: z
      .array(z.enum(CADRE_LEVELS, { error: '干部类别不正确' }))
      .max(CADRE_LEVELS.length)
      .default([]),
    memberIds: z.array(id).max(300, '一次最多指定300人').default([]),
    deadline: time,
    /** The form's own key, so a form sent again is one campaign (common.schema.ts). */
    submitKey,
  }),
  'campaign/list': empty,
  'campaign/completion': z.strictObject({ campaignId: id, orgId: id.optional() }),
  /** The completion of a campaign in an organisation's subtree as an .xlsx (names signed and unsigned). */
  'campaign/export': z.strictObject({ campaignId: id, orgId: id.optional() }),
  /** 提醒 the named unsigned members of an organisation (each at most once a day). */
  'campaign/remind': z.strictObject({ campaignId: id, orgId: id, memberIds }),
  'pledge/mine': empty,
  'pledge/get': z.strictObject({ assignmentId }),
  'pledge/sign': z.strictObject({
    assignmentId,
    /** The PNG the pad exported, uploaded to the caller's own folder (`upload/prepare` kind `png`). */
    fileID,
    strokes,
    confirmed: z.literal(true, { error: '请先确认本人已阅读并承诺遵守' }),
  }),
  'pledge/verify': z.strictObject({ assignmentId }),
  /** One page of the full chain's verification, from link `from` (1 when left out). */
  'chain/verify': z.strictObject({
    from: z
      .number({ error: '起始序号应为数字' })
      .int()
      .min(1, '起始序号不正确')
      .max(1_000_000_000)
      .optional(),
  }),
  ...callbackInputs,
}

export interface PledgeTemplateView {
  templateId: string
  version: number
  kind: PledgeKind
  title: string
  body: string
  createdAt: number
  /** Whether the caller may edit it (新版本) and start campaigns. */
  mayEdit: boolean
}

export interface PledgeCampaignView {
  id: string
  templateId: string
  version: number
  kind: PledgeKind
  title: string
  year: number
  orgId: string
  orgName: string
  roles: Role[]
  cadreLevels: CadreLevel[]
  memberCount: number
  deadline: number
  assigned: number
  createdAt: number
}

export interface PledgeCompletionRow {
  orgId: string
  orgName: string
  assigned: number
  signed: number
}

export type UnsignedPerson = FollowUpPerson & { overdue: boolean }

export interface PledgeCompletion {
  campaign: PledgeCampaignView
  orgId: string
  orgName: string
  /** 应签 and 已签 in the organisation's subtree. */
  assigned: number
  signed: number
  /** Unsigned after the deadline. */
  overdue: number
  pastDeadline: boolean
  /** Each organisation directly below (or the node itself when it has none). */
  rows: PledgeCompletionRow[]
  unsigned: UnsignedPerson[]
  /** Reminders sent so far (every day) to members of the subtree. */
  remindersSent: number
  /** Whether the caller may send 提醒. */
  mayRemind: boolean
}

export interface MyPledge {
  assignmentId: string
  kind: PledgeKind
  title: string
  year: number
  deadline: number
  status: 'pending' | 'signed'
  overdue: boolean
  signedAt: number | null
}

export interface PledgeSignature {
  seq: number
  hash: string
  prevHash: string
  signedAt: number
  /** A temporary URL of the signature image (ten minutes). */
  imageUrl: string
  imageWidth: number
  imageHeight: number
}

export interface PledgeView extends MyPledge {
  name: string
  version: number
  /** The exact text signed (or to be signed: the version the campaign assigned). */
  body: string
  confirmation: string
  signature: PledgeSignature | null
  /** The caller is the member who signs it. */
  mine: boolean
}

export interface ChainLink {
  seq: number
  hash: string
}

/**
 * One signing's verification, bounded whatever the chain's length: its own record and image, and the links from
 * the checkpoint at or before it to the checkpoint after it (domain/pledge-chain.rules.ts `segmentOf`).
 */
export interface PledgeVerification {
  /** Everything checked holds: this signing, its image and the links around it. */
  intact: boolean
  /** This signing's stored fields give its stored hash. */
  recordIntact: boolean
  /** The stored image's bytes give the hash the signing holds. */
  imageIntact: boolean
  /** The links `checkedFrom`..`checkedTo` hold; else where they first break. */
  chainIntact: boolean
  chainBreak: ChainBreak | null
  checkedFrom: number
  checkedTo: number
  /** The chain's last link as its head records it. */
  headSeq: number
  /** The checkpoint after this signing, once the chain reaches it: compare with the printed full verification. */
  checkpoint: ChainLink | null
  seq: number
  hash: string
  checkedAt: number
}

/** A page of the full chain's verification: links `from`..`to` checked, each against the one before it. */
export interface ChainVerificationPage {
  from: number
  to: number
  headSeq: number
  headHash: string
  /** The first break on this page, or null. */
  chainBreak: ChainBreak | null
  /** The checkpoints on this page (every CHECKPOINT_EVERY-th link), to print and keep outside the system. */
  checkpoints: ChainLink[]
  /** Where the next page starts, or null after the head. */
  next: number | null
  checkedAt: number
}

export interface PledgeOutputs extends CallbackOutputs {
  'template/list': PledgeTemplateView[]
  'template/save': PledgeTemplateView
  'campaign/create': PledgeCampaignView
  'campaign/list': PledgeCampaignView[]
  'campaign/completion': PledgeCompletion
  'campaign/export': ExportedFile
  'campaign/remind': ReminderOutcome
  'pledge/mine': MyPledge[]
  'pledge/get': PledgeView
  'pledge/sign': PledgeView
  'pledge/verify': PledgeVerification
  'chain/verify': ChainVerificationPage
}

export type { ChainBreak, Stroke }
