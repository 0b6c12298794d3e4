/**
 * Durability of the on-disk store: a write the SDK saw acknowledged survives `kill -9` of the process, and
 * the store reopens cleanly after a crash (half-written last line, interrupted commit).
 */
import { type ChildProcess, spawn } from 'child_process'
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { createInterface } from 'readline'

import { LocalDatabase } from '../../server/db/local-database'

const ROOT = join(__dirname, '..', '..')
const WRITER = join(__dirname, 'fixtures', 'durable-writer.js')

jest.setTimeout(60_000)

let workDir: string

beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), 'local-db-durability-'))
})

afterEach(() => {
  rmSync(workDir, { recursive: true, force: true })
})

interface Acks {
  inserts: Map<number, string>
  updates: number
  commits: number
}

/** Runs the writer until at least `minCommits` transactions are acknowledged, then SIGKILLs it mid-flight. */
async function writeUntilKilled(dataDir: string, minCommits: number): Promise<Acks> {
  const bundleDir = join(workDir, 'bundle')
  mkdirSync(bundleDir, { recursive: true })
  const child: ChildProcess = spawn(process.execPath, [WRITER, dataDir, bundleDir], {
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  )
  const acks: Acks = { inserts: new Map(), updates: 0, commits: 0 }
  let killScheduled = false
  const lines = createInterface({ input: child.stdout! })
  lines.on('line', (line) => {
    const [kind, seq, id] = line.split(' ')
    if (kind === 'insert') acks.inserts.set(Number(seq), id)
    if (kind === 'update') acks.updates += 1
    if (kind === 'commit') acks.commits += 1
    if (acks.commits >= minCommits && !killScheduled) {
      killScheduled = true
      // A random extra delay so the kill lands at different points of the insert/update/commit cycle.
      setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 15))
    }
  })
  const signal = await exited
  lines.close()
  if (signal !== 'SIGKILL') throw new Error(`writer exited on its own (${String(signal)}): ${stderr}`)
  return acks
}

describe('durability', () => {
  it.each([1, 2])('keeps every acknowledged write after SIGKILL (round %i)', async () => {
    const dataDir = join(workDir, 'data')
    const acks = await writeUntilKilled(dataDir, 120)
    expect(acks.commits).toBeGreaterThanOrEqual(120)

    const reopened = await LocalDatabase.open({ dir: dataDir })
    try {
      const events = await reopened.documents('events')
      const bySeq = new Map(events.map((doc) => [doc.seq as number, doc]))
      for (const [seq, id] of acks.inserts) {
        expect(bySeq.get(seq)).toMatchObject({ _id: id, seq, at: new Date(seq * 1000) })
      }
      // At most the one write in flight at the kill may have landed without its acknowledgement.
      expect(events.length - acks.inserts.size).toBeLessThanOrEqual(1)

      const counters = new Map(
        (await reopened.documents('counters')).map((doc) => [doc._id, doc.value as number]),
      )
      expect(counters.get('plain')).toBeGreaterThanOrEqual(acks.updates)
      expect(counters.get('plain')).toBeLessThanOrEqual(acks.updates + 1)

      // A transaction is all or nothing, even when the kill interrupts its commit.
      const ledger = await reopened.documents('ledger')
      expect(ledger.length).toBeGreaterThanOrEqual(acks.commits)
      expect(ledger.length).toBeLessThanOrEqual(acks.commits + 1)
      expect(counters.get('tx')).toBe(ledger.length)

      // The unique index was persisted with the collection.
      const duplicate = await reopened.handle('database.insertDocument', {
        collectionName: 'events',
        data: ['{"seq":1}'],
      })
      expect(duplicate).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
      expect((duplicate as { message: string }).message).toContain('E11000 duplicate key error')
    } finally {
      await reopened.close()
    }
  })

  it('loads a datafile whose last line was cut off mid-write', async () => {
    const dataDir = join(workDir, 'data')
    const first = await LocalDatabase.open({ dir: dataDir })
    await first.createCollection('notes')
    await first.handle('database.insertDocument', {
      collectionName: 'notes',
      data: ['{"_id":"n1","text":"kept"}'],
    })
    await first.close()
    // One complete line plus a fragment: 50% "corrupt", far above nedb's default 10% tolerance.
    appendFileSync(join(dataDir, 'notes.db'), '{"_id":"n2","text":"half-writ')

    const second = await LocalDatabase.open({ dir: dataDir })
    expect(await second.documents('notes')).toEqual([{ _id: 'n1', text: 'kept' }])
    await second.handle('database.insertDocument', {
      collectionName: 'notes',
      data: ['{"_id":"n3","text":"new"}'],
    })
    await second.close()

    const third = await LocalDatabase.open({ dir: dataDir })
    expect((await third.documents('notes')).map((doc) => doc._id)).toEqual(['n1', 'n3'])
    await third.close()
  })

  it('finishes a commit that was journaled but not fully applied', async () => {
    const dataDir = join(workDir, 'data')
    const first = await LocalDatabase.open({ dir: dataDir })
    await first.createCollection('a')
    await first.createCollection('b')
    await first.handle('database.insertDocument', { collectionName: 'a', data: ['{"_id":"x","v":1}'] })
    await first.handle('database.insertDocument', { collectionName: 'b', data: ['{"_id":"y","v":1}'] })
    await first.close()
    // What a kill between "journal written" and "collections updated" leaves behind.
    const entry = {
      _id: 'tx-interrupted',
      writes: [
        { collection: 'a', id: 'x', doc: { _id: 'x', v: 2 } },
        { collection: 'b', id: 'y', doc: null },
        { collection: 'b', id: 'z', doc: { _id: 'z', v: 3 } },
      ],
    }
    appendFileSync(join(dataDir, '_system', 'journal.db'), `${JSON.stringify(entry)}\n`)

    const second = await LocalDatabase.open({ dir: dataDir })
    expect(await second.documents('a')).toEqual([{ _id: 'x', v: 2 }])
    expect(await second.documents('b')).toEqual([{ _id: 'z', v: 3 }])
    await second.close()
    // Replaying twice must be harmless; the entry is gone once the journal is compacted at the next load.
    const third = await LocalDatabase.open({ dir: dataDir })
    expect(await third.documents('b')).toEqual([{ _id: 'z', v: 3 }])
    await third.close()
    expect(readFileSync(join(dataDir, '_system', 'journal.db'), 'utf8').trim()).toBe('')
  })

  it('appends one line per write instead of rewriting the datafile', async () => {
    const dataDir = join(workDir, 'data')
    const db = await LocalDatabase.open({ dir: dataDir })
    await db.createCollection('log')
    const file = join(dataDir, 'log.db')
    const data = Array.from({ length: 500 }, (_, i) => `{"_id":"d${i}","i":${i}}`)
    await db.handle('database.insertDocument', { collectionName: 'log', data })
    const before = readFileSync(file, 'utf8')
    await db.handle('database.modifyDocument', {
      collectionName: 'log',
      queryType: 'DOC',
      query: '{"_id":"d7"}',
      data: '{"$set":{"i":-7}}',
      merge: true,
    })
    const after = readFileSync(file, 'utf8')
    expect(after.startsWith(before)).toBe(true)
    expect(after.slice(before.length)).toBe('{"_id":"d7","i":-7}\n')
    await db.close()
  })
})
