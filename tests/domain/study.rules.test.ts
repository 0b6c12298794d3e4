import {
  belowMonthlyRule,
  checkinWindow,
  codeFromScene,
  isLate,
  qrPayload,
  staticScene,
  summariseAttendance,
  tokenFromScan,
} from '../../cloudfunctions/domain/study.rules'

const start = Date.UTC(2026, 10, 25, 6, 0)
const session = { startAt: start, endAt: start + 2 * 3600_000, lateAfterMinutes: 5 }
const MIN = 60_000

describe('the check-in window and the late rule', () => {
  it('opens 30 minutes before the start and closes at the end', () => {
    expect(checkinWindow(session, start - 30 * MIN - 1)).toBe('not_yet')
    expect(checkinWindow(session, start - 30 * MIN)).toBe('open')
    expect(checkinWindow(session, session.endAt)).toBe('open')
    expect(checkinWindow(session, session.endAt + 1)).toBe('closed')
  })

  it('counts a member late only after the grace minutes', () => {
    expect(isLate(session, start - 10 * MIN)).toBe(false)
    expect(isLate(session, start + 5 * MIN)).toBe(false)
    expect(isLate(session, start + 5 * MIN + 1)).toBe(true)
    expect(isLate({ ...session, lateAfterMinutes: 0 }, start + 1)).toBe(true)
  })
})

describe('attendance figures equal direct counts', () => {
  it('on generated sessions', () => {
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let round = 0; round < 200; round++) {
      const expected = Array.from({ length: Math.floor(rand() * 40) }, (_, i) => `m${i}`)
      const outsiders = Array.from({ length: Math.floor(rand() * 5) }, (_, i) => `v${i}`)
      const checkins = [...expected, ...outsiders]
        .filter(() => rand() < 0.6)
        .map((id) => ({ memberId: id, late: rand() < 0.2, visitor: id.startsWith('v') }))
      const approvedLeaves = expected.filter(() => rand() < 0.2)
      const s = summariseAttendance({ expected, checkins, approvedLeaves })

      const came = new Set(checkins.map((c) => c.memberId))
      const present = expected.filter((id) => came.has(id))
      const onLeave = approvedLeaves.filter((id) => !came.has(id))
      expect(s.expected).toBe(expected.length)
      expect(s.present).toBe(present.length)
      expect(s.late).toBe(checkins.filter((c) => c.late && expected.includes(c.memberId)).length)
      expect(s.onLeave).toBe(onLeave.length)
      expect(s.absent).toBe(expected.length - present.length - onLeave.length)
      expect(s.visitors).toBe(checkins.filter((c) => !expected.includes(c.memberId)).length)
      expect(s.rateOfExpected).toBe(expected.length ? present.length / expected.length : 0)
      const required = expected.length - onLeave.length
      expect(s.rateOfRequired).toBe(required ? present.length / required : 0)
    }
  })
})

describe('the monthly rule (每月2次理论学习)', () => {
  it('lists members with fewer than two theory sessions, including those with none', () => {
    const counts = new Map([
      ['a', 2],
      ['b', 1],
      ['c', 5],
    ])
    expect(belowMonthlyRule([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], counts)).toEqual([
      { id: 'b', count: 1 },
      { id: 'd', count: 0 },
    ])
  })
})

describe('what the codes carry', () => {
  it('a link for H5 or the bare token, and either read back from a scan', () => {
    const token = 'abc.123.' + 'x'.repeat(22)
    const link = qrPayload(token, 'http://127.0.0.1:8080/#/packages/study/pages/checkin/index?t=')
    expect(link).toBe(
      `http://127.0.0.1:8080/#/packages/study/pages/checkin/index?t=${encodeURIComponent(token)}`,
    )
    expect(tokenFromScan(link)).toBe(token)
    expect(tokenFromScan(` ${token} `)).toBe(token)
    expect(qrPayload(token, null)).toBe(token)
  })

  it('a static scene within WeChat’s 32 characters, read back, garbage refused', () => {
    const scene = staticScene('XFJD2345')
    expect(scene.length).toBeLessThanOrEqual(32)
    expect(codeFromScene(scene)).toBe('XFJD2345')
    expect(codeFromScene(encodeURIComponent(scene))).toBe('XFJD2345')
    expect(codeFromScene('k=../../x')).toBeNull()
    expect(codeFromScene('k=XFJD234O')).toBeNull()
  })
})
