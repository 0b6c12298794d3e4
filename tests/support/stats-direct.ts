import { spanAt } from '../../cloudfunctions/domain/org-history.rules'
import { countedAttempts } from '../../cloudfunctions/domain/quiz-stats.rules'
import { MONTHLY_STUDY_REQUIRED } from '../../cloudfunctions/domain/study.rules'
import { monthOf, monthRange } from '../../cloudfunctions/domain/time'
import type { Stored } from './backend'

/**
 * The statistics' figures counted directly from raw records, with no rollup, tally or mark: what every figure of
 * `stats/month` must equal. Written from the definitions (README "Monthly statistics"), not from the rules.
 */
export interface RawStreet {
  members: Stored[]
  sessions: Stored[]
  checkins: Stored[]
  leaves: Stored[]
  exams: Stored[]
  expected: Stored[]
  attempts: Stored[]
}

export interface DirectFigures {
  sessionsByType: Record<string, number>
  sessions: number
  expected: number
  present: number
  leave: number
  met: number
  members: number
  exams: number
  quizExpected: number
  participants: number
  passed: number
  excellent: number
}

export function directFigures(raw: RawStreet, orgId: string, month: string, now: number): DirectFigures {
  const [from, to] = monthRange(month)
  const attended = new Set(raw.checkins.map((c) => c.sessionId))
  const held = raw.sessions.filter(
    (s) => s.status === 'scheduled' && attended.has(s._id) && monthOf(s.startAt) === month,
  )
  const inNode = held.filter((s) => s.orgPath.includes(orgId))
  const sessionsByType: Record<string, number> = {}
  for (const s of inNode) sessionsByType[s.type] = (sessionsByType[s.type] ?? 0) + 1
  let expected = 0
  for (const s of held)
    for (const m of raw.members) {
      const span = spanAt(m as never, s.startAt)
      if (span && span.orgPath.includes(s.orgId) && span.orgPath.includes(orgId)) expected++
    }
  const monthCheckins = raw.checkins.filter((c) => c.month === month)
  const present = monthCheckins.filter((c) => !c.visitor && c.orgPath.includes(orgId)).length
  const leave = raw.leaves.filter(
    (l) => l.status === 'approved' && l.orgPath?.includes(orgId) && l.startAt >= from && l.startAt < to,
  ).length
  const theory = new Map<string, { n: number; at: number; orgPath: string[] }>()
  for (const c of monthCheckins.filter((x) => x.format === 'theory')) {
    const t = theory.get(c.memberId) ?? { n: 0, at: -1, orgPath: c.orgPath }
    t.n++
    if (c.at >= t.at) Object.assign(t, { at: c.at, orgPath: c.orgPath })
    theory.set(c.memberId, t)
  }
  const met = [...theory.values()].filter(
    (t) => t.n >= MONTHLY_STUDY_REQUIRED && t.orgPath.includes(orgId),
  ).length
  const at = Math.min(to - 1, now)
  const members = raw.members.filter((m) => spanAt(m as never, at)?.orgPath.includes(orgId)).length
  const exams = raw.exams.filter((e) => e.status === 'published' && e.opensAt >= from && e.opensAt < to)
  const examIds = new Set(exams.map((e) => e._id))
  const counting = new Map(exams.map((e) => [e._id, e.counting]))
  const expectedDocs = raw.expected.filter((e) => examIds.has(e.examId) && e.orgPath.includes(orgId))
  let participants = 0
  let passed = 0
  let excellent = 0
  for (const e of expectedDocs) {
    const mine = raw.attempts.filter(
      (a) => a.examId === e.examId && a.memberId === e.memberId && a.status === 'submitted',
    )
    const [best] = countedAttempts(
      mine.map((a) => ({ ...a, score: a.score ?? 0 })) as never[],
      counting.get(e.examId),
    ) as { passed: boolean; excellent: boolean }[]
    if (!best) continue
    participants++
    if (best.passed) passed++
    if (best.excellent) excellent++
  }
  return {
    sessionsByType,
    sessions: inNode.length,
    expected,
    present,
    leave,
    met,
    members,
    exams: exams.filter((e) => e.orgPath.includes(orgId)).length,
    quizExpected: expectedDocs.length,
    participants,
    passed,
    excellent,
  }
}

/** The figures of `stats/month` in the same shape, from its view. */
export function screenFigures(view: {
  areas: { key: string; figures: { key: string; value: number; whole: number | null }[] }[]
}): Record<string, { value: number; whole: number | null }> {
  return Object.fromEntries(
    view.areas.flatMap((a) => a.figures.map((f) => [f.key, { value: f.value, whole: f.whole }])),
  )
}

export async function rawStreet(docs: (collection: string) => Promise<Stored[]>): Promise<RawStreet> {
  const [members, sessions, checkins, leaves, exams, expected, attempts] = await Promise.all(
    ['members', 'study_sessions', 'checkins', 'leaves', 'quiz_exams', 'quiz_expected', 'quiz_attempts'].map(
      docs,
    ),
  )
  return { members, sessions, checkins, leaves, exams, expected, attempts }
}

/** The screen's figures and the direct counts side by side, in one shape: a test expects them equal. */
export function sideBySide(
  view: Parameters<typeof screenFigures>[0],
  d: DirectFigures,
): { screen: Record<string, unknown>; direct: Record<string, unknown> } {
  const f = screenFigures(view)
  const types = ['committee_meeting', 'party_group', 'general_meeting', 'party_lecture']
  const key = (t: string) => `study.sessions.${t.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`
  return {
    screen: {
      sessions: f['study.sessions'].value,
      ...Object.fromEntries(types.map((t) => [t, f[key(t)]?.value ?? 0])),
      attendance: f['study.attendance'],
      required: f['study.attendanceRequired'],
      leave: f['study.leave'].value,
      met: f['study.met'],
      exams: f['quiz.exams'].value,
      participants: f['quiz.participants'],
      passed: f['quiz.passed'],
      excellent: f['quiz.excellent'],
    },
    direct: {
      sessions: d.sessions,
      ...Object.fromEntries(types.map((t) => [t, d.sessionsByType[t] ?? 0])),
      attendance: { value: d.present, whole: d.expected },
      required: { value: d.present, whole: d.expected - d.leave },
      leave: d.leave,
      met: { value: d.met, whole: d.members },
      exams: d.exams,
      participants: { value: d.participants, whole: d.quizExpected },
      passed: { value: d.passed, whole: d.participants },
      excellent: { value: d.excellent, whole: d.participants },
    },
  }
}
