import * as z from 'zod'

import type { MeetingStatus } from '../domain/three-meetings.rules'
import { id, paging } from './common.schema'
import type { ExportedFile } from './files.contract'

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应如 2025-01')
const year = z
  .number({ error: '年份应为数字' })
  .int('年份应为整数')
  .min(2000, '年份不能早于2000年')
  .max(2100, '年份不能晚于2100年')
/** A month ("2026-11") or a whole year ("2026"). */
const period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期间格式应如 2025-01 或 2025')
/** A figure's records: `<area>.<name>` as the areas name them (stats/areas). */
const figure = z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+){1,3}$/, '指标不正确')

export const statsInputs = {
  /** A month's figures for a node of the caller's subtree; both default (this month, China time; their node). */
  'stats/month': z.strictObject({ month: month.optional(), orgId: id.optional() }),
  /** The records behind one figure, a page at a time. */
  'stats/records': z.strictObject({ orgId: id, period, figure, ...paging }),
  /** What needs doing in the node's subtree this month. */
  'stats/todo': z.strictObject({ month: month.optional(), orgId: id.optional() }),
  /** A month or a year as an .xlsx workbook: a sheet per area and detail sheets of records. */
  'stats/export': z.strictObject({ orgId: id, period }),
  /** 年度述职数据: the year's paragraph for the node, each figure traceable to its records. */
  'stats/year': z.strictObject({ orgId: id, year }),
  /** Recomputes every rollup from raw records (street admin). */
  'rollups/rebuild': z.strictObject({}),
}

export type Light = 'green' | 'yellow' | 'red'

export interface FigureView {
  /** `<area>.<name>`, also the key of its records (stats/records). */
  key: string
  label: string
  /** The count, or a rate's numerator. */
  value: number
  /** A rate's denominator; null for a plain count. */
  whole: number | null
  /** As shown: "12", "66.7%（2/3）" (domain/rates.ts), or "—". */
  text: string
  unit: string
  light: Light | null
  /** The rule behind the light, in words. */
  rule: string | null
  /** False for a figure with nothing behind it to open. */
  hasRecords: boolean
}

export interface AreaView {
  key: string
  title: string
  figures: FigureView[]
}

export interface TrendView {
  area: string
  title: string
  months: string[]
  /** Rates are plotted in percent (`unit` "%"), counts as they are. */
  series: { key: string; label: string; values: number[]; unit: string }[]
}

export interface CompareView {
  /** The nodes directly below the chosen one (communities under the street, branches under a community). */
  rows: { orgId: string; name: string; values: Record<string, number> }[]
  columns: { key: string; label: string; area: string; unit: string }[]
}

export interface BranchMeetingsView {
  orgId: string
  name: string
  status: MeetingStatus
  checks: {
    label: string
    period: string
    periodLabel: string
    required: number
    held: number
    /** Of `held`, 党课 held by a higher node for the branch's members (domain/three-meetings.rules.ts). */
    fromAbove: number
    status: MeetingStatus
  }[]
}

/** A node the caller may choose, in tree order; `label` reads "社区 / 支部". */
export interface StatsNode {
  id: string
  name: string
  depth: number
  label: string
}

export interface MonthStatsView {
  month: string
  orgId: string
  orgName: string
  /** The nodes the caller may choose (their subtrees), in tree order. */
  nodes: StatsNode[]
  areas: AreaView[]
  meetings: BranchMeetingsView[]
  trends: TrendView[]
  compare: CompareView
}

export interface RecordsPage {
  title: string
  columns: string[]
  rows: string[][]
  total: number
  nextOffset: number | null
}

export interface TodoItem {
  area: string
  kind: string
  title: string
  detail: string
  /** The figure whose records show the items; null when the item is the record. */
  figure: string | null
  light: Light
}

export interface TodoView {
  month: string
  orgId: string
  items: TodoItem[]
}

/** A piece of the paragraph: text, or a figure whose records it opens. */
export interface SentencePart {
  text: string
  figure?: string
}

export interface YearReportView {
  year: number
  orgId: string
  orgName: string
  paragraphs: { title: string; parts: SentencePart[] }[]
  /** The paragraphs as plain text, to copy. */
  text: string
}

export interface RebuildReport {
  buckets: number
  changed: number
  removed: number
  tallies: number
}

export interface StatsOutputs {
  'stats/month': MonthStatsView
  'stats/records': RecordsPage
  'stats/todo': TodoView
  'stats/export': ExportedFile
  'stats/year': YearReportView
  'rollups/rebuild': RebuildReport
}
