/**
 * Binding a WeChat account to a roster entry. Name + last four phone digits is a weak
 * secret, so failures are counted per account in a rolling window and lock it out.
 */
export const BIND_MAX_FAILURES = 5
export const BIND_WINDOW_MS = 24 * 60 * 60 * 1000
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** No 0/O, 1/I/L: codes are read aloud and typed by older members. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const INVITE_LENGTH = 8

export interface BindFailures {
  count: number
  since: number
}

export function activeFailures(failures: BindFailures | null | undefined, now: number): BindFailures {
  if (!failures || now - failures.since >= BIND_WINDOW_MS) return { count: 0, since: now }
  return failures
}

export function isLocked(failures: BindFailures | null | undefined, now: number): boolean {
  return activeFailures(failures, now).count >= BIND_MAX_FAILURES
}

export function recordFailure(failures: BindFailures | null | undefined, now: number): BindFailures {
  const current = activeFailures(failures, now)
  return { count: current.count + 1, since: current.since }
}

/** Whole hours until the lock lifts, at least 1. */
export function hoursUntilUnlock(failures: BindFailures, now: number): number {
  return Math.max(1, Math.ceil((failures.since + BIND_WINDOW_MS - now) / 3_600_000))
}

export function normaliseInviteCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase()
}

/** `randomInt(n)` returns an integer in [0, n); injected so the server uses crypto randomness. */
export function makeInviteCode(randomInt: (n: number) => number): string {
  let code = ''
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]
  return code
}
