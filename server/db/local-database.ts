/**
 * The local stand-in for CloudBase's document database. It receives exactly the requests the real
 * wx-server-sdk emits (`handle(api, params)`, see transport.ts) and answers in the shape the SDK reads.
 *
 * Semantics (filters, update operators, projection, sort, aggregation) come from mingo; storage is one
 * @seald-io/nedb append-only datafile per collection. Every request runs inside one serial queue, so a
 * read-modify-write can never interleave with another request. CloudBase's limits are mirrored so that code
 * working here also works there: get() returns 100 documents by default and 1000 at most, aggregation
 * returns 20 rows without $limit, collections must be created before use, transactions accept only
 * single-document operations, and unique indexes reject duplicates with MongoDB's E11000 message.
 */
import { promises as fs } from 'fs'
import { find, Query } from 'mingo'

import { decodePipeline, runPipeline } from './aggregate'
import { assertCollectionName, Catalog, type JournalWrite } from './catalog'
import type { Change, CollectionStore } from './collection-store'
import {
  collectionAlreadyExist,
  collectionNotExist,
  DbError,
  duplicateKey,
  invalidParam,
  requestFailed,
  toDbError,
  transactionConflict,
} from './errors'
import { newDocId } from './ids'
import type { IndexSpec } from './indexes'
import { decodeObject, optionalInt, type Params, str } from './params'
import { SerialQueue } from './serial-queue'
import { lockKey, type PendingWrite, type Transaction, TransactionManager } from './transactions'
import { MINGO_OPTIONS, nextDoc, upsertDoc, withId } from './updates'
import {
  assertStorableDoc,
  cloneValue,
  type Doc,
  type DocId,
  encodeEjson,
  isDocId,
  isPlainObject,
  sameValue,
} from './values'

/** CloudBase server-side get(): 100 documents when no limit is given, never more than 1000. */
export const GET_DEFAULT_LIMIT = 100
export const GET_MAX_LIMIT = 1000

export interface LocalDatabaseOptions {
  /** Directory holding one datafile per collection; null keeps everything in memory (tests). */
  dir: string | null
  /** A transaction still open after this long is aborted, releasing its locks. Default 30 s. */
  transactionLifetimeMs?: number
  /** How long a transaction waits for a document another transaction holds. Default 5 s. */
  lockTimeoutMs?: number
}

type Body = Record<string, unknown>

/** Thrown inside the queue when a non-transactional write meets a document a transaction holds. */
class Blocked {
  constructor(readonly key: string) {}
}

export class LocalDatabase {
  private readonly queue = new SerialQueue()
  private readonly transactions: TransactionManager
  private readonly lifetimeMs: number
  private requests = 0
  private closed = false

  private constructor(
    private readonly catalog: Catalog,
    options: LocalDatabaseOptions,
  ) {
    this.lifetimeMs = options.transactionLifetimeMs ?? 30_000
    this.transactions = new TransactionManager({
      lifetimeMs: this.lifetimeMs,
      lockTimeoutMs: options.lockTimeoutMs ?? 5_000,
    })
  }

  static async open(options: LocalDatabaseOptions): Promise<LocalDatabase> {
    if (options.dir) await fs.mkdir(options.dir, { recursive: true })
    return new LocalDatabase(await Catalog.open(options.dir), options)
  }

  // ---------------------------------------------------------------- host-side API

  /** Creates a collection if it does not exist yet (the host declares its collections at start-up). */
  async createCollection(name: string): Promise<void> {
    assertCollectionName(name)
    await this.queue.run(async () => {
      this.assertOpen()
      if (!this.catalog.collections.has(name)) await this.catalog.create(name)
    })
  }

  /** Declares an index; a unique index fails if existing documents already break it. */
  async ensureIndex(collection: string, index: IndexSpec): Promise<void> {
    const orders = Object.values(index.fields)
    if (!index.name || orders.length === 0 || orders.some((order) => order !== 1 && order !== -1)) {
      throw invalidParam('an index needs a name and fields ordered 1 or -1')
    }
    const spec: IndexSpec = { name: index.name, fields: { ...index.fields }, unique: index.unique === true }
    await this.queue.run(async () => {
      this.assertOpen()
      const store = this.store(collection)
      const known = store.indexSpecs.some((s) => s.name === spec.name)
      store.ensureIndex(spec)
      if (!known) await this.catalog.saveIndex(collection, spec)
    })
  }

