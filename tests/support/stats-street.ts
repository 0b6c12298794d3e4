import type { CheckinDoc } from '../../cloudfunctions/common/docs'
import { ROLLUP_SOURCES } from '../../cloudfunctions/common/rollup-sources'
import { OPEN_SPAN_END, type OrgSpan, spanAt } from '../../cloudfunctions/domain/org-history.rules'
import { countedAttempts } from '../../cloudfunctions/domain/quiz-stats.rules'
import { type Contribution, nestCounts, sumContributions } from '../../cloudfunctions/domain/rollup.rules'
import { StudyTallies } from '../../cloudfunctions/domain/study.rollup'
import type { SessionType } from '../../cloudfunctions/domain/study.rules'
import { chinaTimestamp, monthRange, shiftMonth } from '../../cloudfunctions/domain/time'
import type { Backend, Stored } from './backend'

/**
 * A generated street for the statistics' tests and benchmark: 6 communities of 8 branches, `members` members
 * (3% moved once), and `months` months of history up to `now`: each branch's 三会一课 and study sessions with
 * check-ins, late arrivals, 补签 and approved leaves, community 党课, and exams with one or two graded attempts.
 * Deterministic for a seed. Raw records are written as the services write them, with the derived fields the
 * services keep (a held session's 应到 per node, each 应考 record's counted attempt, the 每月2次 tallies) and
 * the rollups summed from the registered rules — what incremental writes over that history would have left.
 */
export interface StreetOptions {
  members: number
  months: number
  now: number
  seed?: number
}

export interface GeneratedStreet {
  collections: Record<string, Stored[]>
  /** Openids bound to people with roles. */
  admin: string
  secretary: string
  communities: string[]
  branches: string[]
}

function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const MIN = 60_000
const STREET = 'g-s'

