import {
  parseToken,
  periodEndsAt,
  periodOf,
  signToken,
  verifyToken,
} from '../../cloudfunctions/domain/checkin-token'

const SECRET = 'a-test-secret-that-is-long-enough-000000'
const ROTATE = 20
const t0 = Date.UTC(2026, 10, 25, 6, 0, 0) // a period boundary: 20 s divides the epoch ms

function check(token: string, now: number, secret = SECRET, rotate = ROTATE) {
  const parsed = parseToken(token)
  if (!parsed) return { ok: false as const, reason: 'malformed' as const }
  return verifyToken(secret, parsed, now, rotate)
}

describe('the rotating check-in token', () => {
  const session = 'abc123def456'
  const token = signToken(SECRET, session, periodOf(t0, ROTATE))

  it('is accepted during its own period and the next one, then expires', () => {
    expect(check(token, t0)).toEqual({ ok: true, sessionId: session, period: periodOf(t0, ROTATE) })
    expect(check(token, t0 + 19_999).ok).toBe(true)
    expect(check(token, t0 + 20_000).ok).toBe(true) // previous period still accepted: clock skew at the boundary
    expect(check(token, t0 + 39_999).ok).toBe(true)
    expect(check(token, t0 + 40_000)).toEqual({ ok: false, reason: 'expired' })
    expect(check(token, t0 + 3_600_000)).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses a token from the future period (a phone whose clock runs ahead cannot mint one)', () => {
    const ahead = signToken(SECRET, session, periodOf(t0, ROTATE) + 1)
    expect(check(ahead, t0)).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses a forged token, an altered session or period, and another secret', () => {
    const [id, period, mac] = token.split('.')
    expect(check(`other-session.${period}.${mac}`, t0)).toEqual({ ok: false, reason: 'forged' })
    expect(check(`${id}.${Number(period) + 1}.${mac}`, t0 + 20_000)).toEqual({ ok: false, reason: 'forged' })
    const flipped = mac.startsWith('A') ? `B${mac.slice(1)}` : `A${mac.slice(1)}`
    expect(check(`${id}.${period}.${flipped}`, t0)).toEqual({ ok: false, reason: 'forged' })
    expect(check(token, t0, 'another-secret-that-is-long-enough-11111')).toEqual({
      ok: false,
      reason: 'forged',
    })
  })

  it('does not parse garbage', () => {
    for (const bad of [
      '',
      'hello',
      'a.b.c',
      `${session}.12`,
      `${session}.1.${'x'.repeat(40)}`,
      'https://example.com',
    ]) {
      expect(parseToken(bad)).toBeNull()
    }
  })

  it('tells when the current period ends, for the countdown', () => {
    expect(periodEndsAt(t0, ROTATE)).toBe(t0 + 20_000)
    expect(periodEndsAt(t0 + 19_999, ROTATE)).toBe(t0 + 20_000)
    expect(periodEndsAt(t0 + 20_000, 30)).toBe((Math.floor((t0 + 20_000) / 30_000) + 1) * 30_000)
  })
})
