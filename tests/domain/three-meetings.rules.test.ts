import { sumContributions } from '../../cloudfunctions/domain/rollup.rules'
import { sessionRollup } from '../../cloudfunctions/domain/study.rollup'
import type { SessionType } from '../../cloudfunctions/domain/study.rules'
import {
  checkMeetings,
  type HeldByMonth,
  quarterLabel,
  quarterMonths,
  worstStatus,
} from '../../cloudfunctions/domain/three-meetings.rules'

const byKind = (held: HeldByMonth, month: string, today: string) =>
  Object.fromEntries(checkMeetings(held, month, today).map((c) => [c.kind, `${c.status}:${c.held}`]))

describe('三会一课 (支部工作条例)', () => {
  it('knows the quarters', () => {
    expect(quarterMonths('2026-11')).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(quarterMonths('2026-01')).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(quarterMonths('2026-03')).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(quarterLabel('2026-11')).toBe('2026年第4季度')
    expect(quarterLabel('2026-04')).toBe('2026年第2季度')
  })

  it('wants 支委会 and 党小组会 every month: a past month without them is missed, the month under way is due', () => {
    const held: HeldByMonth = new Map([['2026-10', { committee_meeting: 1 }]])
    expect(byKind(held, '2026-10', '2026-12')).toMatchObject({ committee: 'met:1', group: 'missed:0' })
    expect(byKind(held, '2026-12', '2026-12')).toMatchObject({ committee: 'due:0', group: 'due:0' })
    expect(byKind(new Map([['2026-11', { party_group: 2 }]]), '2026-11', '2026-12')).toMatchObject({
      group: 'met:2',
    })
  })

  it('wants 党员大会 and 党课 once a quarter: met by any month of it so far, missed only once the quarter is over', () => {
    const held: HeldByMonth = new Map([['2026-07', { general_meeting: 1 }]])
    // Read at the quarter's last month, after it ended.
    expect(byKind(held, '2026-09', '2026-11')).toMatchObject({ general: 'met:1', lecture: 'missed:0' })
    // Read at an earlier month of a past quarter: nothing missed yet at that month.
    expect(byKind(held, '2026-08', '2026-11')).toMatchObject({ general: 'met:1', lecture: 'due:0' })
    // A later month of the quarter does not count when reading an earlier one.
    const late: HeldByMonth = new Map([['2026-12', { party_lecture: 1 }]])
    expect(byKind(late, '2026-11', '2026-12')).toMatchObject({ lecture: 'due:0' })
    expect(byKind(late, '2026-12', '2026-12')).toMatchObject({ lecture: 'met:1' })
    expect(byKind(late, '2026-12', '2027-01')).toMatchObject({ lecture: 'met:1', general: 'missed:0' })
  })

  it('counts a 党课 a higher node held for the branch’s members toward the branch’s 党课, and nothing else from above', () => {
    const none: HeldByMonth = new Map()
    const above: HeldByMonth = new Map([
      ['2026-11', { party_lecture: 1, committee_meeting: 1, party_group: 1, general_meeting: 1 }],
    ])
    const checks = checkMeetings(none, '2026-12', '2027-01', above)
    expect(Object.fromEntries(checks.map((c) => [c.kind, `${c.status}:${c.held}:${c.fromAbove}`]))).toEqual({
      committee: 'missed:0:0',
      group: 'missed:0:0',
      general: 'missed:0:0',
      lecture: 'met:1:1',
    })
    // Its own and one from above add up; a quarter's later month from above is not looked at from an earlier one.
    const own: HeldByMonth = new Map([['2026-10', { party_lecture: 1 }]])
    expect(checkMeetings(own, '2026-12', '2027-01', above).find((c) => c.kind === 'lecture')).toMatchObject({
      held: 2,
      fromAbove: 1,
    })
    expect(checkMeetings(none, '2026-10', '2027-01', above).find((c) => c.kind === 'lecture')).toMatchObject({
      status: 'due',
      held: 0,
    })
  })

  it('does not count the untyped 三会 or other types toward any requirement', () => {
    const held: HeldByMonth = new Map([['2026-12', { branch_meeting: 3, group_study: 2, theme_day: 1 }]])
    expect(checkMeetings(held, '2026-12', '2027-01').every((c) => c.status === 'missed')).toBe(true)
  })

  it('lights a branch red when anything was missed, yellow when due, green when all met', () => {
    expect(worstStatus([{ status: 'met' }, { status: 'due' }])).toBe('due')
    expect(worstStatus([{ status: 'due' }, { status: 'missed' }])).toBe('missed')
    expect(worstStatus([{ status: 'met' }])).toBe('met')
    const all: HeldByMonth = new Map([
      ['2026-12', { committee_meeting: 1, party_group: 1, general_meeting: 1, party_lecture: 1 }],
    ])
    expect(worstStatus(checkMeetings(all, '2026-12', '2027-01'))).toBe('met')
  })
})

describe('党课 from above in the rollups (study.lecturesFromAbove)', () => {
  const session = (type: SessionType, orgPath: string[]) => ({
    type,
    format: 'theory' as const,
    orgPath,
    startAt: Date.UTC(2026, 10, 10, 11),
    status: 'scheduled' as const,
    hasCheckins: true,
    expectedByOrg: [
      { orgPath: ['s', 'c1'], count: 1 },
      { orgPath: ['s', 'c1', 'b1'], count: 5 },
      { orgPath: ['s', 'c1', 'b2'], count: 0 },
    ],
  })
  const fromAbove = (type: SessionType, orgPath: string[]) =>
    Object.fromEntries(
      [...sumContributions(sessionRollup(session(type, orgPath))).values()].map((b) => [
        b.orgId,
        b.counts['study.lecturesFromAbove'] ?? 0,
      ]),
    )

  it('counts a held 党课 once on each node below it whose members were expected', () => {
    // The community's own members are the session's node: not "from above"; b2 had nobody expected.
    expect(fromAbove('party_lecture', ['s', 'c1'])).toEqual({ c1: 0, b1: 1 })
    expect(fromAbove('group_study', ['s', 'c1'])).toEqual({ c1: 0, b1: 0 })
    const notHeld = { ...session('party_lecture', ['s', 'c1']), hasCheckins: false }
    expect(sessionRollup(notHeld)).toEqual([])
  })
})
