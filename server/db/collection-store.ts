/**
 * One collection: an @seald-io/nedb datastore (its append-only datafile and its `_id` index) plus the
 * collection's secondary indexes. Query semantics do not live here — callers filter with mingo; this class
 * only finds candidate documents cheaply and applies already-computed changes.
 */
import Datastore from '@seald-io/nedb'

import { dropPartialLastLine } from './datafile'
import { duplicateKey, requestFailed } from './errors'
import { encodeKey, idKey, type IndexSpec, sameIndexSpec, SecondaryIndex } from './indexes'
import { type Doc, type DocId, isDocId, isPlainObject } from './values'

/** One document's transition; `before: null` is an insert, `after: null` a removal. */
export interface Change {
  id: DocId
  before: Doc | null
  after: Doc | null
}

type WriteKind = 'Insert' | 'Update'

/** The part of nedb's index class used here (`Datastore.indexes` is not in its typings). */
interface NedbIndex {
  getMatching(value: unknown): Doc[]
}

/** nedb's Cursor typing is loose; a cursor awaited with no projection yields the stored documents. */
async function found(cursor: PromiseLike<unknown>): Promise<Doc[]> {
  return (await cursor) as Doc[]
}

/** nedb's own _id ordering (numbers before strings, strings by code unit), used as "natural" order. */
function compareIds(a: DocId, b: DocId): number {
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

function isIndexable(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    value instanceof Date
  )
}

/** The values a top-level condition requires by equality, if it is a plain equality or `$in` of scalars. */
function equalityValues(condition: unknown): unknown[] | null {
  if (isIndexable(condition)) return [condition]
  if (!isPlainObject(condition)) return null
  const keys = Object.keys(condition)
  if (keys.length !== 1) return null
  if (keys[0] === '$eq' && isIndexable(condition.$eq)) return [condition.$eq]
  if (keys[0] === '$in' && Array.isArray(condition.$in) && condition.$in.every(isIndexable))
    return condition.$in
  return null
}

/** Above this many full keys (a product of `$in` lists) a compound index narrows by its first field only. */
const MAX_COMPOUND_KEYS = 100

/**
 * Ids an index gives for the query's top-level equality conditions, or null when the query does not fix its first
 * field. When the query fixes every field the index keeps keys for (`keyPaths`), by that key: `{ examId, memberId }` is one
 * document, where the first field alone would be every attempt of the exam (each one then copied out of nedb and
 * tested by mingo, on every call).
 */
function indexedIds(index: SecondaryIndex, query: Record<string, unknown>): Set<DocId> | null {
  const fields: string[][] = []
  for (const path of index.keyPaths) {
    const values = equalityValues(query[path])
    if (!values) break
    fields.push(values.map(encodeKey))
  }
  if (fields.length === 0) return null
  const matched = new Set<DocId>()
  const keyCount = fields.reduce((n, keys) => n * keys.length, 1)
  if (fields.length === index.keyPaths.length && keyCount <= MAX_COMPOUND_KEYS) {
    const keys = fields.reduce((prefixes, values) =>
      prefixes.flatMap((p) => values.map((v) => `${p}\u0000${v}`)),
    )
    for (const key of keys) for (const id of index.owners(key)) matched.add(id)
    return matched
  }
  for (const key of fields[0]) for (const id of index.idsForFirstField(key)) matched.add(id)
  return matched
}

/**
 * The top-level conditions every matching document meets: the query's own fields and those of each plain part of
 * a top-level `$and` (a field constrained twice keeps the query's own condition: either narrows soundly), as a
 * query planner sees `{ $and: [{ orgPath, month }, { $or: [...] }] }` (a page read on after a cursor).
 */
function conjoined(query: Record<string, unknown>): Record<string, unknown> {
  const parts = query.$and
  if (!Array.isArray(parts)) return query
  const fields: Record<string, unknown> = {}
  for (const part of parts)
    if (isPlainObject(part))
      for (const [k, v] of Object.entries(conjoined(part))) if (!k.startsWith('$')) fields[k] ??= v
  for (const [k, v] of Object.entries(query)) if (!k.startsWith('$')) fields[k] = v
  return fields
}

export class CollectionStore {
  /**
   * Indexes by name. Indexes that are not unique and keep keys of the same leading fields (`keyPaths`) share one
   * instance: their entries would be the same.
   */
  private readonly indexes = new Map<string, SecondaryIndex>()
  private readonly specs = new Map<string, IndexSpec>()

  private constructor(
    readonly name: string,
    private readonly store: Datastore<Record<string, unknown>>,
  ) {}

  /** Opens (and, for a file, compacts) a collection. `file: null` keeps it in memory only. */
  static async open(name: string, file: string | null): Promise<CollectionStore> {
    if (file) await dropPartialLastLine(file)
    const store = file
      ? new Datastore<Record<string, unknown>>({ filename: file })
      : new Datastore<Record<string, unknown>>({ inMemoryOnly: true })
    await store.loadDatabaseAsync()
    return new CollectionStore(name, store)
  }

  get indexSpecs(): IndexSpec[] {
    return [...this.specs.values()]
  }

