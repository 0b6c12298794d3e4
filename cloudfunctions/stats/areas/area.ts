/**
 * What one area of the statistics is (study, quizzes, pledges, volunteer service, home visits): a module
 * that turns the summed rollup counters of a node and period into figures with their traffic lights, says which
 * figures its trend and comparison show, how to page through the records behind each figure, what belongs on the
 * to-do list, and its sentences of the year-end paragraph. The stats function knows no area by name: it walks
 * AREAS (./index.ts). README.md "Monthly statistics" says how to add one.
 */
import type { Query } from 'wx-server-sdk'

import type { CallContext } from '../../common/caller'
import { _ } from '../../common/cloud'
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
  /**
   * The export reads on after the last row it has (`next` of the page before; null for the first page) instead of
   * skipping `offset` rows, which the database would read and drop again on every page.
   */
  after?: PageCursor | null
  /** The total, when a page before counted it: a sheet counts once. */
  total?: number
}

/** The order fields of the last row read (its sort key, ending with `_id`). */
export type PageCursor = Readonly<Record<string, unknown>>

export interface RecordPage {
  rows: string[][]
  total: number
  /** Where the next page starts (`RecordsQuery.after`); null after the last. Sources that page by offset only omit it. */
  next?: PageCursor | null
}

export interface RecordSource {
  title: string
  columns: string[]
  /** One page of rows and the total, for the figure `key`; every query is limited to `q.org`'s subtree. */
  page(q: RecordsQuery, key: string): Promise<RecordPage>
}

/**
 * A sort key that orders every document (ending with `_id`, or fields unique together such as a tally's `month` and
 * `memberId`), so that a cursor names a position.
 */
export type RecordOrder = readonly (readonly [string, 'asc' | 'desc'])[]

/**
 * Rows after `cursor` in `order`: the rows whose key is past the cursor's, field by field (`{ a < a0 }` or
 * `{ a = a0, _id > id0 }` for `a desc, _id asc`). A single `_id` stays a plain condition beside the filter.
 */
function afterCursor(where: Record<string, unknown>, order: RecordOrder, cursor: PageCursor) {
  const past = (dir: 'asc' | 'desc', value: unknown) => (dir === 'asc' ? _.gt(value) : _.lt(value))
  if (order.length === 1) return { ...where, [order[0][0]]: past(order[0][1], cursor[order[0][0]]) }
  const branches = order.map(([field, dir], i) => ({
    ...Object.fromEntries(order.slice(0, i).map(([f]) => [f, cursor[f]])),
    [field]: past(dir, cursor[field]),
  }))
  return _.and([where, _.or(branches)])
}

/**
 * One page of `where` in `order`: by offset for the screen, after a cursor for the export (`q.after`), with the
 * total counted unless the query already knows it (`q.total`). `read` is the collection's query for a filter (a
 * projection, if any, must keep the order's fields).
 */
export async function orderedPage<T extends { _id: string }>(
  read: (where: Parameters<Query<T>['where']>[0]) => Query<T>,
  where: Record<string, unknown>,
  order: RecordOrder,
  q: RecordsQuery,
): Promise<{ docs: T[]; total: number; next: PageCursor | null }> {
  let query = read(q.after ? afterCursor(where, order, q.after) : where)
  // The screen pages by offset in the order it always had; the `_id` that makes a position exact is the export's.
  const sort =
    q.after === undefined && order.length > 1 && order.at(-1)?.[0] === '_id' ? order.slice(0, -1) : order
  for (const [field, dir] of sort) query = query.orderBy(field, dir)
  if (q.after === undefined) query = query.skip(q.offset)
  const [found, total] = await Promise.all([
    query.limit(q.limit).get(),
    q.total ??
      read(where)
        .count()
        .then((c) => c.total),
  ])
  const last = found.data.at(-1) as Record<string, unknown> | undefined
  const next =
    found.data.length === q.limit && last ? Object.fromEntries(order.map(([f]) => [f, last[f]])) : null
  return { docs: found.data, total, next }
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
