import type {
  CheckinDoc,
  LeaveDoc,
  MemberDoc,
  OrgDoc,
  RollupDoc,
  SessionDoc,
} from '../cloudfunctions/common/docs'
import type { AttemptDoc, ExamDoc, ExpectedDoc, QuestionDoc } from '../cloudfunctions/common/quiz.docs'
import type { StudyMonthDoc } from '../cloudfunctions/common/stats.docs'
import { joinIds } from '../cloudfunctions/domain/ids'
import { examRollup, expectedRollup } from '../cloudfunctions/domain/quiz.rollup'
import { countedAttempts } from '../cloudfunctions/domain/quiz-stats.rules'
import {
  bucketId,
  type Contribution,
  nestCounts,
  sumContributions,
} from '../cloudfunctions/domain/rollup.rules'
import {
  checkinRollup,
  leaveRollup,
  sessionRollup,
  studyMonthRollup,
  StudyTallies,
} from '../cloudfunctions/domain/study.rollup'
import { DEFAULT_FORMAT, type SessionType } from '../cloudfunctions/domain/study.rules'
import { chinaTimestamp, monthOf, monthRange, shiftMonth } from '../cloudfunctions/domain/time'
import { answerPaper, demoBank } from './seed-bank'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

export interface DemoStudy {
  sessions: SessionDoc[]
  checkins: CheckinDoc[]
  leaves: LeaveDoc[]
  studyMonths: StudyMonthDoc[]
  exams: ExamDoc[]
  expected: ExpectedDoc[]
  attempts: AttemptDoc[]
  /** The bank those exams drew from (server/seed-bank.ts). */
  questions: QuestionDoc[]
  rollups: RollupDoc[]
}

const GROUP_STUDY = [
  '学习党的二十届三中全会精神',
  '学习《中国共产党纪律处分条例》',
  '学习习近平新时代中国特色社会主义思想专题摘编',
  '学习《中国共产党章程》总纲',
  '学习基层治理典型案例',
  '学习《中国共产党支部工作条例（试行）》',
]
const LECTURES = [
  '专题党课：以党建引领基层治理',
  '专题党课：严守纪律规矩，永葆清廉本色',
  '专题党课：学党史、悟思想、办实事',
  '专题党课：做新时代合格党员',
]
const LEAVE_REASONS = ['单位值班', '外出就医', '照顾家中老人', '出差在外', '社区夜间巡逻']
const EXAMS = [
  { title: '党章党规知识测试', org: 'org-street' },
  { title: '党纪学习教育应知应会测试', org: 'org-street' },
  { title: '二十届三中全会精神学习测试', org: 'org-c1' },
  { title: '基层治理知识测试', org: 'org-c2' },
]

/** No history: the street as the capabilities' own tests start it. */
export function noStudy(): DemoStudy {
  return {
    sessions: [],
    checkins: [],
    leaves: [],
    studyMonths: [],
    exams: [],
    expected: [],
    attempts: [],
    questions: [],
    rollups: [],
  }
}

/** A small deterministic generator (its own seed: the study year does not move the rest of the street). */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/**
 * A year of 学习签到 and 党建考核 for the demo street, up to `now`, so 月度统计 opens on figures: each branch's
 * 三会一课 (支委会 and 党小组会 most months, 党员大会 most quarters, now and then its own 党课), a monthly 集体学习, the
 * communities' quarterly 党课 and the street's 七一 党课; check-ins with late arrivals and 补签, leaves (most
 * approved), and four exams with 应考 and graded attempts (some taken twice, the best counted). In the month under
 * way the sessions fall between its first day and two hours before `now`. Records are stored as the services
 * store them, with the fields they derive (a held session's 应到 per node, the 每月2次 tallies, each 应考 record's
 * counted attempt), and the rollups are summed from the same rules the services and the rebuild apply.
 *
 * The demo people who can sign in (bound to an openid) have no check-ins or leaves in the month under way and no
 * attempts, so what they do in the demo (a check-in, an exam) starts from their own zero.
 */
