/**
 * What one area of the statistics is (study, quizzes, pledges, volunteer service, home visits): a module
 * that turns the summed rollup counters of a node and period into figures with their traffic lights, says which
 * figures its trend and comparison show, how to page through the records behind each figure, what belongs on the
 * to-do list, and its sentences of the year-end paragraph. The stats function knows no area by name: it walks
 * AREAS (./index.ts). README.md "Monthly statistics" says how to add one.
 */
import type { CallContext } from '../../common/caller'
import type { OrgDoc } from '../../common/docs'
import type { FigureView, Light, SentencePart, TodoItem } from '../../contract/stats.contract'
import { formatRate, rateTenths } from '../../domain/rates'
import type { Counts } from '../../domain/rollup.rules'

/** What an area's figures are computed from: counters summed over the node's subtree and the period. */
export interface AreaInput {
  counts: Counts
  /** Members in the subtree at the period's end (now, for the period under way). */
  members: number
  /** "YYYY-MM" or "YYYY". */
  period: string
  /** The month under way, China time. */
  today: string
  /** The node the figures are for. */
  org: OrgDoc
  /** Counters of one node alone (not its subtree) in one month: for rules per branch (三会一课). */
  nodeCounts(orgId: string, month: string): Counts
  /** The branches in the subtree. */
  branches: readonly OrgDoc[]
}

/** Where records are read: the node (its subtree), the period's months and its [start, end) in ms. */
export interface RecordsQuery {
  ctx: CallContext
  org: OrgDoc
  months: string[]
  range: [number, number]
  offset: number
  limit: number
}

export interface RecordSource {
  title: string
  columns: string[]
  /** One page of rows and the total, for the figure `key`; every query is limited to `q.org`'s subtree. */
  page(q: RecordsQuery, key: string): Promise<{ rows: string[][]; total: number }>
}

export interface TodoQuery {
  ctx: CallContext
  org: OrgDoc
  month: string
  input: AreaInput
}

export interface StatsArea {
  key: string
  title: string
  figures(input: AreaInput): FigureView[]
  /** Figure keys drawn as 12-month lines (their values: counts, or a rate in percent). */
  trend: readonly string[]
  /** Figure keys compared across the nodes directly below. */
  compare: readonly string[]
  /** The records behind figures, by figure key (several figures may share one source). */
  records: Readonly<Record<string, RecordSource>>
  /** Record keys written as detail sheets of an export. */
  details: readonly string[]
  todos(q: TodoQuery): Promise<TodoItem[]>
  /** Sentences of the year-end paragraph: `work` (what was done) and `problems`. */
  sentences(input: AreaInput): Promise<{ work: SentencePart[]; problems: SentencePart[] }>
}

/** The source of a figure's records: its own, or that of the figure it refines (`study.sessions.partyLecture`). */
export function recordSource(area: StatsArea, key: string): RecordSource | null {
  for (let k = key; k.includes('.'); k = k.slice(0, k.lastIndexOf('.'))) {
    const source = area.records[k]
    if (source) return source
  }
  return null
}

export const sum = (counts: Counts, prefix: string): number =>
  Object.entries(counts)
    .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
    .reduce((n, [, v]) => n + v, 0)

export function countFigure(
  key: string,
  label: string,
  value: number,
  options: { unit?: string; light?: Light | null; rule?: string | null; hasRecords?: boolean } = {},
): FigureView {
  return {
    key,
    label,
    value,
    whole: null,
    text: String(value),
    unit: options.unit ?? '',
    light: options.light ?? null,
    rule: options.rule ?? null,
    hasRecords: options.hasRecords ?? true,
  }
}

export function rateFigure(
  key: string,
  label: string,
  part: number,
  whole: number,
  options: { light?: Light | null; rule?: string | null; hasRecords?: boolean } = {},
): FigureView {
  return {
    key,
    label,
    value: part,
    whole,
    text: formatRate(part, whole),
    unit: '',
    light: options.light ?? null,
    rule: options.rule ?? null,
    hasRecords: options.hasRecords ?? true,
  }
}

/** The number a chart plots for a figure: a count, or a rate in percent with one decimal (0 over nobody). */
export function plotted(f: FigureView): number {
  if (f.whole === null) return f.value
  return (rateTenths(f.value, f.whole) ?? 0) / 10
}

/** A light against a target rate in tenths of a percent: green at or above it, red below; none over nobody. */
export function targetLight(part: number, whole: number, targetTenths: number): Light | null {
  const tenths = rateTenths(part, whole)
  if (tenths === null) return null
  return tenths >= targetTenths ? 'green' : 'red'
}

/** Whether the period is still under way (figures can still grow). */
export function isCurrent(input: Pick<AreaInput, 'period' | 'today'>): boolean {
  return input.period === input.today || input.period === input.today.slice(0, 4)
}
