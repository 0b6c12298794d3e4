/**
 * The demo street's seeded history (server/seed.ts, server/seed-study.ts): a fresh data folder holds the rollups,
 * the 每月2次 tallies and the counted attempts that `rollups/rebuild` would compute from its raw records — a
 * rebuild changes nothing — and 月度统计 opens on figures in every area, this month and the months before.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { flattenCounts } from '../../cloudfunctions/domain/rollup.rules'
import { monthOf, shiftMonth } from '../../cloudfunctions/domain/time'
import { startLocalBackend } from '../../server/backend'
import { demoData } from '../../server/seed'
import { DEMO, FUNCTIONS_DIR, type Stored } from '../support/backend'

jest.setTimeout(120_000)

const NOW = Date.UTC(2026, 10, 25, 6, 0, 0) // 14:00 China time, 25 November 2026

let dir: string
let backend: Awaited<ReturnType<typeof startLocalBackend>>
beforeAll(async () => {
  jest.spyOn(Date, 'now').mockImplementation(() => NOW)
  dir = mkdtempSync(join(tmpdir(), 'seed-rollups-'))
  backend = await startLocalBackend({ dataDir: dir, functionsDir: FUNCTIONS_DIR })
})
afterAll(async () => {
  await backend?.close()
  rmSync(dir, { recursive: true, force: true })
  jest.restoreAllMocks()
})

const docs = async (name: string) => (await backend.database.documents(name)) as Stored[]
const byId = (list: Stored[]) => new Map(list.map((d) => [d._id as string, d]))

describe('the demo street’s seeded history', () => {
  it('is the same street every time it is made', () => {
    expect(JSON.stringify(demoData(NOW))).toBe(JSON.stringify(demoData(NOW)))
  })

  it('holds a year of study and quiz records, up to now', async () => {
    const sessions = await docs('study_sessions')
    const months = new Set(sessions.map((s) => s.month))
    expect(months.size).toBe(12)
    expect(months.has(monthOf(NOW))).toBe(true)
    expect(sessions.every((s) => s.endAt < NOW && s.hasCheckins === true)).toBe(true)
    const types = new Set(sessions.map((s) => s.type))
    for (const t of ['party_lecture', 'group_study', 'committee_meeting', 'party_group', 'general_meeting'])
      expect(types).toContain(t)
    expect((await docs('checkins')).length).toBeGreaterThan(1000)
    expect((await docs('leaves')).length).toBeGreaterThan(50)
    const exams = await docs('quiz_exams')
    expect(exams.length).toBeGreaterThanOrEqual(4)
    expect(exams.every((e) => e.status === 'published' && e.closesAt < NOW)).toBe(true)
    expect((await docs('quiz_attempts')).some((a) => a.n === 2)).toBe(true)
  })

  it('gives each seeded exam papers from the demo bank, so its item analysis reads as a real exam’s', async () => {
    const bank = byId(await docs('quiz_questions'))
    expect(bank.size).toBe(20)
    // Retired: kept for these papers, never drawn again (the demo's own exams draw from what its admin imports).
    expect([...bank.values()].every((q) => q.retired === true)).toBe(true)
    const attempts = await docs('quiz_attempts')
    for (const a of attempts) {
      const paper = a.paper as { questionId: string; answer: string[]; points: number }[]
      const answers = a.answers as Record<string, string[]>
      // The score is what the paper's answers make, graded against the bank.
      const made = paper.reduce(
        (sum, q) => sum + (JSON.stringify(answers[q.questionId]) === JSON.stringify(q.answer) ? q.points : 0),
        0,
      )
      expect([a._id, paper.length, made, paper.every((q) => bank.has(q.questionId))]).toEqual([
        a._id,
        20,
        a.score,
        true,
      ])
    }
    const exam = (await docs('quiz_exams'))[0]
    const result = (await backend.runtime.invoke(
      'quiz',
      { action: 'exam/stats', data: { examId: exam._id } },
      { openid: DEMO.admin },
    )) as {
      ok: boolean
      data: {
        participated: number
        questions: { stem: string; answered: number; correct: number }[]
        tags: { tag: string; answered: number; correct: number }[]
      }
    }
    expect(result.ok).toBe(true)
    const { participated, questions, tags } = result.data
    expect(participated).toBeGreaterThan(0)
    expect(questions).toHaveLength(20)
    const stems = new Set([...bank.values()].map((q) => q.stem))
    expect(questions.filter((q) => !stems.has(q.stem))).toEqual([])
    expect(tags.map((t) => t.tag).sort()).toEqual(['三会一课', '党章', '廉洁', '组织生活', '纪律'].sort())
    // Weakest first, and not every question equally easy: the analysis has something to say.
    const rates = questions.map((q) => q.correct / q.answered)
    expect(rates).toEqual([...rates].sort((x, y) => x - y))
    expect(rates[0]).toBeLessThan(rates[rates.length - 1])
  })

  it('holds the rollups, tallies and counted attempts a rebuild computes: the rebuild changes nothing', async () => {
    const before = {
      rollups: await docs('rollups'),
      tallies: await docs('study_member_months'),
      expected: await docs('quiz_expected'),
    }
    const result = (await backend.runtime.invoke(
      'stats',
      { action: 'rollups/rebuild', data: {} },
      { openid: DEMO.admin },
    )) as { ok: boolean; data: { buckets: number; changed: number; removed: number; tallies: number } }
    expect(result.ok).toBe(true)
    expect(result.data).toEqual({ buckets: before.rollups.length, changed: 0, removed: 0, tallies: 0 })
    const after = byId(await docs('rollups'))
    for (const doc of before.rollups)
      expect([doc._id, flattenCounts(after.get(doc._id)?.c)]).toEqual([doc._id, flattenCounts(doc.c)])
    expect(await docs('study_member_months')).toEqual(before.tallies)
    expect(await docs('quiz_expected')).toEqual(before.expected)
    // And the nightly check finds no drift.
    const check = (await backend.runtime.fireTimer('stats', 'nightlyRollupCheck')) as {
      ok: boolean
      data: { drift: unknown[]; checked: number }
    }
    expect(check.ok).toBe(true)
    expect(check.data.drift).toEqual([])
    expect(check.data.checked).toBeGreaterThan(0)
  })

  it('opens 月度统计 on figures in every area for the street, this month and the months before', async () => {
    const figures = async (month: string) => {
      const r = (await backend.runtime.invoke(
        'stats',
        { action: 'stats/month', data: { month } },
        { openid: DEMO.admin },
      )) as { ok: boolean; data: { areas: { key: string; figures: { key: string; value: number }[] }[] } }
      expect(r.ok).toBe(true)
      return Object.fromEntries(r.data.areas.flatMap((a) => a.figures.map((f) => [f.key, f.value])))
    }
    const now = await figures(monthOf(NOW))
    expect(now['study.sessions']).toBeGreaterThan(0)
    expect(now['study.attendance']).toBeGreaterThan(0)
    expect(now['study.met']).toBeGreaterThan(0)
    expect(now['benefit.total']).toBeGreaterThan(0)
    // The last exam opened last month: its 应考, 参考 and pass rate.
    const last = await figures(shiftMonth(monthOf(NOW), -1))
    expect(last['quiz.exams']).toBeGreaterThan(0)
    expect(last['quiz.participants']).toBeGreaterThan(0)
    expect(last['quiz.passed']).toBeGreaterThan(0)
    expect(last['study.leave']).toBeGreaterThan(0)
  })

  it('gives each figure with a rule its light, and every figure with records opens them', async () => {
    type Figure = {
      key: string
      value: number
      whole: number | null
      light: string | null
      rule: string | null
      hasRecords: boolean
    }
    const lit = new Set<string>()
    for (const [orgId, month] of [
      ['org-street', shiftMonth(monthOf(NOW), -1)],
      ['org-c1', shiftMonth(monthOf(NOW), -2)],
      ['org-c1', monthOf(NOW)],
    ]) {
      const r = (await backend.runtime.invoke(
        'stats',
        { action: 'stats/month', data: { month, orgId } },
        { openid: DEMO.admin },
      )) as { ok: boolean; data: { areas: { figures: Figure[] }[] } }
      for (const f of r.data.areas.flatMap((a) => a.figures)) {
        if (f.light) {
          lit.add(f.key)
          expect([f.key, typeof f.rule, f.hasRecords]).toEqual([f.key, 'string', true])
        }
        // The rules of PRODUCT.md §5: 每月2次, 三会一课, the pass target — lit whenever there is anyone to judge.
        if (['study.met', 'study.meetings', 'quiz.passed'].includes(f.key) && (f.whole ?? 0) > 0)
          expect([f.key, f.light]).toEqual([f.key, expect.stringMatching(/^(green|yellow|red)$/)])
        if (!f.hasRecords) continue
        const page = (await backend.runtime.invoke(
          'stats',
          { action: 'stats/records', data: { orgId, period: month, figure: f.key, limit: 5 } },
          { openid: DEMO.admin },
        )) as { ok: boolean; data: { columns: string[]; total: number } }
        expect([f.key, page.ok, page.data.columns.length > 0]).toEqual([f.key, true, true])
      }
    }
    expect([...lit].sort()).toEqual(['quiz.passed', 'study.meetings', 'study.met'])
  })
})
