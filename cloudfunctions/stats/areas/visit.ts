/**
 * The home-visit area (上门服务): requests submitted, completed and confirmed (auto-confirmed apart), the median
 * response time read from the response-time buckets, the share completed within the time limits, the average
 * rating (sum / rated) and 受益人次. Counters: domain/visit.rollup.ts, each in the month its event happened.
 */
import { _ } from '../../common/cloud'
import { collection } from '../../common/data'
import type { FigureView, TodoItem } from '../../contract/stats.contract'
import { formatPercent } from '../../domain/rates'
import { dateTimeLabel } from '../../domain/time'
import {
  medianBucket,
  RESPONSE_BUCKETS,
  type ResponseBucket,
  VISIT_STATUS_LABELS,
  VISIT_TYPES,
} from '../../domain/visit.rules'
import { orgName } from '../stats.store'
import {
  type AreaInput,
  countFigure,
  orderedPage,
  rateFigure,
  type RecordSource,
  type StatsArea,
} from './area'

/** The average rating with one decimal (rounded half up), or null when nobody rated. */
export function averageRating(sum: number, rated: number): number | null {
  if (rated <= 0) return null
  return Math.floor((sum * 20 + rated) / (2 * rated)) / 10
}

function figures(input: AreaInput): FigureView[] {
  const c = input.counts
  const completed = c['visit.completed'] ?? 0
  const accepted = c['visit.accepted'] ?? 0
  const rated = c['visit.rated'] ?? 0
  const ratingSum = c['visit.ratingSum'] ?? 0
  const buckets = Object.fromEntries(
    RESPONSE_BUCKETS.map((b) => [b.key, c[`visit.response.${b.key}`] ?? 0]),
  ) as Record<ResponseBucket, number>
  const median = medianBucket(buckets)
  const average = averageRating(ratingSum, rated)
  return [
    countFigure('visit.requested', '服务请求', c['visit.requested'] ?? 0, { unit: '件' }),
    countFigure('visit.completed', '完成上门服务', completed, { unit: '次' }),
    countFigure('visit.confirmed', '确认完成', c['visit.confirmed'] ?? 0, { unit: '次' }),
    countFigure('visit.autoConfirmed', '其中自动确认', c['visit.autoConfirmed'] ?? 0, { unit: '次' }),
    {
      ...countFigure('visit.responseMedian', '响应时间中位数（提交→接单）', accepted, { unit: '' }),
      text: median ?? '—',
      rule: `按${accepted}件已接单请求的响应时间分档`,
    },
    rateFigure('visit.completedInTime', '时限内完成率', c['visit.completedInTime'] ?? 0, completed),
    {
      ...countFigure('visit.rating', '平均评分', average ?? 0, { unit: '分' }),
      text: average === null ? '—' : `${average.toFixed(1)}（${ratingSum}/${rated}）`,
    },
    countFigure('visit.beneficiaries', '受益', c['visit.beneficiaries'] ?? 0, { unit: '人次' }),
  ]
}

/** Requests of the subtree whose event the figure counts happened in the period. */
const requestSource: RecordSource = {
  title: '上门服务请求',
  columns: ['提交时间', '类别', '社区', '状态', '派单给', '完成时间', '评分'],
  async page(q, key) {
    const within = _.gte(q.range[0]).and(_.lt(q.range[1]))
    const base = { orgPath: q.org._id }
    const where: Record<string, unknown> =
      key === 'visit.completed'
        ? { ...base, completedAt: within }
        : key === 'visit.completedInTime'
          ? { ...base, completedAt: within, late: false }
          : key === 'visit.confirmed' || key === 'visit.beneficiaries'
            ? { ...base, confirmedAt: within }
            : key === 'visit.autoConfirmed'
              ? { ...base, confirmedAt: within, autoConfirmed: true }
              : key === 'visit.rating'
                ? { ...base, confirmedAt: within, rating: _.neq(null) }
                : key === 'visit.responseMedian'
                  ? { ...base, acceptedAt: within }
                  : { ...base, submittedAt: within }
    const [found, orgs] = await Promise.all([
      orderedPage(
        (w) =>
          collection('visits').where(w).field({
            type: true,
            orgId: true,
            status: true,
            submittedAt: true,
            completedAt: true,
            assigneeName: true,
            rating: true,
          }),
        where,
        [
          ['submittedAt', 'desc'],
          ['_id', 'desc'],
        ],
        q,
      ),
      q.ctx.orgs(),
    ])
    return {
      total: found.total,
      next: found.next,
      rows: found.docs.map((v) => [
        dateTimeLabel(v.submittedAt),
        VISIT_TYPES[v.type],
        orgName(orgs, v.orgId),
        VISIT_STATUS_LABELS[v.status],
        v.assigneeName ?? '',
        v.completedAt === null ? '' : dateTimeLabel(v.completedAt),
        v.rating === null ? '' : String(v.rating),
      ]),
    }
  },
}

/** Requests of the subtree waiting for a dispatch now (one count). */
async function todos({ org }: Parameters<StatsArea['todos']>[0]): Promise<TodoItem[]> {
  const waiting = await collection('visits').where({ orgPath: org._id, status: 'submitted' }).count()
  if (waiting.total === 0) return []
  return [
    {
      area: 'visit',
      kind: 'awaitingDispatch',
      title: `${waiting.total}件上门服务请求等待派单`,
      detail: '请在“上门派单”中派给党员',
      figure: null,
      light: 'yellow',
    },
  ]
}

async function sentences(input: AreaInput) {
  const c = input.counts
  const completed = c['visit.completed'] ?? 0
  const rated = c['visit.rated'] ?? 0
  const average = averageRating(c['visit.ratingSum'] ?? 0, rated)
  if (completed === 0) return { work: [], problems: [] }
  return {
    work: [
      { text: '上门服务时限内完成率' },
      {
        text: formatPercent(c['visit.completedInTime'] ?? 0, completed),
        figure: 'visit.completedInTime',
      },
      ...(average === null
        ? [{ text: '。' }]
        : [
            { text: '，居民平均评分' },
            { text: average.toFixed(1), figure: 'visit.rating' },
            { text: '分。' },
          ]),
    ],
    problems: [],
  }
}

export const visitArea: StatsArea = {
  key: 'visit',
  title: '上门服务',
  figures,
  trend: ['visit.requested', 'visit.completed', 'visit.completedInTime'],
  compare: ['visit.requested', 'visit.completed'],
  records: {
    'visit.requested': requestSource,
    'visit.completed': requestSource,
    'visit.confirmed': requestSource,
    'visit.autoConfirmed': requestSource,
    'visit.responseMedian': requestSource,
    'visit.completedInTime': requestSource,
    'visit.rating': requestSource,
    'visit.beneficiaries': requestSource,
  },
  details: ['visit.requested'],
  todos,
  sentences,
}
