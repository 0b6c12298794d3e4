/**
 * The pledge area (廉政承诺): 应签, 已签 and the signing rate, signed by the deadline over those due, and — for a
 * period already over — those past their deadline unsigned (逾期未签 = due − signedOnTime). Counters:
 * domain/pledge.rollup.ts. With them the 纪工委's 回访核查: calls made, effective calls and the satisfaction of the
 * ratings, counted in the month of each call at the community called about (domain/callback.rollup.ts).
 */
import { _ } from '../../common/cloud'
import { collection } from '../../common/data'
import type { FigureView, TodoItem } from '../../contract/stats.contract'
import { RATING_KEYS, SATISFIED_MIN } from '../../domain/callback.rules'
import { quarterLabel, quartersOfPeriod } from '../../domain/callback.rules'
import { formatRate } from '../../domain/rates'
import { dateTimeLabel } from '../../domain/time'
import { orgName } from '../stats.store'
import {
  type AreaInput,
  countFigure,
  isCurrent,
  orderedPage,
  rateFigure,
  type RecordSource,
  type StatsArea,
} from './area'

function figures(input: AreaInput): FigureView[] {
  const c = input.counts
  const assigned = c['pledge.assigned'] ?? 0
  const signed = c['pledge.signed'] ?? 0
  const due = c['pledge.due'] ?? 0
  const onTime = c['pledge.signedOnTime'] ?? 0
  return [
    countFigure('pledge.assigned', '应签', assigned, { unit: '份' }),
    countFigure('pledge.signedCount', '已签', signed, { unit: '份' }),
    rateFigure('pledge.signed', '签订率（已签/应签）', signed, assigned),
    rateFigure('pledge.signedOnTime', '按时签订（截止在本期的）', onTime, due),
    // Only for a period that is over: before that a pledge due later this period is not yet late.
    ...(isCurrent(input) ? [] : [countFigure('pledge.overdue', '逾期未签', due - onTime, { unit: '份' })]),
    ...callbackFigures(input),
  ]
}

/** 回访核查: calls made, effective calls (reached and rated) over calls, ratings of 4 or 5 over ratings. */
function callbackFigures(input: AreaInput): FigureView[] {
  const c = input.counts
  const calls = c['callback.calls'] ?? 0
  return [
    countFigure('pledge.callbackCalls', '回访核查', calls, { unit: '次' }),
    rateFigure('pledge.callbackReached', '有效回访（接通并评价）', c['callback.reached'] ?? 0, calls),
    rateFigure(
      'pledge.callbackSatisfied',
      '回访满意率（4分及以上的评分）',
      c['callback.satisfied'] ?? 0,
      c['callback.ratings'] ?? 0,
    ),
    countFigure('pledge.callbackProblems', '回访发现问题', c['callback.problems'] ?? 0, { unit: '件' }),
  ]
}

/**
 * The calls behind the 回访核查 figures: the quarters the period overlaps (four a year, read by `_id`), their calls
 * made in the period about items of the node's subtree. No phone and no name of those served.
 */
const callSource: RecordSource = {
  title: '回访核查',
  columns: ['季度', '事项', '所在社区', '回访日期', '是否接通', '满意的评分', '发现的问题'],
  async page(q, key) {
    const periods = [...new Set(q.months.flatMap((m) => quartersOfPeriod(m)))]
    const [found, orgs] = await Promise.all([
      collection('callbackQuarters')
        .where({ _id: _.in(periods) })
        .field({ quarter: true, sample: true, calls: true })
        .limit(periods.length)
        .get(),
      q.ctx.orgs(),
    ])
    const rows = found.data
      .sort((a, b) => (a.quarter < b.quarter ? -1 : 1))
      .flatMap((quarter) =>
        quarter.sample.flatMap((s) => {
          const call = quarter.calls?.[s.key]
          if (!call || !s.orgPath.includes(q.org._id)) return []
          if (call.calledAt < q.range[0] || call.calledAt >= q.range[1]) return []
          if (key === 'pledge.callbackReached' && !call.reached) return []
          if (key === 'pledge.callbackSatisfied' && !call.ratings) return []
          if (key === 'pledge.callbackProblems' && !call.problem.trim()) return []
          const satisfied = call.ratings
            ? `${RATING_KEYS.filter((k) => (call.ratings?.[k] ?? 0) >= SATISFIED_MIN).length}/4`
            : ''
          return [
            [
              quarterLabel(quarter.quarter),
              s.matter,
              orgName(orgs, s.communityId),
              call.calledOn,
              call.reached ? '接通' : '未接通',
              satisfied,
              call.problem,
            ],
          ]
        }),
      )
    return { total: rows.length, rows: rows.slice(q.offset, q.offset + q.limit) }
  },
}

