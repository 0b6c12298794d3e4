/**
 * Secondary indexes kept in memory beside each nedb datastore. They serve two purposes: enforcing unique
 * indexes with MongoDB semantics (a missing field counts as null, array fields index each element) and
 * narrowing equality queries to candidate ids before mingo evaluates the full filter.
 */
import type { Doc, DocId } from './values'
import { isPlainObject } from './values'

export interface IndexSpec {
  name: string
  fields: Record<string, 1 | -1>
  unique?: boolean
}

/** Values reachable at a dotted path, descending into arrays the way MongoDB multikey indexes do. */
export function pathValues(root: unknown, path: string): unknown[] {
  const out: unknown[] = []
  const parts = path.split('.')
  const walk = (value: unknown, i: number): void => {
    if (i === parts.length) {
      if (Array.isArray(value)) {
        if (value.length === 0) out.push(null)
        else out.push(...value)
      } else if (value !== undefined) out.push(value)
      return
    }
    const part = parts[i]
    if (Array.isArray(value)) {
      if (/^\d+$/.test(part)) walk(value[Number(part)], i + 1)
      else value.forEach((item) => walk(item, i))
      return
    }
    if (isPlainObject(value)) walk(value[part], i + 1)
  }
  walk(root, 0)
  return out
}

function stableText(value: unknown): string {
  if (value instanceof Date) return `d${value.getTime()}`
  if (Array.isArray(value)) return `[${value.map(stableText).join(',')}]`
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .map((k) => `${JSON.stringify(k)}:${stableText(value[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** Encodes one indexed value so that values MongoDB considers equal get equal strings. */
export function encodeKey(value: unknown): string {
  if (value === null || value === undefined) return 'z'
  if (typeof value === 'number') return `n${Object.is(value, -0) ? 0 : value}`
  if (typeof value === 'string') return `s${value}`
  if (typeof value === 'boolean') return value ? 'b1' : 'b0'
  if (value instanceof Date) return `d${value.getTime()}`
  if (value instanceof RegExp) return `r${String(value)}`
  return `o${stableText(value)}`
}

export const idKey = (id: DocId): string => encodeKey(id)

export function idFromKey(key: string): DocId {
  return key.startsWith('n') ? Number(key.slice(1)) : key.slice(1)
}

/** MongoDB's rendering of a duplicate key inside an E11000 message, e.g. `{ openid: "o1", day: "2024-05-01" }`. */
function keyText(paths: string[], values: unknown[]): string {
  const render = (value: unknown): string => {
    if (value === null || value === undefined) return 'null'
    if (value instanceof Date) return `new Date(${value.getTime()})`
    if (typeof value === 'string') return JSON.stringify(value)
    return stableText(value)
  }
  return `{ ${paths.map((p, i) => `${p}: ${render(values[i])}`).join(', ')} }`
}

interface IndexEntry {
  key: string
  text: string
}

export class SecondaryIndex {
  readonly paths: string[]
  readonly unique: boolean
  /** Full (compound) key -> ids of the documents holding it. */
  private readonly entries = new Map<string, Set<string>>()
  /** First field's key -> ids; only kept for compound indexes, single-field ones use `entries`. */
  private readonly firstField = new Map<string, Set<string>>()

  constructor(readonly spec: IndexSpec) {
    this.paths = Object.keys(spec.fields)
    this.unique = spec.unique === true
  }

  /** Every key a document contributes (several when an indexed field is an array). */
  keysOf(doc: Doc): IndexEntry[] {
    let combos: unknown[][] = [[]]
    for (const path of this.paths) {
      const values = pathValues(doc, path)
      const distinct = new Map<string, unknown>()
      for (const value of values.length ? values : [null]) distinct.set(encodeKey(value), value)
      combos = combos.flatMap((combo) => [...distinct.values()].map((value) => [...combo, value]))
    }
    return combos.map((values) => ({
      key: values.map(encodeKey).join('\u0000'),
      text: keyText(this.paths, values),
    }))
  }

  private firstKeys(doc: Doc): string[] {
    const values = pathValues(doc, this.paths[0])
    return [...new Set((values.length ? values : [null]).map(encodeKey))]
  }

  add(doc: Doc): void {
    const id = idKey(doc._id)
    for (const { key } of this.keysOf(doc)) addTo(this.entries, key, id)
    if (this.paths.length > 1) for (const key of this.firstKeys(doc)) addTo(this.firstField, key, id)
  }

  remove(doc: Doc): void {
    const id = idKey(doc._id)
    for (const { key } of this.keysOf(doc)) removeFrom(this.entries, key, id)
    if (this.paths.length > 1) for (const key of this.firstKeys(doc)) removeFrom(this.firstField, key, id)
  }

  owners(key: string): ReadonlySet<string> | undefined {
    return this.entries.get(key)
  }

  /** Ids of documents whose first indexed field equals the encoded value. */
  idsForFirstField(encoded: string): ReadonlySet<string> {
    const map = this.paths.length > 1 ? this.firstField : this.entries
    return map.get(encoded) ?? new Set<string>()
  }
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key)
  if (set) set.add(id)
  else map.set(key, new Set([id]))
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key)
  if (!set) return
  set.delete(id)
  if (set.size === 0) map.delete(key)
}

export function sameIndexSpec(a: IndexSpec, b: IndexSpec): boolean {
  const fieldsA = Object.entries(a.fields)
  const fieldsB = Object.entries(b.fields)
  return (
    a.name === b.name &&
    (a.unique === true) === (b.unique === true) &&
    fieldsA.length === fieldsB.length &&
    fieldsA.every(([path, order], i) => fieldsB[i][0] === path && fieldsB[i][1] === order)
  )
}
