/**
 * The quiz area (党建常识考核): exams held, 应考, 参考, and the pass and excellence rates over both, with a light on
 * the pass rate against its target. Counters: domain/quiz.rollup.ts.
 */
import { _ } from '../../common/cloud'
import { collection } from '../../common/data'
import type { FigureView, TodoItem } from '../../contract/stats.contract'
import { formatPercent } from '../../domain/rates'
import { dateTimeLabel, monthRange } from '../../domain/time'
import { memberNames, orgName } from '../stats.store'
import {
  type AreaInput,
  countFigure,
  orderedPage,
  rateFigure,
  type RecordSource,
  type StatsArea,
  targetLight,
} from './area'

/** 合格率 the street aims at, in tenths of a percent: the source document calls 90% too low. */
export const PASS_TARGET_TENTHS = 950
const TARGET_TEXT = `合格率（对参考人数）不低于${PASS_TARGET_TENTHS / 10}%`

function figures(input: AreaInput): FigureView[] {
  const c = input.counts
  const expected = c['quiz.expected'] ?? 0
  const took = c['quiz.participants'] ?? 0
  const passed = c['quiz.passed'] ?? 0
  const excellent = c['quiz.excellent'] ?? 0
  return [
    countFigure('quiz.exams', '开展考核', c['quiz.exams'] ?? 0, { unit: '次' }),
    countFigure('quiz.expected', '应考', expected, { unit: '人次' }),
    rateFigure('quiz.participants', '参考率（参考/应考）', took, expected),
    rateFigure('quiz.passed', '合格率（对参考）', passed, took, {
      light: targetLight(passed, took, PASS_TARGET_TENTHS),
      rule: TARGET_TEXT,
    }),
    rateFigure('quiz.passedOfExpected', '合格率（对应考）', passed, expected),
    rateFigure('quiz.excellent', '优秀率（对参考）', excellent, took),
    rateFigure('quiz.excellentOfExpected', '优秀率（对应考）', excellent, expected),
  ]
}

const examSource: RecordSource = {
  title: '考核',
  columns: ['开始时间', '考核名称', '组织', '应考人数'],
  async page(q) {
    const where = {
      orgPath: q.org._id,
      status: 'published',
      opensAt: _.gte(q.range[0]).and(_.lt(q.range[1])),
    }
    const [found, orgs] = await Promise.all([
      orderedPage(
        (w) =>
          collection('quizExams')
            .where(w)
            .field({ title: true, orgId: true, opensAt: true, expectedCount: true }),
        where,
        [
          ['opensAt', 'desc'],
          ['_id', 'desc'],
        ],
        q,
      ),
      q.ctx.orgs(),
    ])
    return {
      total: found.total,
      next: found.next,
      rows: found.docs.map((e) => [
        dateTimeLabel(e.opensAt),
        e.title,
        orgName(orgs, e.orgId),
        String(e.expectedCount ?? ''),
      ]),
    }
  },
}

/** 应考 records of the subtree's members in the period, narrowed by the figure (参考, 合格, 优秀). */
const expectedSource: RecordSource = {
  title: '应考党员',
  columns: ['考核', '姓名', '所在组织', '得分', '结果'],
  async page(q, key) {
    const narrow: Record<string, unknown> =
      key === 'quiz.participants'
        ? { counted: _.neq(null).and(_.exists(true)) }
        : key.startsWith('quiz.passed')
          ? { 'counted.passed': true }
          : key.startsWith('quiz.excellent')
            ? { 'counted.excellent': true }
            : {}
    const where = { orgPath: q.org._id, at: _.gte(q.range[0]).and(_.lt(q.range[1])), ...narrow }
    const [page, orgs] = await Promise.all([
      orderedPage((w) => collection('quizExpected').where(w), where, [['_id', 'asc']], q),
      q.ctx.orgs(),
    ])
    const found = { data: page.docs }
    const examIds = [...new Set(found.data.map((e) => e.examId))]
    const [names, exams] = await Promise.all([
      memberNames(found.data.map((e) => e.memberId)),
      examIds.length > 0
        ? collection('quizExams')
            .where({ _id: _.in(examIds) })
            .field({ title: true })
            .limit(1000)
            .get()
        : Promise.resolve({ data: [] as { _id: string; title: string }[] }),
    ])
    const titles = new Map(exams.data.map((e) => [e._id, e.title]))
    return {
      total: page.total,
      next: page.next,
      rows: found.data.map((e) => [
        titles.get(e.examId) ?? '',
        names.get(e.memberId) ?? '',
        orgName(orgs, e.orgPath.at(-1)),
        e.counted ? String(e.counted.score) : '',
        !e.counted ? '未参考' : e.counted.excellent ? '优秀' : e.counted.passed ? '合格' : '不合格',
      ]),
    }
  },
}

/** Exams of the month in the subtree whose pass rate (over those who took part) is below the target. */
async function todos({ org, month }: Parameters<StatsArea['todos']>[0]): Promise<TodoItem[]> {
  const [from, to] = monthRange(month)
  const exams = await collection('quizExams')
    .where({ orgPath: org._id, status: 'published', opensAt: _.gte(from).and(_.lt(to)) })
    .field({ title: true })
    .limit(100)
    .get()
  const items: TodoItem[] = []
  for (const exam of exams.data) {
    const base = { examId: exam._id, orgPath: org._id }
    const [took, passed] = await Promise.all([
      collection('quizExpected')
        .where({ ...base, counted: _.neq(null).and(_.exists(true)) })
        .count(),
      collection('quizExpected')
        .where({ ...base, 'counted.passed': true })
        .count(),
    ])
    if (targetLight(passed.total, took.total, PASS_TARGET_TENTHS) !== 'red') continue
    items.push({
      area: 'quiz',
      kind: 'lowPass',
      title: `“${exam.title}”合格率${formatPercent(passed.total, took.total)}，低于目标`,
      detail: `${passed.total}/${took.total}人合格；${TARGET_TEXT}`,
      figure: 'quiz.passed',
      light: 'red',
    })
  }
  return items
}

async function sentences(input: AreaInput) {
  const c = input.counts
  const took = c['quiz.participants'] ?? 0
  return {
    work: [
      { text: '开展党建常识考核' },
      { text: String(c['quiz.exams'] ?? 0), figure: 'quiz.exams' },
      { text: '次，共' },
      { text: String(took), figure: 'quiz.participants' },
      { text: '人次参加，合格率' },
      { text: formatPercent(c['quiz.passed'] ?? 0, took), figure: 'quiz.passed' },
      { text: '，优秀率' },
      { text: formatPercent(c['quiz.excellent'] ?? 0, took), figure: 'quiz.excellent' },
      { text: '。' },
    ],
    problems: [],
  }
}

export const quizArea: StatsArea = {
  key: 'quiz',
  title: '党建考核',
  figures,
  trend: ['quiz.exams', 'quiz.passed', 'quiz.excellent'],
  compare: ['quiz.participants', 'quiz.passed'],
  records: {
    'quiz.exams': examSource,
    'quiz.expected': expectedSource,
    'quiz.participants': expectedSource,
    'quiz.passed': expectedSource,
    'quiz.passedOfExpected': expectedSource,
    'quiz.excellent': expectedSource,
    'quiz.excellentOfExpected': expectedSource,
  },
  details: ['quiz.exams', 'quiz.expected'],
  todos,
  sentences,
}
