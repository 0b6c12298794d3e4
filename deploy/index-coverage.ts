import type { IndexSpec } from '../cloudfunctions/common/collections'
import type { QueryShape } from '../server/db/query-shapes'

/**
 * Whether a declared index serves a query (the prefix rule): the index's leading fields, as many as the filter
 * constrains in a row, must be filter fields (at least the first), and the sort fields that are not filter
 * fields must be the index's next fields, all in its direction or all reversed. A filter on `_id` is served by
 * the primary key, and so is a walk of the whole collection sorted by `_id` alone. A query with neither filter nor
 * sort reads the whole collection and is never served.
 */
/** The declared index that serves the query with the longest prefix of its filter fields, or null. */
export function servingIndex(shape: QueryShape, indexes: readonly IndexSpec[]): string | null {
  if (shape.filter.includes('_id')) return '_id_'
  // A walk of the whole collection in key order (the rollup rebuild and its nightly check read every record by
  // design, page by page): the primary key serves it.
  if (shape.filter.length === 0 && shape.sort.length === 1 && shape.sort[0][0] === '_id') return '_id_'
  const filter = new Set(shape.filter)
  const sortRest = shape.sort.filter(([field]) => !filter.has(field))
  let best: { name: string; prefix: number } | null = null
  for (const index of indexes) {
    if (index.collection !== shape.collection) continue
    const keys = Object.entries(index.fields)
    let prefix = 0
    while (prefix < keys.length && filter.has(keys[prefix][0])) prefix += 1
    if (prefix === 0 && (filter.size > 0 || sortRest.length === 0)) continue
    const next = keys.slice(prefix, prefix + sortRest.length)
    if (next.length < sortRest.length) continue
    const same = sortRest.every(([field, dir], i) => next[i][0] === field && next[i][1] === dir)
    const reversed = sortRest.every(([field, dir], i) => next[i][0] === field && next[i][1] === -dir)
    if ((same || reversed) && (!best || prefix > best.prefix)) best = { name: index.name, prefix }
  }
  return best?.name ?? null
}

const describeShape = (s: QueryShape) =>
  `${s.collection} filter [${s.filter.join(', ')}]${s.sort.length ? ` sort [${s.sort.map(([f, d]) => `${f} ${d}`).join(', ')}]` : ''}`

/**
 * The queries over growing collections that no declared index serves, once per shape, each with the calls that
 * made it. Only calls of a function (`<function> <action>`) over a collection its manifest declares count: the
 * test harness's own reads do not, and an undeclared access is the collection guard's to report
 * (tests/support/collection-guard.ts; its own test makes one on purpose).
 */
export function unservedQueries(
  shapes: readonly QueryShape[],
  indexes: readonly IndexSpec[],
  growing: readonly string[],
  declared: Readonly<Record<string, readonly string[]>>,
): string[] {
  const unserved = new Map<string, Set<string>>()
  for (const shape of shapes) {
    const collections = declared[shape.call.split(' ')[0]]
    if (!growing.includes(shape.collection) || !collections?.includes(shape.collection)) continue
    if (servingIndex(shape, indexes)) continue
    const key = describeShape(shape)
    if (!unserved.has(key)) unserved.set(key, new Set())
    unserved.get(key)?.add(shape.call)
  }
  return [...unserved].map(([key, calls]) => `${key} (${[...calls].sort().join('; ')})`).sort()
}
