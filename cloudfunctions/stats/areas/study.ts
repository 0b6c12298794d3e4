/**
 * The study area: sessions held by type (三会一课 among them), attendance over 应到 and over 应到 − 请假, members
 * meeting 每月2次理论学习, and each branch's 三会一课 against 《中国共产党支部工作条例（试行）》. Counters:
 * domain/study.rollup.ts.
 */
import { _ } from '../../common/cloud'
import { collection, fetchAll, noDocs } from '../../common/data'
import type { OrgDoc, SessionDoc } from '../../common/docs'
import type { FigureView, Light, SentencePart, TodoItem } from '../../contract/stats.contract'
import { formatPercent } from '../../domain/rates'
import { typeKey } from '../../domain/study.rollup'
import {
  MONTHLY_STUDY_REQUIRED,
  SESSION_FORMATS,
  SESSION_TYPE_KEYS,
  SESSION_TYPES,
  type SessionType,
} from '../../domain/study.rules'
import {
  checkMeetings,
  type HeldByMonth,
  MEETING_REQUIREMENTS,
  type MeetingStatus,
  quarterMonths,
  worstStatus,
} from '../../domain/three-meetings.rules'
import { dateTimeLabel, monthLabel } from '../../domain/time'
import { endOf, memberNames, membersIn, orgName, subtreeMembers } from '../stats.store'
import {
  type AreaInput,
  countFigure,
  isCurrent,
  orderedPage,
  rateFigure,
  type RecordSource,
  type StatsArea,
  sum,
} from './area'

const STATUS_LIGHT: Record<MeetingStatus, Light> = { met: 'green', due: 'yellow', missed: 'red' }
const TYPE_OF_KEY = new Map(SESSION_TYPE_KEYS.map((t) => [typeKey(t), t]))
const MEETING_TYPES = MEETING_REQUIREMENTS.map((r) => r.type)

/**
 * Sessions held by the branch itself in the months that decide `month`'s requirements, and 党课 held for its
 * members by a higher node (`study.lecturesFromAbove`, kept on the branch's own rollup).
 */
function heldByMonth(
  input: AreaInput,
  branchId: string,
  month: string,
): { own: HeldByMonth; above: HeldByMonth } {
  const own = new Map<string, Partial<Record<SessionType, number>>>()
  const above = new Map<string, Partial<Record<SessionType, number>>>()
  for (const m of quarterMonths(month)) {
    const c = input.nodeCounts(branchId, m)
    own.set(m, Object.fromEntries(MEETING_TYPES.map((t) => [t, c[`study.sessions.${typeKey(t)}`] ?? 0])))
    above.set(m, { party_lecture: c['study.lecturesFromAbove'] ?? 0 })
  }
  return { own, above }
}

/** Each branch's 三会一课 for a month (for a year: its last month, or the month under way). */
export function branchMeetings(input: AreaInput) {
  const month =
    input.period.length === 4 ? (isCurrent(input) ? input.today : `${input.period}-12`) : input.period
  return input.branches.map((b) => {
    const held = heldByMonth(input, b._id, month)
    const checks = checkMeetings(held.own, month, input.today, held.above)
    return { orgId: b._id, name: b.name, status: worstStatus(checks), checks }
  })
}

