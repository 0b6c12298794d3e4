/**
 * The rollups recomputed from raw records (the rebuild command) and checked against them (the nightly timer).
 * Both walk ROLLUP_SOURCES (common/rollup-sources.ts) with the same rules the services apply at write time, after
 * bringing the derived tallies (每月2次 per member-month, each 应考 record's counted attempt) back in line with the
 * records they are derived from.
 *
 * Reading every record is what these are for: they cost the history's size, and run from the admin's action, the
 * script (scripts/rebuild-rollups.mjs) or at night, never on a statistics page. A rebuild should run when nobody
 * is writing: an increment made while it runs may be overwritten (the next night's check reports it).
 */
import type { Query } from 'wx-server-sdk'

import { _ } from '../common/cloud'
import { collection } from '../common/data'
import type { CheckinDoc } from '../common/docs'
import type { AttemptDoc, CountedResult, ExamDoc, ExpectedDoc } from '../common/quiz.docs'
import { ROLLUP_SOURCES } from '../common/rollup-sources'
import type { StudyMonthDoc } from '../common/stats.docs'
import type { RebuildReport } from '../contract/stats.contract'
import { joinIds } from '../domain/ids'
import { countedAttempts } from '../domain/quiz-stats.rules'
import {
  type Bucket,
  type Contribution,
  flattenCounts,
  nestCounts,
  sumContributions,
} from '../domain/rollup.rules'
import { StudyTallies } from '../domain/study.rollup'
import { monthOf, shiftMonth } from '../domain/time'

const PAGE = 1000

/** Every document of a collection, page by page in `_id` order (no 50,000 cap: this is the full scan). */
async function* scan<T extends { _id: string }>(query: () => Query<T>, where: Record<string, unknown> = {}) {
  let after: string | null = null
  for (;;) {
    const cond: Record<string, unknown> = after === null ? where : { ...where, _id: _.gt(after) }
    const page = await query().where(cond).orderBy('_id', 'asc').limit(PAGE).get()
    for (const doc of page.data) yield doc
    if (page.data.length < PAGE) return
    after = page.data[page.data.length - 1]._id
  }
}

async function all<T extends { _id: string }>(
  query: () => Query<T>,
  where?: Record<string, unknown>,
): Promise<T[]> {
  const out: T[] = []
  for await (const d of scan(query, where)) out.push(d)
  return out
}

const sameCounted = (a: CountedResult | null | undefined, b: CountedResult | null) =>
  (a ?? null) === null ? b === null : b !== null && JSON.stringify(a) === JSON.stringify(b)

/** The 每月2次 tallies and the counted attempts, recomputed from check-ins and graded attempts; returns changes. */
async function rebuildTallies(): Promise<number> {
  let changed = 0
  const built = new StudyTallies()
  for await (const c of scan<CheckinDoc>(() => collection('checkins') as unknown as Query<CheckinDoc>, {
    format: 'theory',
  }))
    built.add(c)
  const tallies = new Map(built.list().map((t) => [t._id, t]))
  const stored = new Map(
    (await all(() => collection('studyMonths') as unknown as Query<StudyMonthDoc>)).map((d) => [d._id, d]),
  )
  for (const [id, t] of tallies) {
    const held = stored.get(id)
    const doc: Omit<StudyMonthDoc, '_id'> = {
      memberId: t.memberId,
      month: t.month,
      orgPath: t.orgPath,
      theory: t.theory,
    }
    if (held && held.theory === doc.theory && held.orgPath.join('/') === doc.orgPath.join('/')) continue
    await collection('studyMonths').doc(id).set({ data: doc })
    changed++
  }
  for (const id of stored.keys()) {
    if (tallies.has(id)) continue
    await collection('studyMonths').doc(id).remove()
    changed++
  }

  const exams = new Map(
    (await all(() => collection('quizExams') as unknown as Query<ExamDoc>, { status: 'published' })).map(
      (e) => [e._id, e],
    ),
  )
  const graded = new Map<string, AttemptDoc[]>()
  for await (const a of scan<AttemptDoc>(
    () =>
      collection('quizAttempts').field({
        paper: false,
        answers: false,
        results: false,
      }) as unknown as Query<AttemptDoc>,
    { status: 'submitted' },
  )) {
    const id = joinIds(a.examId, a.memberId)
    graded.set(id, [...(graded.get(id) ?? []), a])
  }
  for await (const e of scan<ExpectedDoc>(
    () => collection('quizExpected') as unknown as Query<ExpectedDoc>,
  )) {
    const exam = exams.get(e.examId)
    if (!exam) continue
    const [best] = countedAttempts(
      (graded.get(e._id) ?? []).map((a) => ({ ...a, score: a.score ?? 0 })),
      exam.counting,
    )
    const counted: CountedResult | null = best
      ? { n: best.n, score: best.score, passed: best.passed, excellent: best.excellent }
      : null
    if (sameCounted(e.counted, counted) && e.at === exam.opensAt) continue
    await collection('quizExpected')
      .doc(e._id)
      .update({ data: { counted: _.set(counted), at: exam.opensAt } })
    changed++
  }
  return changed
}

