/**
 * The volunteer area (志愿服务): activities held (closed by the organiser), participants with confirmed hours
 * (人次), confirmed hours, 受益人次, and confirmed 补录 apart. Counters: domain/volunteer.rollup.ts, counted at the
 * organising node in the month of the activity's start.
 */
import { _ } from '../../common/cloud'
import { collection } from '../../common/data'
import type { FigureView } from '../../contract/stats.contract'
import { dateTimeLabel } from '../../domain/time'
import { ENTRY_METHOD_LABELS } from '../../domain/volunteer.rules'
import { orgName } from '../stats.store'
import { type AreaInput, countFigure, orderedPage, type RecordSource, type StatsArea } from './area'
import { beneficiaries } from './benefit'

/** Minutes as hours with one decimal (rounded half up). */
export const hoursOf = (minutes: number): number => Math.floor((minutes * 10) / 60 + 0.5) / 10

function figures(input: AreaInput): FigureView[] {
  const c = input.counts
  return [
    countFigure('volunteer.activities', '开展志愿服务', c['volunteer.activities'] ?? 0, { unit: '次' }),
    countFigure('volunteer.participants', '参与志愿者', c['volunteer.participants'] ?? 0, { unit: '人次' }),
    countFigure('volunteer.hours', '确认服务时长', hoursOf(c['volunteer.minutes'] ?? 0), { unit: '小时' }),
    countFigure('volunteer.beneficiaries', '受益', c['volunteer.beneficiaries'] ?? 0, { unit: '人次' }),
    countFigure('volunteer.makeupEntries', '补录（已确认）', c['volunteer.makeupEntries'] ?? 0, {
      unit: '条',
    }),
    countFigure('volunteer.makeupHours', '补录时长', hoursOf(c['volunteer.makeupMinutes'] ?? 0), {
      unit: '小时',
    }),
    // Counted in the month of completion (domain/project.rollup.ts); its 受益人次 are not added to 受益 above.
    countFigure('volunteer.projectsDone', '完成为民办实事', c['volunteer.projectsDone'] ?? 0, { unit: '项' }),
  ]
}

const activitySource: RecordSource = {
  title: '志愿活动',
  columns: ['开始时间', '活动', '组织', '地点', '受益人次'],
  async page(q) {
    const where = { orgPath: q.org._id, status: 'closed', startAt: _.gte(q.range[0]).and(_.lt(q.range[1])) }
    const [found, orgs] = await Promise.all([
      orderedPage(
        (w) => collection('volActivities').where(w),
        where,
        [
          ['startAt', 'desc'],
          ['_id', 'desc'],
        ],
        q,
      ),
      q.ctx.orgs(),
    ])
    return {
      total: found.total,
      next: found.next,
      rows: found.docs.map((a) => [
        dateTimeLabel(a.startAt),
        a.title,
        orgName(orgs, a.orgId),
        a.place,
        String(a.beneficiaries ?? 0),
      ]),
    }
  },
}

const participantSource: RecordSource = {
  title: '参与志愿者',
  columns: ['活动开始时间', '姓名', '活动编号'],
  async page(q) {
    const where = {
      orgPath: q.org._id,
      participated: true,
      activityStartAt: _.gte(q.range[0]).and(_.lt(q.range[1])),
    }
    const found = await orderedPage((w) => collection('volSignups').where(w), where, [['_id', 'asc']], q)
    return {
      total: found.total,
      next: found.next,
      rows: found.docs.map((s) => [dateTimeLabel(s.activityStartAt), s.memberName, s.activityId]),
    }
  },
}

/** Confirmed hours: scans and the organiser's entries, or the 补录 apart (each its own detail sheet). */
const entrySource = (makeup: boolean): RecordSource => ({
  title: makeup ? '已确认补录' : '已确认时长',
  columns: ['活动', '姓名', '日期', '方式', '时长（分钟）'],
  async page(q) {
    const where = {
      orgPath: q.org._id,
      status: 'confirmed',
      method: makeup ? 'makeup' : _.neq('makeup'),
      activityStartAt: _.gte(q.range[0]).and(_.lt(q.range[1])),
    }
    const found = await orderedPage((w) => collection('volEntries').where(w), where, [['_id', 'asc']], q)
    return {
      total: found.total,
      next: found.next,
      rows: found.docs.map((e) => [
        e.title,
        e.memberName,
        e.day,
        ENTRY_METHOD_LABELS[e.method],
        String(e.minutes ?? 0),
      ]),
    }
  },
})
const hoursSource = entrySource(false)
const makeupSource = entrySource(true)

/** 为民办实事 completed in the period, by the organising node's subtree. */
const projectSource: RecordSource = {
  title: '已完成的为民办实事',
  columns: ['完成时间', '项目', '组织', '共建单位', '受益人次'],
  async page(q) {
    const where = { orgPath: q.org._id, status: 'done', completedAt: _.gte(q.range[0]).and(_.lt(q.range[1])) }
    const [found, total, orgs] = await Promise.all([
      collection('projects').where(where).orderBy('completedAt', 'desc').skip(q.offset).limit(q.limit).get(),
      collection('projects').where(where).count(),
      q.ctx.orgs(),
    ])
    return {
      total: total.total,
      rows: found.data.map((p) => [
        dateTimeLabel(p.completedAt ?? 0),
        p.title,
        orgName(orgs, p.orgId),
        p.partner ?? '',
        String(p.beneficiaries ?? 0),
      ]),
    }
  },
}

async function sentences(input: AreaInput) {
  const c = input.counts
  return {
    work: [
      { text: '组织开展各类志愿服务' },
      { text: String(c['volunteer.activities'] ?? 0), figure: 'volunteer.activities' },
      { text: '次、上门服务' },
      { text: String(c['visit.completed'] ?? 0), figure: 'visit.completed' },
      { text: '次，直接受益达' },
      { text: String(beneficiaries(c)), figure: 'benefit.total' },
      { text: '人次；志愿者参与' },
      { text: String(c['volunteer.participants'] ?? 0), figure: 'volunteer.participants' },
      { text: '人次，确认服务时长' },
      { text: String(hoursOf(c['volunteer.minutes'] ?? 0)), figure: 'volunteer.hours' },
      { text: '小时。' },
    ],
    problems: [],
  }
}

export const volunteerArea: StatsArea = {
  key: 'volunteer',
  title: '志愿服务',
  figures,
  trend: ['volunteer.activities', 'volunteer.participants', 'volunteer.hours'],
  compare: ['volunteer.activities', 'volunteer.hours'],
  records: {
    'volunteer.activities': activitySource,
    'volunteer.beneficiaries': activitySource,
    'volunteer.participants': participantSource,
    'volunteer.hours': hoursSource,
    'volunteer.makeupEntries': makeupSource,
    'volunteer.makeupHours': makeupSource,
    'volunteer.projectsDone': projectSource,
  },
  details: ['volunteer.activities', 'volunteer.hours', 'volunteer.makeupEntries'],
  todos: async () => [],
  sentences,
}