  listCollections(): string[] {
    return [...this.catalog.collections.keys()].sort()
  }

  /** Every document of a collection, as copies in natural order (for tests and tooling). */
  documents(collection: string): Promise<Doc[]> {
    return this.queue.run(async () =>
      this.store(collection)
        .all()
        .map((doc) => cloneValue(doc)),
    )
  }

  /** Aborts open transactions and waits for queued requests; later requests fail. */
  async close(): Promise<void> {
    this.closed = true
    this.transactions.endAll()
    await this.queue.idle()
  }

  // ---------------------------------------------------------------- SDK requests

  /**
   * Executes one SDK request. Never rejects for a database error: like CloudBase it answers
   * `{ code, message, requestId }`, which the transport turns into the SDK's usual rejection.
   */
  async handle(api: string, params: Params = {}): Promise<unknown> {
    this.requests += 1
    const requestId = `local-${Date.now().toString(36)}-${this.requests}`
    try {
      this.assertOpen()
      const body = await this.dispatch(api, params ?? {})
      return { requestId, ...body }
    } catch (error) {
      const dbError = toDbError(error)
      return { code: dbError.code, message: dbError.message, requestId }
    }
  }

  private dispatch(api: string, params: Params): Promise<Body> {
    const tx = params.transactionId === undefined ? null : this.transactions.get(params.transactionId)
    switch (api) {
      case 'database.addCollection':
        return this.queue.run(() => this.addCollection(params))
      case 'database.getDocument':
        return tx ? this.txGet(tx, params) : this.queue.run(() => this.getDocuments(params))
      case 'database.calculateDocument':
        return this.queue.run(() => this.count(params))
      case 'database.insertDocument':
        return tx ? this.txInsert(tx, params) : this.write(() => this.insert(params))
      case 'database.modifyDocument':
        return tx ? this.txModify(tx, params) : this.write(() => this.modify(params, false))
      case 'database.modifyAndReturnDoc':
        if (tx) throw this.notSingleDocument()
        return this.write(() => this.modify(params, true))
      case 'database.removeDocument':
        return tx ? this.txRemove(tx, params) : this.write(() => this.remove(params))
      case 'database.aggregateDocuments':
        return this.queue.run(() => this.aggregate(params))
      case 'database.startTransaction':
        return Promise.resolve({ transactionId: this.transactions.begin().id })
      case 'database.commitTransaction':
        return this.commit(this.transactions.get(params.transactionId))
      case 'database.abortTransaction':
        this.transactions.end(this.transactions.get(params.transactionId))
        return Promise.resolve({})
      default:
        throw new DbError('INVALID_ACTION', `[LocalDatabase] unsupported database api ${api}`)
    }
  }

  private assertOpen(): void {
    if (this.closed) throw requestFailed('[LocalDatabase] the database is closed')
  }

  private store(name: unknown): CollectionStore {
    const store = typeof name === 'string' ? this.catalog.collections.get(name) : undefined
    if (!store) throw collectionNotExist(String(name))
    return store
  }

  /**
   * Runs a non-transactional write in the queue. If it targets a document a transaction holds, it waits
   * outside the queue (so the transaction can still commit) and starts over, as MongoDB blocks such writes.
   */
  private async write(task: () => Promise<Body>): Promise<Body> {
    const deadline = Date.now() + this.lifetimeMs
    for (;;) {
      const outcome = await this.queue.run(async () => {
        try {
          return await task()
        } catch (error) {
          if (error instanceof Blocked) return error
          throw error
        }
      })
      if (!(outcome instanceof Blocked)) return outcome
      if (await this.transactions.waitForRelease(outcome.key, deadline)) continue
      // The holder's lifetime ends before this deadline: a holder past it is aborted here, not waited for.
      if (!this.transactions.expireOverdue(outcome.key) && Date.now() >= deadline) {
        throw transactionConflict('a write waited too long for a document held by a transaction')
      }
    }
  }