function figures(input: AreaInput): FigureView[] {
  const c = input.counts
  const expected = c['study.expected'] ?? 0
  const present = c['study.present'] ?? 0
  const leave = c['study.leave'] ?? 0
  const met = c['study.met'] ?? 0
  const current = isCurrent(input)
  const meetings = branchMeetings(input)
  const meetingsMet = meetings.filter((m) => m.status === 'met').length
  const byType = SESSION_TYPE_KEYS.filter(
    (t) => MEETING_TYPES.includes(t) || (c[`study.sessions.${typeKey(t)}`] ?? 0) > 0,
  ).map((t) =>
    countFigure(`study.sessions.${typeKey(t)}`, SESSION_TYPES[t], c[`study.sessions.${typeKey(t)}`] ?? 0, {
      unit: '次',
    }),
  )
  const monthly = input.period.length === 7
  return [
    countFigure('study.sessions', '开展学习活动', sum(c, 'study.sessions'), { unit: '次' }),
    ...byType,
    rateFigure('study.attendance', '出勤率（实到/应到）', present, expected),
    rateFigure('study.attendanceRequired', '出勤率（扣除请假）', present, expected - leave),
    countFigure('study.leave', '请假', leave, { unit: '人次' }),
    ...(monthly
      ? [
          rateFigure('study.met', `达到每月${MONTHLY_STUDY_REQUIRED}次理论学习`, met, input.members, {
            light: input.members === 0 ? null : met >= input.members ? 'green' : current ? 'yellow' : 'red',
            rule: `每名党员每月参加理论学习不少于${MONTHLY_STUDY_REQUIRED}次`,
          }),
        ]
      : []),
    ...(meetings.length > 0
      ? [
          rateFigure('study.meetings', '三会一课按时召开的支部', meetingsMet, meetings.length, {
            light: STATUS_LIGHT[worstStatus(meetings)],
            rule: '支部委员会会议、党小组会每月1次，支部党员大会每季度1次，党课每季度至少1次',
          }),
        ]
      : []),
  ]
}

const sessionRow = (orgs: ReadonlyMap<string, OrgDoc>, s: SessionDoc, above = false) => [
  dateTimeLabel(s.startAt),
  SESSION_TYPES[s.type],
  s.title,
  `${orgName(orgs, s.orgId)}${above ? '（上级党组织）' : ''}`,
  SESSION_FORMATS[s.format],
]

/**
 * The sessions behind a figure. For 三会一课 (`study.meetings`) also the 党课 held by the node's ancestors (for the
 * node's members too, so they count toward its branches' 党课), listed first: those are bounded by the few
 * ancestors and a quarter, the node's own sessions follow, page by page.
 */
const sessionSource: RecordSource = {
  title: '学习活动',
  columns: ['时间', '类型', '标题', '组织', '形式'],
  async page(q, key) {
    const type = TYPE_OF_KEY.get(key.split('.')[2] ?? '')
    const meetingsOnly = key === 'study.meetings'
    const months = meetingsOnly ? [...new Set(q.months.flatMap(quarterMonths))] : q.months
    const held = { month: _.in(months), status: 'scheduled', hasCheckins: true }
    const where = {
      orgPath: q.org._id,
      ...held,
      ...(type ? { type } : meetingsOnly ? { type: _.in(MEETING_TYPES) } : {}),
    }
    const above = meetingsOnly && q.org.ancestors.length > 0
    if (!above) {
      const [found, orgs] = await Promise.all([
        orderedPage(
          (w) => collection('sessions').where(w),
          where,
          [
            ['startAt', 'desc'],
            ['_id', 'desc'],
          ],
          q,
        ),
        q.ctx.orgs(),
      ])
      return { total: found.total, next: found.next, rows: found.docs.map((s) => sessionRow(orgs, s)) }
    }
    // 三会一课 with the 党课 from above first, by offset: the screen's (no export sheet reads this figure).
    const aboveWhere = { ...held, orgId: _.in(q.org.ancestors), type: 'party_lecture' }
    const [aboveTotal, total, orgs] = await Promise.all([
      collection('sessions').where(aboveWhere).count(),
      collection('sessions').where(where).count(),
      q.ctx.orgs(),
    ])
    const fromAbove =
      q.offset < aboveTotal.total
        ? await collection('sessions')
            .where(aboveWhere)
            .orderBy('startAt', 'desc')
            .skip(q.offset)
            .limit(q.limit)
            .get()
        : noDocs('sessions')
    const ownOffset = Math.max(0, q.offset - aboveTotal.total)
    const ownLimit = q.limit - fromAbove.data.length
    const own =
      ownLimit > 0
        ? await collection('sessions')
            .where(where)
            .orderBy('startAt', 'desc')
            .skip(ownOffset)
            .limit(ownLimit)
            .get()
        : noDocs('sessions')
    return {
      total: aboveTotal.total + total.total,
      rows: [
        ...fromAbove.data.map((s) => sessionRow(orgs, s, true)),
        ...own.data.map((s) => sessionRow(orgs, s)),
      ],
    }
  },
}

