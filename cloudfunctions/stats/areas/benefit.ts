/**
 * 服务群众: 受益人次 in total — what the 述职报告 calls "直接受益达1200人次": the 受益人次 the organisers entered for
 * their closed 志愿服务 activities (`volunteer.beneficiaries`, in the month of the activity's start) plus one per
 * confirmed 上门服务 visit (`visit.beneficiaries`, in the month of its confirmation). No counter of its own: the
 * figure adds the two areas' rollups, and its records are those activities and visits, activities first.
 */
import { _ } from '../../common/cloud'
import { collection } from '../../common/data'
import type { OrgDoc } from '../../common/docs'
import type { FigureView } from '../../contract/stats.contract'
import { dateTimeLabel } from '../../domain/time'
import { VISIT_TYPES } from '../../domain/visit.rules'
import { orgName } from '../stats.store'
import { type AreaInput, countFigure, type RecordSource, type RecordsQuery, type StatsArea } from './area'

/** 受益人次 of both services for a node's subtree and period. */
export function beneficiaries(counts: AreaInput['counts']): number {
  return (counts['volunteer.beneficiaries'] ?? 0) + (counts['visit.beneficiaries'] ?? 0)
}

function figures(input: AreaInput): FigureView[] {
  return [
    countFigure('benefit.total', '直接受益（志愿服务＋上门服务）', beneficiaries(input.counts), {
      unit: '人次',
    }),
  ]
}

type Row = string[]
const row = (
  orgs: ReadonlyMap<string, OrgDoc>,
  at: number,
  kind: string,
  what: string,
  org: string,
  n: number,
) => [dateTimeLabel(at), kind, what, orgName(orgs, org), String(n)]

/** Closed activities of the subtree that started in the period and recorded 受益人次. */
function activities(q: RecordsQuery) {
  return collection('volActivities').where({
    orgPath: q.org._id,
    status: 'closed',
    startAt: _.gte(q.range[0]).and(_.lt(q.range[1])),
    beneficiaries: _.gt(0),
  })
}

/** Visits of the subtree confirmed in the period: one 受益人次 each. */
function visits(q: RecordsQuery) {
  return collection('visits').where({
    orgPath: q.org._id,
    confirmedAt: _.gte(q.range[0]).and(_.lt(q.range[1])),
  })
}

/** Both kinds in one list, page by page: the activities (fewer), then the visits. */
const benefitSource: RecordSource = {
  title: '受益记录',
  columns: ['时间', '来源', '事项', '组织', '受益人次'],
  async page(q) {
    const [a, v, orgs] = await Promise.all([activities(q).count(), visits(q).count(), q.ctx.orgs()])
    const rows: Row[] = []
    if (q.offset < a.total) {
      const found = await activities(q).orderBy('startAt', 'desc').skip(q.offset).limit(q.limit).get()
      for (const x of found.data)
        rows.push(row(orgs, x.startAt, '志愿服务', x.title, x.orgId, x.beneficiaries ?? 0))
    }
    const left = q.limit - rows.length
    if (left > 0 && v.total > 0) {
      const found = await visits(q)
        .field({ type: true, orgId: true, confirmedAt: true, submittedAt: true })
        .orderBy('submittedAt', 'desc')
        .skip(Math.max(0, q.offset - a.total))
        .limit(left)
        .get()
      for (const x of found.data)
        rows.push(row(orgs, x.confirmedAt ?? x.submittedAt, '上门服务', VISIT_TYPES[x.type], x.orgId, 1))
    }
    return { total: a.total + v.total, rows }
  },
}

export const benefitArea: StatsArea = {
  key: 'benefit',
  title: '服务群众',
  figures,
  trend: ['benefit.total'],
  compare: ['benefit.total'],
  records: { 'benefit.total': benefitSource },
  // The activities and the visits are detail sheets of their own areas already.
  details: [],
  todos: async () => [],
  // The paragraph's "直接受益达K人次" is the volunteer area's sentence, its K opening this figure.
  sentences: async () => ({ work: [], problems: [] }),
}
