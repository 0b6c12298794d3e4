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

/**
 * The documents holding one key: a single id as itself (most keys of a compound index ending in a unique field
 * have one owner), several in a Set. Ids are the documents' own `_id` values (a string or a number; a Set tells
 * 5 from "5"), never a copy: at 160,000 check-ins under six indexes, a Set and an encoded id string per entry
 * held 500 MB, and a bigger heap makes every young-generation collection slower (README "Measured").
 */
type Owners = DocId | Set<DocId>

const ownersSize = (owners: Owners | undefined): number =>
  owners === undefined ? 0 : owners instanceof Set ? owners.size : 1

function* eachOwner(owners: Owners | undefined): Generator<DocId> {
  if (owners === undefined) return
  if (owners instanceof Set) yield* owners
  else yield owners
}

export class SecondaryIndex {
  readonly paths: string[]
  readonly unique: boolean
  /** Key of the `keyPaths` -> ids of the documents holding it. */
  private readonly entries = new Map<string, Owners>()
  /** First field's key -> ids; only kept when `keyPaths` has several fields, otherwise `entries` is it. */
  private readonly firstField = new Map<string, Owners>()

  /**
   * The leading fields whose combined values are kept as keys: every field of a unique index (its rule needs
   * them); otherwise at most two, and none from `_id` on (a query fixing `_id` is answered by the primary key).
   * The keys of `{ orgPath, at, counted, _id }` over a multikey `orgPath` were one string per document and
   * ancestor, hundreds of MB for a street's history; a query fixing more fields gets a few more candidates,
   * which the filter then drops.
   */
  readonly keyPaths: string[]

  constructor(readonly spec: IndexSpec) {
    this.paths = Object.keys(spec.fields)
    this.unique = spec.unique === true
    const idAt = this.paths.indexOf('_id')
    this.keyPaths = this.unique
      ? this.paths
      : this.paths.slice(0, Math.max(1, Math.min(2, idAt < 0 ? this.paths.length : idAt)))
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

  /** The full keys of a document, without the rendering `keysOf` adds for error messages. */
  private keys(doc: Doc): string[] {
    let combos: string[] = ['']
    this.keyPaths.forEach((path, i) => {
      const values = pathValues(doc, path)
      const distinct = [...new Set((values.length ? values : [null]).map(encodeKey))]
      combos = combos.flatMap((prefix) => distinct.map((key) => (i === 0 ? key : `${prefix}\u0000${key}`)))
    })
    return combos
  }

  private firstKeys(doc: Doc): string[] {
    const values = pathValues(doc, this.paths[0])
    return [...new Set((values.length ? values : [null]).map(encodeKey))]
  }

  add(doc: Doc): void {
    for (const key of this.keys(doc)) addTo(this.entries, key, doc._id)
    if (this.keyPaths.length > 1) for (const key of this.firstKeys(doc)) addTo(this.firstField, key, doc._id)
  }

  remove(doc: Doc): void {
    for (const key of this.keys(doc)) removeFrom(this.entries, key, doc._id)
    if (this.keyPaths.length > 1)
      for (const key of this.firstKeys(doc)) removeFrom(this.firstField, key, doc._id)
  }

  /** Ids of the documents holding a key of the `keyPaths` (empty when none does). */
  owners(key: string): DocId[] {
    return [...eachOwner(this.entries.get(key))]
  }

  /** How many documents hold a full key. */
  ownerCount(key: string): number {
    return ownersSize(this.entries.get(key))
  }

  /** Ids of documents whose first indexed field equals the encoded value. */
  idsForFirstField(encoded: string): Iterable<DocId> {
    const map = this.keyPaths.length > 1 ? this.firstField : this.entries
    return eachOwner(map.get(encoded))
  }
}

function addTo(map: Map<string, Owners>, key: string, id: DocId): void {
  const owners = map.get(key)
  if (owners === undefined) map.set(key, id)
  else if (owners instanceof Set) owners.add(id)
  else if (owners !== id) map.set(key, new Set([owners, id]))
}

function removeFrom(map: Map<string, Owners>, key: string, id: DocId): void {
  const owners = map.get(key)
  if (owners === undefined) return
  if (!(owners instanceof Set)) {
    if (owners === id) map.delete(key)
    return
  }
  owners.delete(id)
  if (owners.size === 1) map.set(key, owners.values().next().value as DocId)
  else if (owners.size === 0) map.delete(key)
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