export function generateStreet(o: StreetOptions): GeneratedStreet {
  const rand = random(o.seed ?? 20261202)
  const chance = (p: number) => rand() < p
  const nowMonth = new Date(o.now + 8 * 3600_000).toISOString().slice(0, 7)
  const months = Array.from({ length: o.months }, (_, i) => shiftMonth(nowMonth, i - o.months + 1))
  const [historyStart] = monthRange(months[0])
  const orgs: Stored[] = [
    {
      _id: STREET,
      name: '生成街道党工委',
      type: 'street',
      parentId: null,
      ancestors: [],
      order: 0,
      createdAt: 0,
      updatedAt: 0,
    },
  ]
  const communities: string[] = []
  const branches: string[] = []
  for (let c = 1; c <= 6; c++) {
    const cid = `g-c${c}`
    communities.push(cid)
    orgs.push({
      _id: cid,
      name: `第${c}社区党委`,
      type: 'community',
      parentId: STREET,
      ancestors: [STREET],
      order: c,
      createdAt: 0,
      updatedAt: 0,
    })
    for (let b = 1; b <= 8; b++) {
      const bid = `${cid}-b${b}`
      branches.push(bid)
      orgs.push({
        _id: bid,
        name: `第${c}社区第${b}支部`,
        type: 'branch',
        parentId: cid,
        ancestors: [STREET, cid],
        order: b,
        createdAt: 0,
        updatedAt: 0,
      })
    }
  }
  const pathOf = (id: string) => [...(orgs.find((x) => x._id === id)?.ancestors ?? []), id]
  const paths = new Map(orgs.map((x) => [x._id as string, pathOf(x._id)]))

  const members: Stored[] = []
  for (let i = 0; i < o.members; i++) {
    const home = branches[i % branches.length]
    let history: OrgSpan[] = [{ orgPath: paths.get(home)!, from: 0, to: OPEN_SPAN_END }]
    let orgId = home
    if (chance(0.03)) {
      const at = historyStart + Math.floor(rand() * (o.now - historyStart))
      orgId = branches[Math.floor(rand() * branches.length)]
      history = [
        { orgPath: paths.get(home)!, from: 0, to: at },
        { orgPath: paths.get(orgId)!, from: at, to: OPEN_SPAN_END },
      ]
    }
    members.push({
      _id: `gm${i}`,
      name: `党员${i}`,
      gender: i % 2 ? '女' : '男',
      phone: `150${String(i).padStart(8, '0')}`,
      orgId,
      orgPath: paths.get(orgId),
      orgHistory: history,
      category: '在职',
      cadreLevel: null,
      roles: [],
      openid: null,
      boundAt: null,
      importBatch: null,
      createdAt: 0,
      updatedAt: 0,
    })
  }
  const admin = 'gen-admin'
  const secretary = 'gen-secretary'
  Object.assign(members[0], { openid: admin, roles: [{ orgId: STREET, role: 'street_admin' }] })
  Object.assign(members[1], { openid: secretary, roles: [{ orgId: 'g-c2', role: 'community_secretary' }] })
  const users = [admin, secretary].map((id, i) => ({
    _id: id,
    memberId: `gm${i}`,
    bindFailures: null,
    createdAt: 0,
  }))

  const sessions: Stored[] = []
  const checkins: Stored[] = []
  const leaves: Stored[] = []
  const spanPath = (m: Stored, at: number) => spanAt(m as never, at)?.orgPath ?? null
  const hold = (orgId: string, type: SessionType, month: string, day: number) => {
    const startAt = chinaTimestamp(`${month}-${String(day).padStart(2, '0')}`, '19:00')!
    if (startAt >= o.now - 2 * 3600_000) return
    const id = `gs${sessions.length}`
    const format = type === 'committee_meeting' ? 'activity' : 'theory'
    const expected = members.filter((m) => spanPath(m, startAt)?.includes(orgId))
    const came = expected.filter(() => chance(format === 'theory' ? 0.35 : 0.5))
    const byOrg = new Map<string, { orgPath: string[]; count: number }>()
    for (const m of expected) {
      const p = spanPath(m, startAt)!
      const e = byOrg.get(p.join('/')) ?? { orgPath: p, count: 0 }
      e.count++
      byOrg.set(p.join('/'), e)
    }
    sessions.push({
      _id: id,
      type,
      format,
      title: `${type}-${month}-${orgId}`,
      lecturerId: null,
      orgId,
      orgPath: paths.get(orgId),
      startAt,
      endAt: startAt + 90 * MIN,
      month,
      place: '党群服务中心',
      allowVisitors: false,
      rotateSeconds: 20,
      lateAfterMinutes: 5,
      staticCode: null,
      status: 'scheduled',
      hasCheckins: came.length > 0,
      ...(came.length > 0 ? { expectedByOrg: [...byOrg.values()] } : {}),
      cancelReason: null,
      createdBy: 'gm1',
      createdAt: startAt - 86_400_000,
      updatedAt: startAt - 86_400_000,
    })
    const cameIds = new Set(came.map((m) => m._id))
    for (const m of came) {
      const makeup = chance(0.05)
      const late = !makeup && chance(0.1)
      checkins.push({
        _id: `${id}_${m._id}`,
        sessionId: id,
        memberId: m._id,
        orgPath: spanPath(m, startAt),
        month,
        format,
        at: startAt + (late ? 20 : -5) * MIN + (makeup ? 120 * MIN : 0),
        late,
        visitor: false,
        method: makeup ? 'makeup_sign' : 'qr',
        reason: makeup ? '补签' : null,
        recordedBy: makeup ? 'gm1' : null,
      })
    }
    for (const m of expected)
      if (!cameIds.has(m._id) && chance(0.05))
        leaves.push({
          _id: `${id}_${m._id}`,
          sessionId: id,
          memberId: m._id,
          reason: '值班',
          orgPath: spanPath(m, startAt),
          startAt,
          status: 'approved',
          requestedAt: startAt - 86_400_000,
          decidedBy: 'gm1',
          decidedAt: startAt - 80_000_000,
        })
  }
  for (const month of months) {
    const m = Number(month.slice(5, 7))
    for (const b of branches) {
      if (chance(0.9)) hold(b, 'committee_meeting', month, 3)
      if (chance(0.8)) hold(b, 'party_group', month, 8)
      if (m % 3 === 0 && chance(0.8)) hold(b, 'general_meeting', month, 13)
      if (m % 3 === 1 && chance(0.7)) hold(b, 'party_lecture', month, 18)
      hold(b, 'group_study', month, 23)
    }
    for (const c of communities) if (chance(0.5)) hold(c, 'party_lecture', month, 26)
  }

  const exams: Stored[] = []
  const expected: Stored[] = []
  const attempts: Stored[] = []
  for (const month of months.filter((m) => Number(m.slice(5, 7)) % 2 === 0)) {
    for (const c of communities) {
      const opensAt = chinaTimestamp(`${month}-10`, '09:00')!
      if (opensAt >= o.now) continue
      const id = `ge${exams.length}`
      const inScope = members.filter((m) => spanPath(m, opensAt)?.includes(c))
      exams.push({
        _id: id,
        title: `${month}党章测试`,
        orgId: c,
        orgPath: paths.get(c),
        status: 'published',
        mode: 'random',
        draws: [],
        questionIds: [],
        points: { single: 2, multiple: 3, judge: 1, fill: 2 },
        timeLimitMinutes: 30,
        opensAt,
        closesAt: opensAt + 7 * 86_400_000,
        attemptsAllowed: 2,
        passLine: 60,
        excellentLine: 90,
        counting: 'best',
        multipleRule: 'all',
        reveal: 'after_close',
        categories: [],
        questionCount: 10,
        expectedCount: inScope.length,
        createdBy: 'gm1',
        createdAt: opensAt,
        updatedAt: opensAt,
        publishedAt: opensAt,
        fixedPaper: null,
      })
      for (const m of inScope) {
        const mine: Stored[] = []
        if (chance(0.8)) {
          const tries = chance(0.2) ? 2 : 1
          for (let n = 1; n <= tries; n++) {
            const score = 40 + Math.floor(rand() * 61)
            mine.push({
              _id: `${id}_${m._id}_${n}`,
              examId: id,
              memberId: m._id,
              orgPath: spanPath(m, opensAt),
              n,
              status: 'submitted',
              startedAt: opensAt + n * 3600_000,
              deadline: opensAt + n * 3600_000 + 30 * MIN,
              rev: 1,
              answers: {},
              savedAt: null,
              paper: [],
              submittedAt: opensAt + n * 3600_000 + 20 * MIN,
              late: false,
              score,
              passed: score >= 60,
              excellent: score >= 90,
              results: [],
            })
          }
        }
        attempts.push(...mine)
        const [best] = countedAttempts(mine as never[], 'best') as Stored[]
        expected.push({
          _id: `${id}_${m._id}`,
          examId: id,
          memberId: m._id,
          orgPath: spanPath(m, opensAt),
          at: opensAt,
          counted: best
            ? { n: best.n, score: best.score, passed: best.passed, excellent: best.excellent }
            : null,
        })
      }
    }
  }

  // The 每月2次 tallies, as the check-ins would have left them.
  const tallies = new StudyTallies()
  for (const c of checkins) tallies.add(c as CheckinDoc)
  const studyMonths: Stored[] = tallies.list()

  const raw: Record<string, Stored[]> = {
    sessions,
    checkins,
    leaves,
    studyMonths,
    quizExams: exams,
    quizExpected: expected,
  }
  const contributions: Contribution[] = []
  for (const source of ROLLUP_SOURCES)
    for (const doc of raw[source.collection] ?? []) contributions.push(...source.rule(doc))
  const rollups = [...sumContributions(contributions).values()].map((b) => ({
    _id: `${b.orgId}_${b.month}`,
    orgId: b.orgId,
    orgPath: b.orgPath,
    month: b.month,
    c: nestCounts(b.counts),
  }))
  return {
    collections: {
      orgs,
      members,
      users,
      study_sessions: sessions,
      checkins,
      leaves,
      study_member_months: studyMonths,
      quiz_exams: exams,
      quiz_expected: expected,
      quiz_attempts: attempts,
      rollups,
    },
    admin,
    secretary,
    communities,
    branches,
  }
}

/** Writes the generated records into the backend's database, in bulk (a few thousand documents a request). */
export async function loadStreet(backend: Pick<Backend, 'database'>, street: GeneratedStreet): Promise<void> {
  for (const [collectionName, docs] of Object.entries(street.collections)) {
    for (let i = 0; i < docs.length; i += 5000) {
      await backend.database.handle('database.insertDocument', {
        collectionName,
        data: docs.slice(i, i + 5000).map((d) => JSON.stringify(d)),
      })
    }
  }
}
