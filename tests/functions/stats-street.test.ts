import ExcelJS from 'exceljs'

import { dateTimeLabel, shiftMonth } from '../../cloudfunctions/domain/time'
import { type Backend, ok, startBackend } from '../support/backend'
import { type DirectFigures, directFigures, rawStreet, sideBySide } from '../support/stats-direct'
import { type GeneratedStreet, generateStreet, loadStreet } from '../support/stats-street'

/**
 * 月度统计 on a generated street of 5,000 members with 24 months of history (deterministic): for a sample of
 * months and nodes every figure equals a direct count over the raw records, and 200 overlapping writes through
 * the services keep them equal.
 */
jest.setTimeout(600_000)

const NOW = Date.UTC(2026, 10, 25, 6, 0, 0)
const MONTH = '2026-11'
let backend: Backend
let street: GeneratedStreet
const clock = NOW

beforeAll(async () => {
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  street = generateStreet({ members: 5000, months: 24, now: NOW })
  backend = await startBackend({ seed: false })
  await loadStreet(backend, street)
})
afterAll(async () => {
  await backend?.close()
  jest.restoreAllMocks()
})

function compare(view: Parameters<typeof sideBySide>[0], d: DirectFigures) {
  const { screen, direct } = sideBySide(view, d)
  expect(screen).toEqual(direct)
}

it('generates a street of 5,000 members over 24 months', () => {
  const c = street.collections
  expect(c.members).toHaveLength(5000)
  expect(new Set(c.study_sessions.map((s) => s.month)).size).toBe(24)
  expect(c.checkins.length).toBeGreaterThan(50_000)
  expect(c.members.filter((m) => m.orgHistory.length > 1).length).toBeGreaterThan(100)
})

it('gives, for a sample of months and nodes, every figure a direct count over the raw records gives', async () => {
  const raw = await rawStreet(backend.docs)
  const months = [
    MONTH,
    shiftMonth(MONTH, -1),
    shiftMonth(MONTH, -6),
    shiftMonth(MONTH, -13),
    shiftMonth(MONTH, -23),
  ]
  const nodes = ['g-s', 'g-c1', 'g-c4-b3', 'g-c6-b8']
  for (const month of months)
    for (const orgId of nodes) {
      const view = ok(await backend.call(street.admin, 'stats', 'stats/month', { month, orgId }))
      compare(view, directFigures(raw, orgId, month, NOW))
    }
})

it('keeps every figure exact through 200 overlapping writes by the services', async () => {
  const raw0 = await rawStreet(backend.docs)
  // Sessions of the community earlier today, and its members recorded at them all at once (补签).
  const secretary = street.secretary
  const sessions: { id: string }[] = []
  for (const [type, hoursAgo] of [
    ['party_lecture', 3],
    ['group_study', 2],
  ] as const) {
    const startAt = NOW - hoursAgo * 3600_000
    sessions.push(
      ok(
        await backend.call(secretary, 'study', 'session/create', {
          type,
          format: 'theory',
          title: '生成街道的学习',
          lecturerId: null,
          orgId: 'g-c2',
          startAt,
          endAt: startAt + 3600_000,
          place: '党群服务中心',
          allowVisitors: false,
          rotateSeconds: 20,
          lateAfterMinutes: 5,
        }),
      ),
    )
  }
  const people = raw0.members.filter((m) => m.orgPath.includes('g-c2')).slice(0, 120)
  const calls = Array.from({ length: 200 }, (_, i) =>
    backend.call(secretary, 'study', 'checkin/makeup', {
      sessionId: sessions[i % 2].id,
      memberId: people[Math.floor(i / 2) % people.length]._id,
      kind: 'makeup_study',
      reason: '补学',
    }),
  )
  const answers = await Promise.all(calls)
  expect(answers.filter((a) => !a.ok && a.code !== 'STUDY.NOT_IN_SCOPE')).toEqual([])
  const raw = await rawStreet(backend.docs)
  for (const orgId of ['g-s', 'g-c2', people[0].orgId]) {
    const view = ok(await backend.call(street.admin, 'stats', 'stats/month', { month: MONTH, orgId }))
    compare(view, directFigures(raw, orgId, MONTH, NOW))
  }
})

it('exports the street’s year with each detail sheet cut at 5,000 rows, the latest first, and says so', async () => {
  const raw = await rawStreet(backend.docs)
  const file = ok(await backend.call(street.admin, 'stats', 'stats/export', { orgId: 'g-s', period: '2026' }))
  const cloudPath = new URL(file.url, 'http://host').pathname.replace('/local/files/', '')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await backend.stored(`cloud://local.local/${cloudPath}`)) as never)
  const sheet = book.getWorksheet('签到记录明细')
  expect(sheet).toBeDefined()
  const rows: string[][] = []
  sheet?.eachRow((row, n) => {
    if (n > 1) rows.push([1, 2, 4].map((i) => String(row.getCell(i).value ?? '')))
  })
  // What the sheet must hold: the year's check-ins of the street, by time (then id) from the latest, cut at 5,000.
  const names = new Map(raw.members.map((m) => [m._id, m.name]))
  const titles = new Map(raw.sessions.map((s) => [s._id, s.title]))
  const year = raw.checkins
    .filter((c) => c.month.startsWith('2026-') && c.orgPath.includes('g-s') && !c.visitor)
    .sort((a, b) => b.at - a.at || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0))
  expect(year.length).toBeGreaterThan(5000)
  const expected = year
    .slice(0, 5000)
    .map((c) => [dateTimeLabel(c.at), names.get(c.memberId) ?? '', titles.get(c.sessionId) ?? ''])
  expect(rows.slice(0, 5000)).toEqual(expected)
  expect(rows).toHaveLength(5001)
  expect(rows[5000][0]).toBe(`共${year.length}条，此处列出前5000条`)
})