  private assertUnlocked(collection: string, ids: DocId[]): void {
    for (const id of ids) {
      const key = lockKey(collection, id)
      if (this.transactions.holder(key)) throw new Blocked(key)
    }
  }

  /** Documents matching a filter, in natural order, evaluated by mingo. */
  private async matching(store: CollectionStore, query: Record<string, unknown>): Promise<Doc[]> {
    const candidates = await store.candidates(query)
    const filter = new Query(query, MINGO_OPTIONS)
    return candidates.filter((doc) => filter.test(doc))
  }

  private async addCollection(params: Params): Promise<Body> {
    const name = str(params, 'collectionName')
    assertCollectionName(name)
    if (this.catalog.collections.has(name)) throw collectionAlreadyExist(name)
    await this.catalog.create(name)
    return {}
  }

  private async getDocuments(params: Params): Promise<Body> {
    const now = Date.now()
    const store = this.store(params.collectionName)
    const query = decodeObject(params.query, now, 'query')
    const projection =
      params.projection === undefined ? undefined : decodeObject(params.projection, now, 'projection')
    if (params.queryType === 'DOC') {
      const docs = (await this.matching(store, query)).slice(0, 1)
      const list = projection ? find(docs, {}, projection, MINGO_OPTIONS).all() : docs
      return { data: { list: list.map(encodeEjson) } }
    }
    const requested = optionalInt(params, 'limit') ?? GET_DEFAULT_LIMIT
    if (requested <= 0) throw invalidParam('limit must be positive')
    const limit = Math.min(requested, GET_MAX_LIMIT)
    const offset = optionalInt(params, 'offset') ?? 0
    if (offset < 0) throw invalidParam('offset must not be negative')
    const order = params.order === undefined ? undefined : decodeObject(params.order, now, 'order')
    let cursor = find(await store.candidates(query), query, projection, MINGO_OPTIONS)
    if (order && Object.keys(order).length) cursor = cursor.sort(order as Record<string, 1 | -1>)
    const list = cursor.skip(offset).limit(limit).all()
    return { data: { list: list.map(encodeEjson), limit, offset } }
  }

  private async count(params: Params): Promise<Body> {
    const store = this.store(params.collectionName)
    const query = decodeObject(params.query, Date.now(), 'query')
    return { data: { total: (await this.matching(store, query)).length } }
  }

  /** Parses insertDocument's `data`: one EJSON string per document; missing `_id`s are generated. */
  private decodeInserts(params: Params, now: number): Doc[] {
    if (!Array.isArray(params.data)) throw invalidParam('data must be an array of EJSON strings')
    return params.data.map((text) => {
      const fields = decodeObject(text, now, 'document')
      if (fields._id !== undefined && !isDocId(fields._id))
        throw invalidParam('_id must be a string or a number')
      const doc = withId(fields._id === undefined ? newDocId(now) : (fields._id as DocId), fields)
      assertStorableDoc(doc)
      return doc
    })
  }

  private async insert(params: Params): Promise<Body> {
    const store = this.store(params.collectionName)
    const docs = this.decodeInserts(params, Date.now())
    this.assertUnlocked(
      store.name,
      docs.map((d) => d._id),
    )
    const changes: Change[] = docs.map((doc) => ({ id: doc._id, before: null, after: doc }))
    await store.check(changes, 'Insert')
    await store.apply(changes)
    return { data: { insertedIds: docs.map((d) => d._id) } }
  }

