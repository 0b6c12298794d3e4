/**
 * The value model of the local store: what the SDK's EJSON decodes to, and what a stored document may hold.
 * Stored documents are limited to JSON types plus Date because that is what nedb's datafile round-trips;
 * anything else is rejected up front instead of being silently mangled on disk.
 */
import { invalidParam } from './errors'
import { sdkEjson } from './sdk-modules'

export type DocId = string | number
export type Doc = Record<string, unknown> & { _id: DocId }

/** A plain `{}` object. Realm-independent: documents may come from another vm context (e.g. under jest). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return (
    proto === null ||
    (Object.prototype.toString.call(value) === '[object Object]' && Object.getPrototypeOf(proto) === null)
  )
}

/**
 * Deep copy of a storable value. Not structuredClone: that builds objects of the host realm, and mingo's
 * `instanceof Date` checks run in the realm the modules were loaded in.
 */
export function cloneValue<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (Array.isArray(value)) return value.map(cloneValue) as T
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = cloneValue(item)
    return out as T
  }
  return value
}

/** MongoDB regex options mapped to JS flags; `x` (extended) has no JS equivalent. */
function toRegExp(pattern: string, options: string): RegExp {
  let flags = ''
  for (const option of new Set(options)) {
    if ('imsu'.includes(option)) flags += option
    else throw invalidParam(`regular expression option '${option}' is not supported by the local database`)
  }
  return new RegExp(pattern, flags)
}

/**
 * Turns decoded EJSON into plain JS values: `{$tcb_server_date: {offset}}` (db.serverDate()) becomes the
 * server's time plus offset, bson regexes become RegExp, and other bson classes are refused.
 */
function normalise(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((item) => normalise(item, now))
  if (typeof value !== 'object' || value === null || value instanceof Date || value instanceof RegExp) {
    return value
  }
  const bsonType: unknown = (value as { _bsontype?: unknown })._bsontype
  if (bsonType === 'BSONRegExp') {
    const { pattern, options } = value as { pattern: string; options: string }
    return toRegExp(pattern, options)
  }
  if (typeof bsonType === 'string') {
    throw invalidParam(`BSON type ${bsonType} is not supported by the local database`)
  }
  const source = value as Record<string, unknown>
  const keys = Object.keys(source)
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = source.$tcb_server_date
    const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0
    return new Date(now + offset)
  }
  const out: Record<string, unknown> = {}
  for (const key of keys) out[key] = normalise(source[key], now)
  return out
}

/** Parses one EJSON string sent by the SDK. `now` is the request's server time, for serverDate. */
export function decodeEjson(text: string, now: number): unknown {
  let parsed: unknown
  try {
    parsed = sdkEjson().parse(text, { relaxed: true })
  } catch (error) {
    throw invalidParam(`malformed EJSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  return normalise(parsed, now)
}

/** Serialises a stored document the way the SDK parses responses (`EJSON.parse` on each list item). */
export function encodeEjson(value: unknown): string {
  return sdkEjson().stringify(value, { relaxed: true })
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value
  return Object.prototype.toString.call(value).slice(8, -1)
}

function assertStorableValue(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalidParam(`field '${path}' holds ${value}, which cannot be stored`)
    return
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalidParam(`field '${path}' holds an invalid Date`)
    return
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorableValue(item, `${path}.${i}`))
    return
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      // The same rules as nedb's datafile (and classic MongoDB): no operator-like or dotted field names.
      if (key.startsWith('$')) throw invalidParam(`field name '${key}' in '${path}' cannot begin with '$'`)
      if (key.includes('.')) throw invalidParam(`field name '${key}' in '${path}' cannot contain '.'`)
      if (item !== undefined) assertStorableValue(item, path ? `${path}.${key}` : key)
    }
    return
  }
  throw invalidParam(`field '${path}' holds a ${describe(value)}, which the local database cannot store`)
}

export function isDocId(value: unknown): value is DocId {
  return (
    (typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value))
  )
}

/** Checks that a document can be written: a valid `_id` and only storable values. */
export function assertStorableDoc(doc: Record<string, unknown>): asserts doc is Doc {
  if (!isDocId(doc._id)) throw invalidParam('document _id must be a non-empty string or a number')
  assertStorableValue(doc, '')
}

/** Structural equality over storable values, used to tell whether an update changed a document. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined)
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined)
    // Key order matters to MongoDB documents, so a reordering counts as a change.
    return keysA.length === keysB.length && keysA.every((k, i) => k === keysB[i] && sameValue(a[k], b[k]))
  }
  return false
}
