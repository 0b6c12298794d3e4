/**
 * Monthly rollups: the counts the statistics read, kept per organisation node and month so that a figure costs
 * the same whatever the length of history (PRODUCT.md §5).
 *
 * A capability states once, as a pure rule, what one of its records contributes: `RollupRule<T>` maps a
 * document (in its current state) to contributions — a node's `orgPath`, the time that decides the month, and
 * counts by key. The same rule serves both sides:
 * - at write time, the service passes the document before and after its change to `recordChanged`
 *   (common/rollups.ts), which applies the difference as atomic increments (no read-modify-write);
 * - the rebuild sums the rule over every raw record, and the nightly check compares a sample.
 * A rule that is the single source of both cannot let the incremental and the rebuilt figures disagree.
 *
 * Counter keys are `<area>.<name>[.<sub>]`, lower camelCase ASCII segments (they become nested field paths):
 * `study.sessions.lecture`, `pledge.signed`, `visit.completed`. A key is a leaf: never both `a.b` and `a.b.c`.
 */
import { monthOf } from './time'

export type Counts = Record<string, number>

export interface Contribution {
  /** The node the record belongs to and its ancestors (root first, the node last), as records store it. */
  orgPath: readonly string[]
  /** The moment that decides the month (a session's start, a signing, a completion). */
  time: number
  counts: Counts
}

export type RollupRule<T> = (doc: T) => Contribution[]

/** One node and month's change. */
export interface Bucket {
  orgId: string
  orgPath: string[]
  month: string
  counts: Counts
}

const KEY = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/

export function isCounterKey(key: string): boolean {
  return KEY.test(key)
}

export function bucketId(orgId: string, month: string): string {
  return `${orgId}_${month}`
}

function addInto(buckets: Map<string, Bucket>, c: Contribution, sign: 1 | -1): void {
  const orgId = c.orgPath[c.orgPath.length - 1]
  if (orgId === undefined) throw new Error('a rollup contribution needs an orgPath')
  const month = monthOf(c.time)
  const id = bucketId(orgId, month)
  let bucket = buckets.get(id)
  if (!bucket) {
    bucket = { orgId, orgPath: [...c.orgPath], month, counts: {} }
    buckets.set(id, bucket)
  }
  for (const [key, n] of Object.entries(c.counts)) {
    if (!isCounterKey(key)) throw new Error(`not a counter key: ${key}`)
    if (!Number.isFinite(n)) throw new Error(`counter ${key} is not a number`)
    bucket.counts[key] = (bucket.counts[key] ?? 0) + sign * n
  }
}

/** Sums contributions by node and month (the rebuild's arithmetic). */
export function sumContributions(contributions: Iterable<Contribution>): Map<string, Bucket> {
  const buckets = new Map<string, Bucket>()
  for (const c of contributions) addInto(buckets, c, 1)
  return dropZeros(buckets)
}

/** What changes when a record goes from `before` to `after` (either may be absent): after − before. */
export function diffContributions(before: readonly Contribution[], after: readonly Contribution[]): Bucket[] {
  const buckets = new Map<string, Bucket>()
  for (const c of before) addInto(buckets, c, -1)
  for (const c of after) addInto(buckets, c, 1)
  return [...dropZeros(buckets).values()]
}

function dropZeros(buckets: Map<string, Bucket>): Map<string, Bucket> {
  for (const [id, bucket] of buckets) {
    for (const [key, n] of Object.entries(bucket.counts)) if (n === 0) delete bucket.counts[key]
    if (Object.keys(bucket.counts).length === 0) buckets.delete(id)
  }
  return buckets
}

/** Flat counts as the nested object a rollup document stores (`{ 'a.b': 1 }` → `{ a: { b: 1 } }`). */
export function nestCounts(counts: Counts): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, n] of Object.entries(counts)) {
    const parts = key.split('.')
    let node = root
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>
    node[parts[parts.length - 1]] = n
  }
  return root
}

/** Stored counters are nested objects (`{ study: { sessions: { lecture: 3 } } }`); flat keys back. */
export function flattenCounts(nested: unknown, prefix = '', out: Counts = {}): Counts {
  if (typeof nested !== 'object' || nested === null) return out
  for (const [name, value] of Object.entries(nested as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${name}` : name
    if (typeof value === 'number') out[key] = value
    else flattenCounts(value, key, out)
  }
  return out
}

/** Adds flat counts together (a subtree's figures are the sum of its nodes' rollups). */
export function addCounts(into: Counts, more: Counts): Counts {
  for (const [key, n] of Object.entries(more)) into[key] = (into[key] ?? 0) + n
  return into
}
