import type * as z from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn, scopeOf } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { collection, fetchAll } from '../common/data'
import type { OrgDoc } from '../common/docs'
import type {
  CompareView,
  MonthStatsView,
  RecordsPage,
  statsInputs,
  StatsNode,
  TodoView,
  TrendView,
  YearReportView,
} from '../contract/stats.contract'
import { buildTree, orgPathName, type OrgTreeNode } from '../domain/org-tree'
import { addCounts, type Counts, flattenCounts } from '../domain/rollup.rules'
import { monthOf, shiftMonth } from '../domain/time'
import { type AreaInput, plotted, recordSource } from './areas/area'
import { areaOf, AREAS } from './areas/index'
import { branchMeetings } from './areas/study'
import { endOf, membersIn, periodOf, subtreeMembers } from './stats.store'

type Input<K extends keyof typeof statsInputs> = z.output<(typeof statsInputs)[K]>

const TREND_MONTHS = 12
const RECORDS_PAGE = 20

/** The node asked for, or the caller's own widest one; refused unless the caller reads its figures. */
async function chosenOrg(ctx: CallContext, orgId: string | undefined): Promise<OrgDoc> {
  if (orgId !== undefined) return authorizeOn(ctx, 'stats.read', orgId)
  const [root] = await scopeOf(ctx, 'stats.read')
  return authorizeOn(ctx, 'stats.read', root)
}

function assertNotFuture(ctx: CallContext, month: string): void {
  if (month > monthOf(ctx.now)) throw new AppError('STATS.FUTURE_MONTH')
}

/**
 * The rollups of a subtree for some months: one query on the node's id, bounded by the organisation's size (its
 * nodes × the months asked for), never by the records behind them.
 */
class Rollups {
  /** Counters by month, then by node: a period's sum visits only its months' documents. */
  private constructor(private readonly byMonth: Map<string, Map<string, Counts>>) {}

  static async load(org: OrgDoc, months: readonly string[]): Promise<Rollups> {
    const docs = await fetchAll(collection('rollups').where({ orgPath: org._id, month: _.in([...months]) }))
    const map = new Map<string, Map<string, Counts>>()
    for (const d of docs) {
      const month = map.get(d.month) ?? new Map<string, Counts>()
      month.set(d.orgId, flattenCounts(d.c))
      map.set(d.month, month)
    }
    return new Rollups(map)
  }

  node(orgId: string, month: string): Counts {
    return this.byMonth.get(month)?.get(orgId) ?? {}
  }

  /** The subtree of `org` (every stored node under it, itself included) over `months`. */
  subtree(org: OrgDoc, months: readonly string[], orgs: ReadonlyMap<string, OrgDoc>): Counts {
    const total: Counts = {}
    for (const month of new Set(months))
      for (const [orgId, counts] of this.byMonth.get(month) ?? []) {
        const inside = orgId === org._id || (orgs.get(orgId)?.ancestors.includes(org._id) ?? false)
        if (inside) addCounts(total, counts)
      }
    return total
  }
}

function subtreeNodes(org: OrgDoc, orgs: ReadonlyMap<string, OrgDoc>): OrgDoc[] {
  return [...orgs.values()].filter((o) => o._id === org._id || o.ancestors.includes(org._id))
}

/** Everything an area needs for one node and period. */
interface Frame {
  org: OrgDoc
  orgs: ReadonlyMap<string, OrgDoc>
  rollups: Rollups
  members: Awaited<ReturnType<typeof subtreeMembers>>
  today: string
  now: number
}

function areaInput(frame: Frame, org: OrgDoc, period: string): AreaInput {
  const { months, range } = periodOf(period)
  return {
    counts: frame.rollups.subtree(org, months, frame.orgs),
    members: membersIn(frame.members, org._id, endOf(range, frame.now)).length,
    period,
    today: frame.today,
    org,
    nodeCounts: (orgId, month) => frame.rollups.node(orgId, month),
    branches: subtreeNodes(org, frame.orgs)
      .filter((o) => o.type === 'branch')
      .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh')),
  }
}

async function loadFrame(ctx: CallContext, org: OrgDoc, months: readonly string[]): Promise<Frame> {
  const [orgs, rollups, members] = await Promise.all([
    ctx.orgs(),
    Rollups.load(org, months),
    subtreeMembers(org._id),
  ])
  return { org, orgs, rollups, members, today: monthOf(ctx.now), now: ctx.now }
}

/** The nodes the caller may pick: their subtrees, in tree order. */
async function pickable(ctx: CallContext): Promise<StatsNode[]> {
  const [roots, orgs] = await Promise.all([scopeOf(ctx, 'stats.read'), ctx.orgs()])
  const out: StatsNode[] = []
  const walk = (nodes: OrgTreeNode[], depth: number) => {
    for (const n of nodes) {
      out.push({ id: n._id, name: n.name, depth, label: orgPathName(n, orgs) })
      walk(n.children, depth + 1)
    }
  }
  for (const root of roots) {
    const org = orgs.get(root)
    if (org) walk(buildTree(subtreeNodes(org, orgs)), 0)
  }
  return out
}