const attendanceSource: RecordSource = {
  title: '签到记录',
  columns: ['时间', '姓名', '所在组织', '活动', '方式'],
  async page(q) {
    const where = { orgPath: q.org._id, month: _.in(q.months), visitor: false }
    const [page, orgs] = await Promise.all([
      orderedPage(
        (w) => collection('checkins').where(w),
        where,
        [
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
        q,
      ),
      q.ctx.orgs(),
    ])
    const found = { data: page.docs }
    const ids = [...new Set(found.data.map((c) => c.sessionId))]
    const [names, sessions] = await Promise.all([
      memberNames(found.data.map((c) => c.memberId)),
      ids.length > 0
        ? collection('sessions')
            .where({ _id: _.in(ids) })
            .field({ title: true })
            .limit(1000)
            .get()
        : Promise.resolve({ data: [] as { _id: string; title: string }[] }),
    ])
    const titles = new Map(sessions.data.map((s) => [s._id, s.title]))
    const how = { qr: '扫码', static: '海报码', makeup_sign: '补签', makeup_study: '补学' } as const
    return {
      total: page.total,
      next: page.next,
      rows: found.data.map((c) => [
        dateTimeLabel(c.at),
        names.get(c.memberId) ?? '',
        orgName(orgs, c.orgPath.at(-1)),
        titles.get(c.sessionId) ?? '',
        `${how[c.method]}${c.late ? '（迟到）' : ''}`,
      ]),
    }
  },
}

const leaveSource: RecordSource = {
  title: '请假记录',
  columns: ['活动时间', '姓名', '所在组织', '原因'],
  async page(q) {
    const where = { orgPath: q.org._id, status: 'approved', startAt: _.gte(q.range[0]).and(_.lt(q.range[1])) }
    const [found, orgs] = await Promise.all([
      orderedPage(
        (w) => collection('leaves').where(w),
        where,
        [
          ['startAt', 'desc'],
          ['_id', 'desc'],
        ],
        q,
      ),
      q.ctx.orgs(),
    ])
    const names = await memberNames(found.docs.map((l) => l.memberId))
    return {
      total: found.total,
      next: found.next,
      rows: found.docs.map((l) => [
        l.startAt === undefined ? '' : dateTimeLabel(l.startAt),
        names.get(l.memberId) ?? '',
        orgName(orgs, l.orgPath?.at(-1)),
        l.reason,
      ]),
    }
  },
}

const metSource: RecordSource = {
  title: `达到每月${MONTHLY_STUDY_REQUIRED}次理论学习的党员`,
  columns: ['月份', '姓名', '所在组织', '理论学习次数'],
  async page(q) {
    const where = { orgPath: q.org._id, month: _.in(q.months), theory: _.gte(MONTHLY_STUDY_REQUIRED) }
    const [found, orgs] = await Promise.all([
      orderedPage(
        (w) => collection('studyMonths').where(w),
        where,
        [
          ['month', 'desc'],
          ['memberId', 'asc'],
        ],
        q,
      ),
      q.ctx.orgs(),
    ])
    const names = await memberNames(found.docs.map((t) => t.memberId))
    return {
      total: found.total,
      next: found.next,
      rows: found.docs.map((t) => [
        monthLabel(t.month),
        names.get(t.memberId) ?? '',
        orgName(orgs, t.orgPath.at(-1)),
        String(t.theory),
      ]),
    }
  },
}

/** Members of the subtree below the rule in a month: everyone there at its end, less those whose tally met it. */
async function belowRule(orgId: string, month: string, range: [number, number], now: number) {
  const [members, met] = await Promise.all([
    subtreeMembers(orgId),
    fetchAll(
      collection('studyMonths')
        .where({ orgPath: orgId, month, theory: _.gte(MONTHLY_STUDY_REQUIRED) })
        .field({ memberId: true }),
    ),
  ])
  const done = new Set(met.map((t) => t.memberId))
  return membersIn(members, orgId, endOf(range, now))
    .filter((m) => !done.has(m._id))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

const belowSource: RecordSource = {
  title: `未达到每月${MONTHLY_STUDY_REQUIRED}次理论学习的党员`,
  columns: ['月份', '姓名', '所在组织'],
  async page(q) {
    const month = q.months[q.months.length - 1]
    const [below, orgs] = await Promise.all([belowRule(q.org._id, month, q.range, q.ctx.now), q.ctx.orgs()])
    return {
      total: below.length,
      rows: below
        .slice(q.offset, q.offset + q.limit)
        .map((m) => [monthLabel(month), m.name, orgName(orgs, m.orgId)]),
    }
  },
}

async function todos({ org, month, input }: Parameters<StatsArea['todos']>[0]): Promise<TodoItem[]> {
  const items: TodoItem[] = []
  const met = input.counts['study.met'] ?? 0
  if (input.members > met) {
    const below = input.members - met
    items.push({
      area: 'study',
      kind: 'below',
      title: `${below}名党员本月理论学习未达到${MONTHLY_STUDY_REQUIRED}次`,
      detail: `${monthLabel(month)}，${org.name}`,
      figure: 'study.below',
      light: isCurrent(input) ? 'yellow' : 'red',
    })
  }
  for (const b of branchMeetings(input)) {
    const behind = b.checks.filter((c) => c.status !== 'met')
    if (behind.length === 0) continue
    items.push({
      area: 'study',
      kind: 'meetings',
      title: `${b.name}：${behind.map((c) => c.label).join('、')}${b.status === 'missed' ? '未按时召开' : '尚未召开'}`,
      detail: behind.map((c) => `${c.periodLabel}${c.label}应开${c.required}次，已开${c.held}次`).join('；'),
      figure: 'study.meetings',
      light: STATUS_LIGHT[b.status],
    })
  }
  return items
}

async function sentences(input: AreaInput) {
  const c = input.counts
  const n = (t: SessionType) => c[`study.sessions.${typeKey(t)}`] ?? 0
  const lecturers = await fetchAll(
    collection('lecturers').where({ orgPath: input.org._id }).field({ isStaff: true }),
  )
  const staff = lecturers.filter((l) => l.isStaff).length
  const fig = (t: SessionType): SentencePart => ({
    text: String(n(t)),
    figure: `study.sessions.${typeKey(t)}`,
  })
  const work: SentencePart[] = [
    { text: '全年上党课' },
    fig('party_lecture'),
    { text: '次，集体学习' },
    fig('group_study'),
    { text: '次，召开支部委员会会议' },
    fig('committee_meeting'),
    { text: '次、党小组会' },
    fig('party_group'),
    { text: '次、支部党员大会' },
    fig('general_meeting'),
    { text: '次，党员出勤率' },
    { text: formatPercent(c['study.present'] ?? 0, c['study.expected'] ?? 0), figure: 'study.attendance' },
    { text: '。' },
  ]
  const problems: SentencePart[] = [
    {
      text: `讲师队伍共${lecturers.length}人（本单位${staff}人、外聘${lecturers.length - staff}人），全年理论学习`,
    },
    { text: String(c['study.formats.theory'] ?? 0), figure: 'study.sessions' },
    { text: '次、实践活动' },
    { text: String(c['study.formats.activity'] ?? 0), figure: 'study.sessions' },
    { text: '次。' },
  ]
  return { work, problems }
}

export const studyArea: StatsArea = {
  key: 'study',
  title: '学习教育',
  figures,
  trend: ['study.sessions', 'study.attendance', 'study.met'],
  compare: ['study.sessions', 'study.attendance', 'study.met'],
  records: {
    'study.sessions': sessionSource,
    'study.meetings': sessionSource,
    'study.attendance': attendanceSource,
    'study.attendanceRequired': attendanceSource,
    'study.leave': leaveSource,
    'study.met': metSource,
    'study.below': belowSource,
  },
  details: ['study.sessions', 'study.attendance', 'study.leave', 'study.met'],
  todos,
  sentences,
}
