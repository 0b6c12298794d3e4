import * as z from 'zod'

import {
  type CallbackSummary,
  CONTACT_PHONE_PATTERN,
  MATTER_MAX,
  PERSON_MAX,
  QUARTER_PATTERN,
  type Ratings,
  REMARK_MAX,
  SAMPLE_MAX,
  SEED_MAX,
} from '../domain/callback.rules'
import { id, paging, shortText } from './common.schema'
import { fileID } from './files.contract'

/**
 * 回访核查 (the 纪工委's quarterly follow-up calls), served by the pledge function: the window-service ledger, the
 * quarter's reproducible draw, the calls, the summary and its publication. Phones travel only in callback/contact.
 */
const quarter = z.string({ error: '季度应为文字' }).trim().regex(QUARTER_PATTERN, '季度应写成“2026-Q4”这样')
const day = z
  .string({ error: '日期应为文字' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成“2026-10-08”这样')
/** `L-<ledger item>` or `V-<visit>`: a sample entry (its key is a field path of the stored calls). */
const itemKey = z
  .string({ error: '回访事项应为文字' })
  .trim()
  .regex(/^[LV]-[A-Za-z0-9_-]{1,80}$/, '回访事项编号不正确')
const rating = z
  .number({ error: '评分应为数字' })
  .int('评分应为1到5的整数')
  .min(1, '评分应为1到5分')
  .max(5, '评分应为1到5分')
const note = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}字`)

export const callbackInputs = {
  /** The street's ledger items of a quarter (phones masked). */
  'callback/items': z.strictObject({ quarter, ...paging }),
  /** One item entered by hand. */
  'callback/item-add': z.strictObject({
    matter: shortText('事项', MATTER_MAX),
    staffName: shortText('经办人', PERSON_MAX),
    servedName: shortText('服务对象', PERSON_MAX),
    phone: z
      .string({ error: '联系电话应为文字' })
      .trim()
      .regex(CONTACT_PHONE_PATTERN, '联系电话应为11位手机号或带区号的座机号'),
    completedOn: day,
    orgId: id,
  }),
  /** The ledger export (.xlsx, uploaded with account/upload/prepare kind `xlsx`): all rows or none. */
  'callback/import': z.strictObject({ fileID }),
  /** The quarters drawn so far, newest first. */
  'callback/quarters': z.strictObject({}),
  /** Draws a quarter's sample once; without a seed the server makes one. */
  'callback/draw': z.strictObject({
    quarter,
    size: z
      .number({ error: '抽取件数应为数字' })
      .int('抽取件数应为整数')
      .min(1, '至少抽取1件')
      .max(SAMPLE_MAX, `每季度最多抽取${SAMPLE_MAX}件`),
    seed: shortText('随机种子', SEED_MAX).optional(),
  }),
  'callback/quarter': z.strictObject({ quarter }),
  /** Draws again from the recorded pool and seed and compares with the stored sample. */
  'callback/redraw': z.strictObject({ quarter }),
  /** The phone of one drawn item, for the 纪工委 only; each reveal is logged. */
  'callback/contact': z.strictObject({ quarter, itemKey }),
  /** Records a call (no `revision`), or edits it (`revision` as read) until the quarter is published. */
  'callback/call': z.strictObject({
    quarter,
    itemKey,
    reached: z.boolean({ error: '请选择是否接通' }),
    calledOn: day,
    ratings: z
      .strictObject({ attitude: rating, ability: rating, efficiency: rating, integrity: rating })
      .nullable()
      .default(null),
    remark: note('回访情况', REMARK_MAX).default(''),
    problem: note('发现的问题', REMARK_MAX).default(''),
    revision: z.number().int().min(1).max(1_000_000).optional(),
  }),
  /** Freezes the summary (as computed at `revision`) and shows it to the members of `orgId`'s subtree. */
  'callback/publish': z.strictObject({
    quarter,
    orgId: id,
    revision: z.number({ error: '记录版本应为数字' }).int().min(0).max(1_000_000),
  }),
  /** Published summaries the caller may read (members of the scope, and the keepers). */
  'callback/published': z.strictObject({}),
}

export interface CallbackItemView {
  id: string
  matter: string
  staffName: string
  servedName: string
  /** Masked: 138****5678. */
  phone: string
  completedOn: string
  orgId: string
  orgName: string
  source: 'import' | 'manual'
}

export interface CallbackItemList {
  quarter: string
  items: CallbackItemView[]
  total: number
}

export interface CallbackCallView {
  reached: boolean
  calledOn: string
  ratings: Ratings | null
  remark: string
  problem: string
  byName: string
  at: number
  revision: number
}

export interface CallbackEntryView {
  key: string
  kind: 'ledger' | 'visit'
  matter: string
  staffName: string
  servedName: string
  /** Masked: the 纪工委 reads it through callback/contact. */
  phone: string
  completedOn: string
  communityName: string
  call: CallbackCallView | null
}

export interface SummaryLine {
  label: string
  text: string
}

export interface CallbackQuarterView {
  quarter: string
  label: string
  seed: string
  size: number
  poolSize: number
  status: 'drawn' | 'published'
  drawnAt: number
  drawnByName: string
  revision: number
  sample: CallbackEntryView[]
  summary: CallbackSummary
  lines: SummaryLine[]
  problems: { matter: string; orgName: string; problem: string }[]
  publishedAt: number | null
  scopeOrgId: string | null
  scopeName: string | null
  /** The caller is the 纪工委 (may read phones). */
  mayCall: boolean
}

export interface CallbackQuarterBrief {
  quarter: string
  label: string
  status: 'drawn' | 'published'
  sampled: number
  called: number
  drawnAt: number
}

export interface CallbackRedraw {
  quarter: string
  seed: string
  poolSize: number
  size: number
  /** The sample drawn again from the recorded pool and seed equals the stored one. */
  matches: boolean
  keys: string[]
}

export interface PublishedCallbackSummary {
  quarter: string
  label: string
  scopeName: string
  publishedAt: number
  publishedByName: string
  seed: string
  poolSize: number
  summary: CallbackSummary
  lines: SummaryLine[]
  problems: { matter: string; orgName: string; problem: string }[]
}

export interface CallbackOutputs {
  'callback/items': CallbackItemList
  'callback/item-add': CallbackItemView
  'callback/import': { imported: number; quarters: string[] }
  'callback/quarters': { quarters: CallbackQuarterBrief[]; current: string; mayCall: boolean }
  'callback/draw': CallbackQuarterView
  'callback/quarter': CallbackQuarterView
  'callback/redraw': CallbackRedraw
  'callback/contact': { phone: string }
  'callback/call': CallbackQuarterView
  'callback/publish': CallbackQuarterView
  'callback/published': PublishedCallbackSummary[]
}
