import { createHmac, timingSafeEqual } from 'node:crypto'

export { DEFAULT_ROTATE_SECONDS, MAX_ROTATE_SECONDS, MIN_ROTATE_SECONDS } from './study.rules'

/**
 * The rotating check-in code. A token names a session and a time period and carries an
 * HMAC over both, so it cannot be forged or moved to another session. The server accepts
 * the current period and the one before it only: a photo forwarded to someone at home
 * stops working within one period (plus the rest of the current one).
 *
 * Format: `<sessionId>.<period>.<mac>`, mac = first 16 bytes of HMAC-SHA256, base64url.
 *
 * The same scheme serves other check-ins (志愿服务 activities) under a `scope` that enters the mac only
 * (`<scope>:<id>.<period>`), so a code made for one kind of record is refused as forged by another even if
 * their ids were equal. Study sessions use no scope, so their codes are as before.
 */
export type TokenScope = '' | 'volunteer'

export function periodOf(now: number, rotateSeconds: number): number {
  return Math.floor(now / (rotateSeconds * 1000))
}

/** When the period that contains `now` ends: the QR screen counts down to it. */
export function periodEndsAt(now: number, rotateSeconds: number): number {
  return (periodOf(now, rotateSeconds) + 1) * rotateSeconds * 1000
}

function mac(secret: string, sessionId: string, period: number, scope: TokenScope): string {
  return createHmac('sha256', secret)
    .update(scope ? `${scope}:${sessionId}.${period}` : `${sessionId}.${period}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url')
}

export function signToken(secret: string, sessionId: string, period: number, scope: TokenScope = ''): string {
  return `${sessionId}.${period}.${mac(secret, sessionId, period, scope)}`
}

export type TokenCheck =
  { ok: true; sessionId: string; period: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

/** Parses and verifies a token against the server's clock; `rotateSeconds` comes from the session it names. */
export function parseToken(token: string): { sessionId: string; period: number; mac: string } | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token.trim())
  if (!match) return null
  return { sessionId: match[1], period: Number(match[2]), mac: match[3] }
}

export function verifyToken(
  secret: string,
  token: { sessionId: string; period: number; mac: string },
  now: number,
  rotateSeconds: number,
  scope: TokenScope = '',
): TokenCheck {
  const expected = Buffer.from(mac(secret, token.sessionId, token.period, scope))
  const given = Buffer.from(token.mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'forged' }
  const current = periodOf(now, rotateSeconds)
  if (token.period !== current && token.period !== current - 1) return { ok: false, reason: 'expired' }
  return { ok: true, sessionId: token.sessionId, period: token.period }
}