export function demoStudy(now: number, orgs: readonly OrgDoc[], members: readonly MemberDoc[]): DemoStudy {
  const rand = random(20261202)
  const chance = (p: number) => rand() < p
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]
  const thisMonth = monthOf(now)
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(thisMonth, i - 11))
  const [monthStart] = monthRange(thisMonth)
  // Whoever manages the node (its own secretary, else the nearest above): who creates, records and decides.
  const recorder = (orgPath: readonly string[]) => {
    for (const orgId of [...orgPath].reverse()) {
      const found = members.find((m) => m.roles.some((g) => g.orgId === orgId && g.role !== 'lecturer'))
      if (found) return found
    }
    return members[0]
  }
  const inside = (orgId: string) => members.filter((m) => m.orgPath.includes(orgId))
  // Past months: the day and hour given; the month under way: its days spread over those passed, at the same
  // hour, and only what ended before now.
  const passedDays = Math.floor((now - monthStart) / DAY) + 1
  const when = (month: string, day: number, time: string): number | null => {
    const d = month === thisMonth ? 1 + Math.floor(((day - 1) * passedDays) / 31) : day
    const at = chinaTimestamp(`${month}-${String(d).padStart(2, '0')}`, time) as number
    return at + 90 * MIN < now ? at : null
  }

  const sessions: SessionDoc[] = []
  const checkins: CheckinDoc[] = []
  const leaves: LeaveDoc[] = []
  const hold = (org: OrgDoc, type: SessionType, title: string, startAt: number | null, turnout: number) => {
    if (startAt === null) return
    const id = `demo-s-${String(sessions.length + 1).padStart(3, '0')}`
    const orgPath = [...org.ancestors, org._id]
    const month = monthOf(startAt)
    const format = DEFAULT_FORMAT[type]
    const expected = inside(org._id)
    if (expected.length === 0) return
    const current = month === thisMonth
    const by = recorder(orgPath)
    const came = expected.filter((m) => !(current && m.openid !== null) && chance(turnout))
    if (came.length === 0) {
      const anyone = expected.find((m) => m.openid === null)
      if (!anyone) return
      came.push(anyone)
    }
    const byOrg = new Map<string, { orgPath: string[]; count: number }>()
    for (const m of expected) {
      const e = byOrg.get(m.orgId) ?? { orgPath: [...m.orgPath], count: 0 }
      e.count++
      byOrg.set(m.orgId, e)
    }
    sessions.push({
      _id: id,
      type,
      format,
      title,
      lecturerId: null,
      orgId: org._id,
      orgPath,
      startAt,
      endAt: startAt + 90 * MIN,
      month,
      place: org.type === 'street' ? '幸福街道党群服务中心' : `${org.name.replace(/党委|党支部/, '')}活动室`,
      allowVisitors: false,
      rotateSeconds: 20,
      lateAfterMinutes: 5,
      staticCode: null,
      status: 'scheduled',
      hasCheckins: true,
      expectedByOrg: [...byOrg.values()],
      cancelReason: null,
      createdBy: by._id,
      createdAt: startAt - 7 * DAY,
      updatedAt: startAt - 7 * DAY,
    })
    const cameIds = new Set(came.map((m) => m._id))
    for (const m of came) {
      const makeup = chance(0.05)
      const late = !makeup && chance(0.08)
      checkins.push({
        _id: joinIds(id, m._id),
        sessionId: id,
        memberId: m._id,
        orgPath: [...m.orgPath],
        month,
        format,
        at: makeup ? startAt + 100 * MIN : startAt + (late ? 12 : -Math.floor(rand() * 15)) * MIN,
        late,
        visitor: false,
        method: makeup ? 'makeup_sign' : 'qr',
        reason: makeup ? '到场后手机没电，现场登记' : null,
        recordedBy: makeup ? by._id : null,
      })
    }
    for (const m of expected) {
      if (cameIds.has(m._id) || (current && m.openid !== null) || !chance(0.35)) continue
      const approved = chance(0.85)
      leaves.push({
        _id: joinIds(id, m._id),
        sessionId: id,
        memberId: m._id,
        reason: pick(LEAVE_REASONS),
        orgPath: [...m.orgPath],
        startAt,
        status: approved ? 'approved' : 'declined',
        requestedAt: startAt - 2 * DAY,
        decidedBy: by._id,
        decidedAt: startAt - DAY,
      })
    }
  }

  const branches = orgs.filter((o) => o.type === 'branch')
  const communities = orgs.filter((o) => o.type === 'community')
  const street = orgs.find((o) => o.type === 'street')
  for (const month of months) {
    const m = Number(month.slice(5, 7))
    const label = `${m}月`
    for (const b of branches) {
      if (chance(0.9)) hold(b, 'committee_meeting', `${label}支部委员会会议`, when(month, 5, '15:00'), 0.9)
      if (chance(0.85)) hold(b, 'party_group', `${label}党小组会`, when(month, 12, '19:00'), 0.75)
      if (chance(0.9)) hold(b, 'group_study', `集体学习：${pick(GROUP_STUDY)}`, when(month, 20, '09:30'), 0.7)
      if (m % 3 === 0 && chance(0.85))
        hold(b, 'general_meeting', `第${Math.ceil(m / 3)}季度支部党员大会`, when(month, 25, '14:30'), 0.8)
      if (m % 3 === 2 && chance(0.35)) hold(b, 'party_lecture', pick(LECTURES), when(month, 18, '15:00'), 0.8)
    }
    for (const c of communities)
      if (m % 3 === 1 && chance(0.7)) hold(c, 'party_lecture', pick(LECTURES), when(month, 15, '09:00'), 0.75)
    if (street && m === 7)
      hold(street, 'party_lecture', '庆祝建党105周年专题党课', when(month, 1, '09:00'), 0.8)
  }

  // The 每月2次 tallies, as the theory check-ins leave them (the member's node at their latest one).
  const tallies = new StudyTallies()
  for (const c of checkins) tallies.add(c)
  const studyMonths: StudyMonthDoc[] = tallies.list()

  // 党建考核: four exams in past months, closed; 应考 everyone in scope, 参考 most of those who cannot sign in.
  const exams: ExamDoc[] = []
  const expected: ExpectedDoc[] = []
  const attempts: AttemptDoc[] = []
  // Retired when this month began, after the last exam closed: the demo's own exams draw from what its admin imports.
  const bank = demoBank(
    rand,
    recorder(['org-street'])._id,
    chinaTimestamp(`${months[0]}-01`, '09:00') as number,
    monthStart,
  )
  EXAMS.forEach((e, i) => {
    const org = orgs.find((o) => o._id === e.org)
    const month = months[2 + i * 3 - (i === 3 ? 1 : 0)]
    if (!org || !month || month === thisMonth) return
    const opensAt = chinaTimestamp(`${month}-10`, '09:00') as number
    const closesAt = opensAt + 7 * DAY
    const id = `demo-exam-${i + 1}`
    const inScope = inside(org._id)
    const by = recorder([...org.ancestors, org._id])
    exams.push({
      _id: id,
      title: e.title,
      orgId: org._id,
      orgPath: [...org.ancestors, org._id],
      status: 'published',
      mode: 'random',
      questionIds: [],
      // Drawn from the demo bank: every attempt drew its twenty questions.
      draws: [
        { type: 'single', count: 10 },
        { type: 'judge', count: 10 },
      ],
      points: { single: 6, multiple: 3, judge: 4, fill: 2 }, // 100 points
      passLine: 60,
      excellentLine: 90,
      timeLimitMinutes: 30,
      opensAt,
      closesAt,
      attemptsAllowed: 2,
      counting: 'best',
      multipleRule: 'all',
      reveal: 'after_close',
      categories: [],
      questionCount: 20,
      expectedCount: inScope.length,
      createdBy: by._id,
      createdAt: opensAt - 3 * DAY,
      updatedAt: opensAt - DAY,
      publishedAt: opensAt - DAY,
      fixedPaper: null,
    })
    for (const m of inScope) {
      const mine: AttemptDoc[] = []
      // The demo people who can sign in have not taken these: their own exams start from the demo.
      if (m.openid === null && chance(0.85)) {
        const tries = chance(0.2) ? 2 : 1
        // How well this member knows the material, a little better on a second try.
        const knows = 0.55 + rand() * 0.4
        for (let n = 1; n <= tries; n++) {
          const { answers, results, score } = answerPaper(bank, knows + (n - 1) * 0.1, rand)
          const startedAt = opensAt + (n - 1) * DAY + Math.floor(rand() * 3 * DAY)
          mine.push({
            _id: joinIds(id, m._id, n),
            examId: id,
            memberId: m._id,
            orgPath: [...m.orgPath],
            n,
            status: 'submitted',
            startedAt,
            deadline: startedAt + 30 * MIN,
            rev: 1,
            answers,
            savedAt: null,
            paper: bank.paper,
            submittedAt: startedAt + (12 + Math.floor(rand() * 15)) * MIN,
            late: false,
            score,
            passed: score >= 60,
            excellent: score >= 90,
            results,
          })
        }
      }
      attempts.push(...mine)
      const [best] = countedAttempts(
        mine.map((a) => ({ ...a, score: a.score ?? 0 })),
        'best',
      )
      expected.push({
        _id: joinIds(id, m._id),
        examId: id,
        memberId: m._id,
        orgPath: [...m.orgPath],
        at: opensAt,
        counted: best
          ? { n: best.n, score: best.score, passed: best.passed, excellent: best.excellent }
          : null,
      })
    }
  })

  const contributions: Contribution[] = [
    ...sessions.flatMap(sessionRollup),
    ...checkins.flatMap(checkinRollup),
    ...leaves.flatMap(leaveRollup),
    ...studyMonths.flatMap(studyMonthRollup),
    ...exams.flatMap(examRollup),
    ...expected.flatMap(expectedRollup),
  ]
  const rollups = [...sumContributions(contributions).values()].map((b) => ({
    _id: bucketId(b.orgId, b.month),
    orgId: b.orgId,
    orgPath: b.orgPath,
    month: b.month,
    c: nestCounts(b.counts),
  }))
  return {
    sessions,
    checkins,
    leaves,
    studyMonths,
    exams,
    expected,
    attempts,
    questions: bank.questions,
    rollups,
  }
}
