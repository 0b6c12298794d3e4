/**
 * The data-access kit every service uses. It names no rule of its own; it makes the few ways this codebase
 * touches the database one call each, typed by what each collection stores (`Stored` in collections.ts):
 *
 * - `collection(key)`: the SDK collection, typed, for the queries services compose themselves;
 * - `findById` / `readById`: one document or null / one document or a stable not-found code;
 * - `insertOnce`: an insert whose key (its `_id` or a unique index) may exist already, settled by the
 *   database: the caller learns `inserted` or `exists` (one duplicate-key rule, `isDuplicateKey`);
 * - `insertUnique`: the same, where `exists` is a business error the caller names (ORG.NAME_TAKEN), never
 *   COMMON.INTERNAL;
 * - `insertFromForm`: a record a form creates, stored once however often the form is sent (its `submitKey`);
 * - `transition`: a conditional update `where({ _id, ...guard }).update(...)` that must change exactly one
 *   document, or throws the caller's error. It is how state moves (pending → decided, open → submitted,
 *   scheduled → cancelled) and how parent guards hold without read-then-write: the guard is evaluated by the
 *   database in the same request as the write.
 *
 * CloudBase transactions allow single-document operations only and raise write conflicts under contention,
 * so guarded single-document updates are preferred to transactions.
 */
import { createHash } from 'node:crypto'

import type { Collection, Query } from 'wx-server-sdk'

import { AppError } from './app-error'
import { db } from './cloud'
import { type CollectionKey, COLLECTIONS, type Stored } from './collections'

export type DocOf<K extends CollectionKey> = Stored[K]

/** The SDK collection for `key`, typed by what it stores. */
export function collection<K extends CollectionKey>(key: K): Collection<DocOf<K>> {
  // The one place the SDK's untyped collection is given its stored type.
  return db.collection(COLLECTIONS[key]) as unknown as Collection<DocOf<K>>
}

export async function findById<K extends CollectionKey>(key: K, id: string): Promise<DocOf<K> | null> {
  const found = await collection(key).where({ _id: id }).limit(1).get()
  return found.data[0] ?? null
}

/** The document, or `notFound` (a stable code the client can act on). */
export async function readById<K extends CollectionKey>(
  key: K,
  id: string,
  notFound: AppError | AppError['code'],
): Promise<DocOf<K>> {
  const doc = await findById(key, id)
  if (doc !== null) return doc
  throw typeof notFound === 'string' ? new AppError(notFound) : notFound
}

/** The SDK's error for a unique-key violation (CloudBase errCode -502001, "E11000 duplicate key"). */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { errCode, message, errMsg } = error as { errCode?: unknown; message?: unknown; errMsg?: unknown }
  return (
    errCode === -502001 || /E11000|duplicate key/i.test(`${String(message ?? '')} ${String(errMsg ?? '')}`)
  )
}

/** What a read of `key` that needs no request answers (a page past the end, nothing to look in), typed as one would be. */
export function noDocs<K extends CollectionKey>(key: K): { data: DocOf<K>[] } {
  void key
  return { data: [] }
}

type NewDoc<K extends CollectionKey> = Omit<DocOf<K>, '_id'> & { _id?: string }

/**
 * Inserts unless a document with the same `_id` (or the same value of a unique index) exists. Of any number of
 * simultaneous inserts of one key exactly one answers `inserted`; the database decides, not a prior read.
 */
export async function insertOnce<K extends CollectionKey>(
  key: K,
  doc: NewDoc<K>,
): Promise<{ outcome: 'inserted'; id: string } | { outcome: 'exists' }> {
  try {
    const added = await collection(key).add({ data: doc })
    return { outcome: 'inserted', id: String(added._id) }
  } catch (error) {
    if (isDuplicateKey(error)) return { outcome: 'exists' }
    throw error
  }
}

/**
 * Inserts the record a form creates. With the form's `submitKey` (made on the phone when the form opened, sent with
 * every try) the record's `_id` is a hash of the sender and the key, so the same form sent again — its answer lost,
 * a second tap, both at once — is stored once, and every sending answers the record stored (`fresh` only for the one
 * that stored it: only it goes on to count and notify). Without a key every call is a new record.
 */
export async function insertFromForm<K extends CollectionKey>(
  key: K,
  doc: Omit<DocOf<K>, '_id'>,
  form: { openid: string; submitKey: string | undefined },
): Promise<{ doc: DocOf<K>; fresh: boolean }> {
  const id =
    form.submitKey === undefined
      ? undefined
      : `f${createHash('sha256').update(`${key}:${form.openid}:${form.submitKey}`).digest('hex').slice(0, 31)}`
  const added = await insertOnce(key, { ...doc, ...(id ? { _id: id } : {}) } as NewDoc<K>)
  if (added.outcome === 'inserted') return { doc: { ...doc, _id: added.id } as DocOf<K>, fresh: true }
  const earlier = id ? await findById(key, id) : null
  if (!earlier) throw new AppError('COMMON.RETRY')
  return { doc: earlier, fresh: false }
}

/** `insertOnce` where an existing key is the caller's business error; returns the stored document. */
export async function insertUnique<K extends CollectionKey>(
  key: K,
  doc: NewDoc<K>,
  taken: AppError,
): Promise<DocOf<K>> {
  const result = await insertOnce(key, doc)
  if (result.outcome === 'exists') throw taken
  return { ...doc, _id: result.id } as DocOf<K>
}

/** Conditions on the stored fields (or dotted paths, or SDK operators) that must hold for a write to apply. */
export type Guard<K extends CollectionKey> = { [F in keyof DocOf<K>]?: unknown } & Record<string, unknown>

/**
 * A conditional state change of one document: applies `set` only where `_id` and every `guard` condition
 * hold at the moment of the write, and throws `failed()` unless exactly one document changed. `set` must change
 * the document (a status, a revision, a time): CloudBase counts an update that changes nothing as not applied.
 */
export async function transition<K extends CollectionKey>(
  key: K,
  id: string,
  guard: Guard<K>,
  set: Record<string, unknown>,
  failed: () => AppError | Promise<AppError>,
): Promise<void> {
  const result = await collection(key)
    .where({ ...guard, _id: id })
    .update({ data: set })
  if (result.stats.updated !== 1) throw await failed()
}

/** CloudBase returns at most 1000 documents per get(); this reads a bounded query page by page. */
const PAGE = 1000
/** A guard against unbounded reads: a street has hundreds of members and thousands of records a year. */
const MAX_DOCS = 50_000

export async function fetchAll<T>(query: Query<T>): Promise<T[]> {
  const all: T[] = []
  for (let offset = 0; offset < MAX_DOCS; offset += PAGE) {
    const page = await query.skip(offset).limit(PAGE).get()
    all.push(...page.data)
    if (page.data.length < PAGE) return all
  }
  throw new Error(`query exceeded ${MAX_DOCS} documents`)
}

/** Splits a list for `_.in` queries, which CloudBase bounds. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