  private async modify(params: Params, returnDoc: boolean): Promise<Body> {
    const now = Date.now()
    const store = this.store(params.collectionName)
    const query = decodeObject(params.query, now, 'query')
    const data = decodeObject(params.data, now, 'data')
    const merge = params.merge !== false
    const multi = !returnDoc && params.multi === true
    const upsert = !returnDoc && params.upsert === true
    const matched = await this.matching(store, query)
    const targets = multi ? matched : matched.slice(0, 1)
    let upsertId: DocId | undefined
    if (targets.length === 0 && upsert) {
      upsertId = isDocId(query._id) ? query._id : newDocId(now)
    }
    this.assertUnlocked(store.name, upsertId === undefined ? targets.map((d) => d._id) : [upsertId])
    const changes: Change[] = []
    for (const doc of targets) {
      const after = nextDoc(doc, data, merge, query)
      if (after) changes.push({ id: doc._id, before: doc, after })
    }
    if (upsertId !== undefined) {
      changes.push({ id: upsertId, before: null, after: upsertDoc(upsertId, data, merge, query) })
    }
    await store.check(changes, 'Update')
    await store.apply(changes)
    const updated = changes.filter((c) => c.before).length
    if (returnDoc) {
      const doc = changes[0]?.after ?? targets[0] ?? null
      return { data: { updated, doc: doc ? encodeEjson(doc) : null } }
    }
    return { data: { updated, upsert_id: upsertId } }
  }

  private async remove(params: Params): Promise<Body> {
    const store = this.store(params.collectionName)
    const query = decodeObject(params.query, Date.now(), 'query')
    const matched = await this.matching(store, query)
    const targets = params.multi === true ? matched : matched.slice(0, 1)
    this.assertUnlocked(
      store.name,
      targets.map((d) => d._id),
    )
    const changes: Change[] = targets.map((doc) => ({ id: doc._id, before: doc, after: null }))
    await store.apply(changes)
    return { data: { deleted: changes.length } }
  }

  private async aggregate(params: Params): Promise<Body> {
    const store = this.store(params.collectionName)
    const pipeline = decodePipeline(params.stages, Date.now())
    const first = pipeline[0]
    // A leading $match may narrow the input through an index; the stage itself still filters.
    const input = first && isPlainObject(first.$match) ? await store.candidates(first.$match) : store.all()
    const lookup = (name: string): Record<string, unknown>[] =>
      (this.catalog.collections.get(name)?.all() ?? []).map((doc) => cloneValue(doc))
    return { data: { list: runPipeline(input, pipeline, lookup).map(encodeEjson) } }
  }

  // ---------------------------------------------------------------- transactions

  private notSingleDocument(): DbError {
    return requestFailed(
      '[LocalDatabase] a transaction allows single-document operations only: ' +
        'collection.add and doc().get/set/update/remove, not where(), count() or aggregate()',
    )
  }

  /** The `_id` a transactional DOC request targets; WHERE requests are refused. */
  private docTarget(params: Params): { store: CollectionStore; id: DocId } {
    const store = this.store(params.collectionName)
    if (params.queryType !== 'DOC') throw this.notSingleDocument()
    const query = decodeObject(params.query, Date.now(), 'query')
    if (!isDocId(query._id) || Object.keys(query).length !== 1) throw this.notSingleDocument()
    return { store, id: query._id }
  }

  /** Locks the document for `tx` (outside the queue), then runs `task` in the queue. */
  private async inTransaction<T>(tx: Transaction, keys: string[], task: () => Promise<T>): Promise<T> {
    for (const key of keys) await this.transactions.lock(tx, key)
    return this.queue.run(async () => {
      this.transactions.get(tx.id) // it may have expired or ended meanwhile
      return task()
    })
  }

  /** The document as this transaction sees it: its own pending write, else the committed state. */
  private async txView(tx: Transaction, store: CollectionStore, id: DocId): Promise<PendingWrite> {
    const key = lockKey(store.name, id)
    const pending = tx.writes.get(key)
    if (pending) return pending
    const committed = await store.get(id)
    return { collection: store.name, id, before: committed, after: committed }
  }

  /** Records a write and checks unique indexes against everything the transaction has written so far. */
  private async txRecord(
    tx: Transaction,
    store: CollectionStore,
    view: PendingWrite,
    after: Doc | null,
  ): Promise<void> {
    const key = lockKey(store.name, view.id)
    const previous = tx.writes.get(key)
    tx.writes.set(key, { ...view, after })
    try {
      await store.check(this.txChanges(tx, store.name), view.before ? 'Update' : 'Insert')
    } catch (error) {
      if (previous) tx.writes.set(key, previous)
      else tx.writes.delete(key)
      throw error
    }
  }

