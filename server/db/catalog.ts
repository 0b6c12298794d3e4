/**
 * What lives on disk: one nedb datafile per collection (`<dir>/<name>.db`) plus, under `<dir>/_system/`,
 * the declared indexes and the commit journal. With `dir: null` everything stays in memory.
 *
 * The journal makes multi-document commits atomic across a crash: a transaction's final document states
 * are appended to the journal before any collection is touched and removed afterwards, and an entry found
 * at open is replayed (replaying is idempotent: it writes final states, not deltas).
 */
import Datastore from '@seald-io/nedb'
import { promises as fs } from 'fs'
import { join } from 'path'

import { CollectionStore } from './collection-store'
import { dropPartialLastLine } from './datafile'
import { invalidParam } from './errors'
import type { IndexSpec } from './indexes'
import type { Doc, DocId } from './values'
import { isPlainObject } from './values'

/** CloudBase-compatible names that are also safe as file names on every platform. */
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,128}$/

export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw invalidParam(`invalid collection name ${JSON.stringify(name)}: use letters, digits, '_' and '-'`)
  }
}

export interface JournalWrite {
  collection: string
  id: DocId
  doc: Doc | null
}

type Store = Datastore<Record<string, unknown>>

async function openSystemStore(file: string | null): Promise<Store> {
  if (file) await dropPartialLastLine(file)
  const store = file ? new Datastore({ filename: file }) : new Datastore({ inMemoryOnly: true })
  await store.loadDatabaseAsync()
  return store
}

async function findAll(store: Store): Promise<Record<string, unknown>[]> {
  return (await store.findAsync({})) as unknown as Record<string, unknown>[]
}

function decodeIndexRecord(record: Record<string, unknown>): { collection: string; spec: IndexSpec } | null {
  const { collection, name, fields, unique } = record
  if (typeof collection !== 'string' || typeof name !== 'string' || !Array.isArray(fields)) return null
  const spec: IndexSpec = { name, fields: {}, unique: unique === true }
  for (const pair of fields) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || (pair[1] !== 1 && pair[1] !== -1)) return null
    spec.fields[pair[0]] = pair[1]
  }
  return { collection, spec }
}

export class Catalog {
  readonly collections = new Map<string, CollectionStore>()

  private constructor(
    private readonly dir: string | null,
    private readonly indexStore: Store,
    private readonly journal: Store,
  ) {}

  static async open(dir: string | null): Promise<Catalog> {
    const systemDir = dir ? join(dir, '_system') : null
    if (systemDir) await fs.mkdir(systemDir, { recursive: true })
    const catalog = new Catalog(
      dir,
      await openSystemStore(systemDir ? join(systemDir, 'indexes.db') : null),
      await openSystemStore(systemDir ? join(systemDir, 'journal.db') : null),
    )
    if (dir) await catalog.load(dir)
    return catalog
  }

  private async load(dir: string): Promise<void> {
    const names = new Set<string>()
    for (const entry of await fs.readdir(dir)) {
      // `x.db~` alone means nedb was killed while compacting x.db; opening x.db recovers it.
      const match = /^(.+)\.db~?$/.exec(entry)
      if (match && COLLECTION_NAME.test(match[1])) names.add(match[1])
    }
    for (const name of [...names].sort()) {
      this.collections.set(name, await CollectionStore.open(name, this.fileOf(name)))
    }
    for (const record of await findAll(this.indexStore)) {
      const decoded = decodeIndexRecord(record)
      const store = decoded && this.collections.get(decoded.collection)
      if (decoded && store) store.ensureIndex(decoded.spec)
    }
    await this.replayJournal()
  }

  private fileOf(name: string): string | null {
    return this.dir ? join(this.dir, `${name}.db`) : null
  }

  async create(name: string): Promise<CollectionStore> {
    const store = await CollectionStore.open(name, this.fileOf(name))
    this.collections.set(name, store)
    return store
  }

  async saveIndex(collection: string, spec: IndexSpec): Promise<void> {
    const record = {
      _id: `${collection}/${spec.name}`,
      collection,
      name: spec.name,
      fields: Object.entries(spec.fields),
      unique: spec.unique === true,
    }
    await this.indexStore.updateAsync({ _id: record._id }, record, { upsert: true })
  }

  async writeJournal(transactionId: string, writes: JournalWrite[]): Promise<void> {
    if (this.dir) await this.journal.insertAsync({ _id: transactionId, writes })
  }

  async clearJournal(transactionId: string): Promise<void> {
    if (this.dir) await this.journal.removeAsync({ _id: transactionId }, {})
  }

  private async replayJournal(): Promise<void> {
    for (const entry of await findAll(this.journal)) {
      const writes = Array.isArray(entry.writes) ? entry.writes : []
      for (const write of writes) {
        if (!isPlainObject(write) || typeof write.collection !== 'string') continue
        const id = write.id as DocId
        const after = isPlainObject(write.doc) ? (write.doc as Doc) : null
        const store = this.collections.get(write.collection) ?? (await this.create(write.collection))
        const before = await store.get(id)
        if (before || after) await store.apply([{ id, before, after }])
      }
      await this.journal.removeAsync({ _id: entry._id }, {})
    }
  }
}