  /** All documents in natural order. These are nedb's cached objects: never mutate them. */
  all(): Doc[] {
    return this.store.getAllData() as Doc[]
  }

  get size(): number {
    return this.store.getAllData().length
  }

  async get(id: DocId): Promise<Doc | null> {
    const [doc] = await found(this.store.findAsync({ _id: id }))
    return doc ?? null
  }

  /**
   * Documents by id, looked up one by one in nedb's `_id` index (its tree), in natural order. These are nedb's
   * cached objects, as `all()` gives: never mutate them. (nedb's own `find({ _id: { $in } })` tests every
   * candidate against the whole list, n² comparisons: a year of check-ins took minutes.)
   */
  getMany(ids: DocId[]): Doc[] {
    const byId = (this.store as unknown as { indexes: Record<string, NedbIndex> }).indexes._id
    const docs: Doc[] = []
    const seen = new Set<string>()
    for (const id of ids) {
      if (!isDocId(id) || seen.has(idKey(id))) continue
      seen.add(idKey(id))
      docs.push(...byId.getMatching(id))
    }
    return docs.sort((a, b) => compareIds(a._id, b._id))
  }

  /**
   * A superset of the documents matching `query`, narrowed through the `_id` index or a secondary index when
   * a top-level field is constrained by equality; otherwise every document.
   */
  async candidates(query: Record<string, unknown>): Promise<Doc[]> {
    const fields = conjoined(query)
    const ids = equalityValues(fields._id)
    if (ids) return this.getMany(ids.filter(isDocId))
    let best: Set<DocId> | null = null
    for (const index of this.indexes.values()) {
      const matched = indexedIds(index, fields)
      if (matched && (!best || matched.size < best.size)) best = matched
    }
    return best ? this.getMany([...best]) : this.all()
  }

  /** Declares an index; re-declaring the same spec is a no-op, a different spec under one name an error. */
  ensureIndex(spec: IndexSpec): void {
    const existing = this.specs.get(spec.name)
    if (existing) {
      if (sameIndexSpec(existing, spec)) return
      throw requestFailed(`Index with name: ${spec.name} already exists with different options`)
    }
    if (spec.name === '_id_') throw requestFailed('the _id_ index is built in')
    const index = new SecondaryIndex(spec)
    const twin = index.unique
      ? undefined
      : [...this.indexes.values()].find(
          (other) => !other.unique && other.keyPaths.join('\u0000') === index.keyPaths.join('\u0000'),
        )
    if (twin) {
      this.specs.set(spec.name, spec)
      this.indexes.set(spec.name, twin)
      return
    }
    for (const doc of this.all()) {
      if (index.unique) {
        for (const { key, text } of index.keysOf(doc)) {
          if (index.ownerCount(key) > 0) {
            throw requestFailed(
              `E11000 duplicate key error collection: local.${this.name} index: ${spec.name} dup key: ${text}`,
            )
          }
        }
      }
      index.add(doc)
    }
    this.specs.set(spec.name, spec)
    this.indexes.set(spec.name, index)
  }

  /**
   * Rejects a batch of changes that would break `_id` or a unique index, considering the batch as a whole
   * (documents it removes or rewrites free their old keys). Nothing is written either way.
   */
  async check(changes: Change[], kind: WriteKind): Promise<void> {
    const inserted = new Set<string>()
    for (const change of changes) {
      if (change.before || !change.after) continue
      const id = idKey(change.id)
      if (inserted.has(id) || (await this.get(change.id))) {
        throw duplicateKey(kind, this.name, '_id_', `{ _id: ${JSON.stringify(change.id)} }`)
      }
      inserted.add(id)
    }
    const rewritten = new Set(changes.filter((c) => c.before).map((c) => c.id))
    for (const index of this.indexes.values()) {
      if (!index.unique) continue
      const claimed = new Map<string, DocId>()
      for (const change of changes) {
        if (!change.after) continue
        const id = change.id
        for (const { key, text } of index.keysOf(change.after)) {
          const claimant = claimed.get(key)
          const taken =
            (claimant !== undefined && claimant !== id) ||
            index.owners(key).some((owner) => owner !== id && !rewritten.has(owner))
          if (taken) throw duplicateKey(kind, this.name, index.spec.name, text)
          claimed.set(key, id)
        }
      }
    }
  }

  /**
   * Writes checked changes. Each nedb call appends to the datafile and resolves once the append is written,
   * so a resolved `apply` survives the process being killed. Inserts of one batch share a single append.
   */
  async apply(changes: Change[]): Promise<void> {
    const inserts = changes.filter((c) => !c.before && c.after)
    if (inserts.length) {
      await this.store.insertAsync(inserts.map((c) => c.after as Doc))
      for (const change of inserts) this.reindex(null, change.after)
    }
    for (const change of changes) {
      if (!change.before) continue
      if (change.after) await this.store.updateAsync({ _id: change.id }, change.after, {})
      else await this.store.removeAsync({ _id: change.id }, {})
      this.reindex(change.before, change.after)
    }
  }

  private reindex(before: Doc | null, after: Doc | null): void {
    for (const index of new Set(this.indexes.values())) {
      if (before) index.remove(before)
      if (after) index.add(after)
    }
  }
}
