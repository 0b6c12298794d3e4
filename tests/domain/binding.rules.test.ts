import {
  BIND_MAX_FAILURES,
  BIND_WINDOW_MS,
  hoursUntilUnlock,
  INVITE_ALPHABET,
  INVITE_LENGTH,
  isLocked,
  makeInviteCode,
  normaliseInviteCode,
  recordFailure,
} from '../../cloudfunctions/domain/binding.rules'

describe('binding by name and phone digits locks after repeated failures', () => {
  const t0 = Date.UTC(2026, 10, 25, 2)

  it('locks on the fifth failure within the window, not before', () => {
    let failures = null as ReturnType<typeof recordFailure> | null
    for (let i = 1; i < BIND_MAX_FAILURES; i++) {
      failures = recordFailure(failures, t0 + i * 1000)
      expect(isLocked(failures, t0 + i * 1000)).toBe(false)
    }
    failures = recordFailure(failures, t0 + 10_000)
    expect(failures.count).toBe(BIND_MAX_FAILURES)
    expect(isLocked(failures, t0 + 10_000)).toBe(true)
  })

  it('unlocks once the window since the first failure has passed', () => {
    const failures = { count: BIND_MAX_FAILURES, since: t0 }
    expect(isLocked(failures, t0 + BIND_WINDOW_MS - 1)).toBe(true)
    expect(isLocked(failures, t0 + BIND_WINDOW_MS)).toBe(false)
    expect(recordFailure(failures, t0 + BIND_WINDOW_MS)).toEqual({ count: 1, since: t0 + BIND_WINDOW_MS })
  })

  it('tells whole hours until unlock, at least one', () => {
    const failures = { count: BIND_MAX_FAILURES, since: t0 }
    expect(hoursUntilUnlock(failures, t0)).toBe(24)
    expect(hoursUntilUnlock(failures, t0 + BIND_WINDOW_MS - 60_000)).toBe(1)
  })
})

describe('invite codes', () => {
  it('are 8 characters from an alphabet without look-alikes', () => {
    let n = 0
    const code = makeInviteCode((max) => n++ % max)
    expect(code).toHaveLength(INVITE_LENGTH)
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]+$/)
    expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/)
  })

  it('accept what people type: lower case, spaces and dashes', () => {
    expect(normaliseInviteCode(' xfjd-2345 ')).toBe('XFJD2345')
  })
})