  private txChanges(tx: Transaction, collection: string): Change[] {
    const changes: Change[] = []
    for (const write of tx.writes.values()) {
      if (write.collection !== collection) continue
      if (write.before === null && write.after === null) continue
      if (write.before && write.after && sameValue(write.before, write.after)) continue
      changes.push({ id: write.id, before: write.before, after: write.after })
    }
    return changes
  }

  private async txGet(tx: Transaction, params: Params): Promise<Body> {
    const { store, id } = this.docTarget(params)
    return this.inTransaction(tx, [lockKey(store.name, id)], async () => {
      const { after } = await this.txView(tx, store, id)
      const projection =
        params.projection === undefined
          ? undefined
          : decodeObject(params.projection, Date.now(), 'projection')
      const docs = after ? [after] : []
      const list = projection ? find(docs, {}, projection, MINGO_OPTIONS).all() : docs
      return { data: { list: list.map(encodeEjson) } }
    })
  }

  private async txInsert(tx: Transaction, params: Params): Promise<Body> {
    const store = this.store(params.collectionName)
    const docs = this.decodeInserts(params, Date.now())
    if (docs.length !== 1) throw this.notSingleDocument()
    const [doc] = docs
    return this.inTransaction(tx, [lockKey(store.name, doc._id)], async () => {
      const view = await this.txView(tx, store, doc._id)
      if (view.after) throw duplicateKey('Insert', store.name, '_id_', `{ _id: ${JSON.stringify(doc._id)} }`)
      await this.txRecord(tx, store, view, doc)
      return { data: { insertedIds: [doc._id] } }
    })
  }

  private async txModify(tx: Transaction, params: Params): Promise<Body> {
    const now = Date.now()
    const { store, id } = this.docTarget(params)
    const data = decodeObject(params.data, now, 'data')
    const merge = params.merge !== false
    return this.inTransaction(tx, [lockKey(store.name, id)], async () => {
      const view = await this.txView(tx, store, id)
      if (!view.after) {
        if (params.upsert !== true) return { data: { updated: 0 } }
        await this.txRecord(tx, store, view, upsertDoc(id, data, merge, { _id: id }))
        return { data: { updated: 0, upsert_id: id } }
      }
      const next = nextDoc(view.after, data, merge, { _id: id })
      if (next) await this.txRecord(tx, store, view, next)
      return { data: { updated: next ? 1 : 0 } }
    })
  }

  private async txRemove(tx: Transaction, params: Params): Promise<Body> {
    const { store, id } = this.docTarget(params)
    return this.inTransaction(tx, [lockKey(store.name, id)], async () => {
      const view = await this.txView(tx, store, id)
      if (!view.after) return { data: { deleted: 0 } }
      await this.txRecord(tx, store, view, null)
      return { data: { deleted: 1 } }
    })
  }

  /**
   * Applies every pending write at once: unique indexes are re-checked against the current state, the final
   * states are journaled, then written. A failed check aborts the transaction and changes nothing.
   */
  private async commit(tx: Transaction): Promise<Body> {
    tx.state = 'committing'
    try {
      await this.queue.run(async () => {
        const byCollection = new Map<string, Change[]>()
        for (const write of tx.writes.values()) {
          if (!byCollection.has(write.collection))
            byCollection.set(write.collection, this.txChanges(tx, write.collection))
        }
        for (const [name, changes] of byCollection) {
          await this.store(name).check(changes, changes.some((c) => c.before) ? 'Update' : 'Insert')
        }
        const journal: JournalWrite[] = []
        for (const [collection, changes] of byCollection) {
          for (const change of changes) journal.push({ collection, id: change.id, doc: change.after })
        }
        if (journal.length === 0) return
        await this.catalog.writeJournal(tx.id, journal)
        for (const [name, changes] of byCollection) await this.store(name).apply(changes)
        await this.catalog.clearJournal(tx.id)
      })
      return {}
    } finally {
      this.transactions.end(tx)
    }
  }
}