const STATUS = (a: { status: string; signedAt: number | null; deadline: number }) =>
  a.status !== 'signed' || a.signedAt === null ? '未签' : a.signedAt <= a.deadline ? '按时签订' : '逾期签订'

/** Assignments of the subtree: assigned, signed or due in the period, as the figure counts them. */
const assignmentSource: RecordSource = {
  title: '廉政承诺书',
  columns: ['承诺书', '姓名', '所在组织', '截止时间', '签订时间', '状态'],
  async page(q, key) {
    const within = _.gte(q.range[0]).and(_.lt(q.range[1]))
    const where: Record<string, unknown> =
      key === 'pledge.assigned'
        ? { orgPath: q.org._id, assignedAt: within }
        : key === 'pledge.signed' || key === 'pledge.signedCount'
          ? { orgPath: q.org._id, status: 'signed', signedAt: within }
          : key === 'pledge.overdue'
            ? { orgPath: q.org._id, deadline: within, status: 'pending' }
            : { orgPath: q.org._id, deadline: within }
    const [found, orgs] = await Promise.all([
      orderedPage((w) => collection('pledgeAssignments').where(w), where, [['_id', 'asc']], q),
      q.ctx.orgs(),
    ])
    return {
      total: found.total,
      next: found.next,
      rows: found.docs.map((a) => [
        a.title,
        a.name,
        orgName(orgs, a.orgId),
        dateTimeLabel(a.deadline),
        a.signedAt === null ? '' : dateTimeLabel(a.signedAt),
        STATUS(a),
      ]),
    }
  },
}

/** Pledges of the subtree past their deadline and still unsigned (one count). */
async function todos({ org }: Parameters<StatsArea['todos']>[0]): Promise<TodoItem[]> {
  const late = await collection('pledgeAssignments')
    .where({ orgPath: org._id, status: 'pending', deadline: _.lt(Date.now()) })
    .count()
  if (late.total === 0) return []
  return [
    {
      area: 'pledge',
      kind: 'overduePledges',
      title: `${late.total}份廉政承诺书已过截止时间仍未签订`,
      detail: '请提醒相关党员尽快签订',
      figure: null,
      light: 'red',
    },
  ]
}

async function sentences(input: AreaInput) {
  const c = input.counts
  return {
    work: [
      { text: '签订廉政承诺书' },
      { text: String(c['pledge.signed'] ?? 0), figure: 'pledge.signedCount' },
      { text: '份。' },
      ...((c['callback.calls'] ?? 0) > 0
        ? [
            { text: '纪工委开展回访核查' },
            { text: String(c['callback.calls'] ?? 0), figure: 'pledge.callbackCalls' },
            { text: '次，满意率' },
            {
              text: formatRate(c['callback.satisfied'] ?? 0, c['callback.ratings'] ?? 0),
              figure: 'pledge.callbackSatisfied',
            },
            { text: '。' },
          ]
        : []),
    ],
    problems: [],
  }
}

export const pledgeArea: StatsArea = {
  key: 'pledge',
  title: '廉政承诺',
  figures,
  trend: ['pledge.assigned', 'pledge.signedCount'],
  compare: ['pledge.signed'],
  records: {
    'pledge.assigned': assignmentSource,
    'pledge.signedCount': assignmentSource,
    'pledge.signed': assignmentSource,
    'pledge.signedOnTime': assignmentSource,
    'pledge.overdue': assignmentSource,
    'pledge.callbackCalls': callSource,
    'pledge.callbackReached': callSource,
    'pledge.callbackSatisfied': callSource,
    'pledge.callbackProblems': callSource,
  },
  details: ['pledge.assigned'],
  todos,
  sentences,
}