/** The rollups as the raw records say they should be, for every node and month (or the months given). */
export async function expectedBuckets(months?: ReadonlySet<string>): Promise<Map<string, Bucket>> {
  const contributions: Contribution[] = []
  for (const source of ROLLUP_SOURCES) {
    for await (const doc of scan(() => collection(source.collection) as unknown as Query<{ _id: string }>)) {
      for (const c of source.rule(doc)) if (!months || months.has(monthOf(c.time))) contributions.push(c)
    }
  }
  return sumContributions(contributions)
}

const equalCounts = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0))
}

export async function rebuildRollups(): Promise<RebuildReport> {
  const tallies = await rebuildTallies()
  const want = await expectedBuckets()
  const stored = await all(() => collection('rollups') as unknown as Query<{ _id: string; c: unknown }>)
  let changed = 0
  let removed = 0
  const have = new Map(stored.map((d) => [d._id, flattenCounts(d.c)]))
  for (const [id, b] of want) {
    if (equalCounts(have.get(id) ?? {}, b.counts)) continue
    await collection('rollups')
      .doc(id)
      .set({ data: { orgId: b.orgId, orgPath: b.orgPath, month: b.month, c: nestCounts(b.counts) } })
    changed++
  }
  for (const [id, counts] of have) {
    if (want.has(id) || equalCounts(counts, {})) continue
    await collection('rollups')
      .doc(id)
      .update({ data: { c: _.set({}) } })
    removed++
  }
  return { buckets: want.size, changed, removed, tallies }
}

export interface DriftReport {
  months: string[]
  checked: number
  drift: { id: string; key: string; stored: number; expected: number }[]
}

/**
 * The nightly check: the rollups of a sample of months (this month, the last, and one of the year before picked
 * by the date) against the raw records. Read-only, so two overlapping runs are harmless; drift is logged for the
 * operator and answered, and `rollups/rebuild` repairs it.
 */
export async function verifyRollups(now: number): Promise<DriftReport> {
  const month = monthOf(now)
  const day = Math.floor(now / 86_400_000)
  const months = [month, shiftMonth(month, -1), shiftMonth(month, -2 - (day % 10))]
  const want = await expectedBuckets(new Set(months))
  const stored = await all(
    () => collection('rollups') as unknown as Query<{ _id: string; month: string; c: unknown }>,
    {
      month: _.in(months),
    },
  )
  const drift: DriftReport['drift'] = []
  const ids = new Set([...want.keys(), ...stored.map((d) => d._id)])
  const have = new Map(stored.map((d) => [d._id, flattenCounts(d.c)]))
  for (const id of ids) {
    const a = have.get(id) ?? {}
    const b = want.get(id)?.counts ?? {}
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if ((a[key] ?? 0) !== (b[key] ?? 0)) drift.push({ id, key, stored: a[key] ?? 0, expected: b[key] ?? 0 })
    }
  }
  if (drift.length > 0) console.error('[stats] rollup drift', JSON.stringify(drift.slice(0, 50)))
  return { months, checked: ids.size, drift }
}