export async function monthStats(ctx: CallContext, input: Input<'stats/month'>): Promise<MonthStatsView> {
  const org = await chosenOrg(ctx, input.orgId)
  const month = input.month ?? monthOf(ctx.now)
  assertNotFuture(ctx, month)
  // The trend's months also hold the quarter 三会一课 reads.
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => shiftMonth(month, i - TREND_MONTHS + 1))
  const [frame, nodes] = await Promise.all([loadFrame(ctx, org, months), pickable(ctx)])
  const input0 = areaInput(frame, org, month)
  const areas = AREAS.map((a) => ({ key: a.key, title: a.title, figures: a.figures(input0) }))

  const perMonth = months.map((m) => {
    const i = areaInput(frame, org, m)
    return AREAS.map((a) => a.figures(i))
  })
  const trends: TrendView[] = AREAS.map((a, k) => ({
    area: a.key,
    title: a.title,
    months,
    series: a.trend.flatMap((key) => {
      const figure = areas[k].figures.find((f) => f.key === key)
      if (!figure) return []
      const values = perMonth.map((figs) => {
        const f = figs[k].find((x) => x.key === key)
        return f ? plotted(f) : 0
      })
      return [{ key, label: figure.label, values, unit: figure.whole === null ? '' : '%' }]
    }),
  }))

  const children = [...frame.orgs.values()]
    .filter((o) => o.parentId === org._id)
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh'))
  const compare: CompareView = { columns: [], rows: [] }
  for (const a of AREAS) {
    for (const key of a.compare) {
      const figure = areas.find((x) => x.key === a.key)?.figures.find((f) => f.key === key)
      if (figure)
        compare.columns.push({
          key,
          label: figure.label,
          area: a.key,
          unit: figure.whole === null ? '' : '%',
        })
    }
  }
  compare.rows = children.map((child) => {
    const i = areaInput(frame, child, month)
    const values: Record<string, number> = {}
    for (const a of AREAS)
      for (const f of a.figures(i)) if (a.compare.includes(f.key)) values[f.key] = plotted(f)
    return { orgId: child._id, name: child.name, values }
  })

  const meetings = branchMeetings(input0).map((b) => ({
    ...b,
    checks: b.checks.map((c) => ({
      label: c.label,
      period: c.period,
      periodLabel: c.periodLabel,
      required: c.required,
      held: c.held,
      fromAbove: c.fromAbove,
      status: c.status,
    })),
  }))
  return { month, orgId: org._id, orgName: org.name, nodes, areas, meetings, trends, compare }
}

export async function records(ctx: CallContext, input: Input<'stats/records'>): Promise<RecordsPage> {
  const org = await authorizeOn(ctx, 'stats.read', input.orgId)
  const area = areaOf(input.figure)
  const source = area ? recordSource(area, input.figure) : null
  if (!source) throw new AppError('STATS.UNKNOWN_FIGURE')
  const { months, range } = periodOf(input.period)
  const offset = input.offset ?? 0
  const limit = input.limit ?? RECORDS_PAGE
  const page = await source.page({ ctx, org, months, range, offset, limit }, input.figure)
  return {
    title: source.title,
    columns: source.columns,
    rows: page.rows,
    total: page.total,
    nextOffset: offset + page.rows.length < page.total ? offset + page.rows.length : null,
  }
}

export async function todo(ctx: CallContext, input: Input<'stats/todo'>): Promise<TodoView> {
  const org = await chosenOrg(ctx, input.orgId)
  const month = input.month ?? monthOf(ctx.now)
  assertNotFuture(ctx, month)
  const frame = await loadFrame(ctx, org, [shiftMonth(month, -2), shiftMonth(month, -1), month])
  const i = areaInput(frame, org, month)
  const items = (await Promise.all(AREAS.map((a) => a.todos({ ctx, org, month, input: i })))).flat()
  const rank = { red: 0, yellow: 1, green: 2 }
  items.sort((a, b) => rank[a.light] - rank[b.light])
  return { month, orgId: org._id, items }
}

/** Figures for a node and a period: what the export and the paragraph read. */
export async function periodFigures(ctx: CallContext, org: OrgDoc, period: string) {
  const { months } = periodOf(period)
  // 三会一课 of a year is read at its last month, whose quarter may begin before the year's months: none do.
  const frame = await loadFrame(ctx, org, months)
  const input = areaInput(frame, org, period)
  return { input, areas: AREAS.map((a) => ({ area: a, figures: a.figures(input) })) }
}

export async function yearReport(ctx: CallContext, input: Input<'stats/year'>): Promise<YearReportView> {
  const org = await authorizeOn(ctx, 'stats.read', input.orgId)
  if (input.year > Number(monthOf(ctx.now).slice(0, 4))) throw new AppError('STATS.FUTURE_MONTH')
  const { input: figures } = await periodFigures(ctx, org, String(input.year))
  const parts = await Promise.all(AREAS.map((a) => a.sentences(figures)))
  const paragraphs = [
    { title: `${input.year}年度主要工作`, parts: parts.flatMap((p) => p.work) },
    { title: '存在的问题', parts: parts.flatMap((p) => p.problems) },
  ].filter((p) => p.parts.length > 0)
  const text = paragraphs.map((p) => `${p.title}：${p.parts.map((x) => x.text).join('')}`).join('\n')
  return { year: input.year, orgId: org._id, orgName: org.name, paragraphs, text }
}
