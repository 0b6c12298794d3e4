/**
 * Record ids. The database makes 32-character ids (CloudBase and the local store alike) and the
 * demo seed shorter ones; ID_MAX leaves room for both. Records kept once per pair (one check-in
 * per session and member) are keyed by the ids they join, so their ids are longer: their bound is
 * derived from their parts, and every id the system makes passes the schema that reads it back.
 */
export const ID_MAX = 64
const SEPARATOR = '_'

/** `<a>_<b>…`: the id of the one record for these parts (a leave is `<sessionId>_<memberId>`). */
export function joinIds(...parts: Array<string | number>): string {
  return parts.join(SEPARATOR)
}

/** The longest id joinIds makes of parts at most these lengths. */
export function joinedIdMax(...partMax: number[]): number {
  return partMax.reduce((sum, n) => sum + n, 0) + (partMax.length - 1) * SEPARATOR.length
}
