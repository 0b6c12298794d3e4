/**
 * The local database through the real wx-server-sdk: every call below goes SDK -> transport -> LocalDatabase,
 * exactly as a cloud function's would.
 */
import { LocalDatabase } from '../../server/db/local-database'
import { TransactionManager } from '../../server/db/transactions'
import { uninstallLocalTransport } from '../../server/db/transport'
import { openSdkDatabase, type Sdk } from './sdk-env'

let local: LocalDatabase
let db: Sdk

beforeEach(async () => {
  const opened = await openSdkDatabase(['users', 'items', 'counters', 'checkins', 'orders'])
  local = opened.local
  db = opened.db
})

afterEach(async () => {
  jest.restoreAllMocks()
  uninstallLocalTransport()
  await local.close()
})

/** The rejection of a promise that must reject. */
async function rejection(promise: Promise<unknown>): Promise<{ errCode: number; errMsg: string }> {
  try {
    await promise
  } catch (error) {
    return error as { errCode: number; errMsg: string }
  }
  throw new Error('expected the call to reject')
}

async function seedItems(count: number): Promise<void> {
  const data = Array.from({ length: count }, (_, i) => ({ n: i, group: `g${i % 25}` }))
  await db.collection('items').add({ data })
}

describe('documents round-trip', () => {
  it('adds and reads back every value type, keeping Date and number types', async () => {
    const when = new Date('2024-05-01T08:30:00.000Z')
    const { _id } = await db.collection('users').add({
      data: {
        name: '张三',
        age: 41,
        score: 9.5,
        big: 2 ** 40,
        active: true,
        none: null,
        tags: ['a', 'b'],
        at: when,
      },
    })
    expect(typeof _id).toBe('string')
    expect(_id).toMatch(/^[0-9a-f]{32}$/)
    const { data } = await db.collection('users').doc(_id).get()
    expect(data).toEqual({
      _id,
      name: '张三',
      age: 41,
      score: 9.5,
      big: 2 ** 40,
      active: true,
      none: null,
      tags: ['a', 'b'],
      at: when,
    })
    expect(data.at).toBeInstanceOf(Date)
  })

  it('adds many documents in one call and honours a caller-chosen _id', async () => {
    const { _ids } = await db.collection('users').add({ data: [{ a: 1 }, { _id: 'mine', a: 2 }] })
    expect(_ids).toHaveLength(2)
    expect(_ids[1]).toBe('mine')
    expect((await db.collection('users').doc('mine').get()).data).toEqual({ _id: 'mine', a: 2 })
  })

  it('stores db.serverDate() as the server time plus offset', async () => {
    const before = Date.now()
    const { _id } = await db
      .collection('users')
      .add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })
    const { data } = await db.collection('users').doc(_id).get()
    expect(data.at).toBeInstanceOf(Date)
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before)
    expect(data.at.getTime()).toBeLessThanOrEqual(Date.now())
    expect(data.later.getTime() - data.at.getTime()).toBe(60_000)
  })

  it('rejects a missing document on doc().get() like the SDK does against CloudBase', async () => {
    const error = await rejection(db.collection('users').doc('nope').get())
    expect(error.errMsg).toContain('document with _id nope does not exist')
  })
})

describe('queries', () => {
  beforeEach(async () => {
    await db.collection('users').add({
      data: [
        {
          _id: 'u1',
          name: 'Alice',
          age: 30,
          city: { name: 'Hangzhou' },
          roles: ['admin'],
          at: new Date(1000),
        },
        { _id: 'u2', name: 'bob', age: 25, city: { name: 'Ningbo' }, roles: ['member'], at: new Date(2000) },
        {
          _id: 'u3',
          name: 'Carol',
          age: 41,
          city: { name: 'Hangzhou' },
          roles: ['member', 'admin'],
          at: new Date(3000),
        },
        { _id: 'u4', name: 'dave', age: 18, city: { name: 'Wenzhou' }, roles: [], at: new Date(4000) },
      ],
    })
  })

  const ids = (result: { data: Array<{ _id: string }> }): string[] => result.data.map((d) => d._id)

  it('filters with command operators, nested fields, regexes and dates', async () => {
    const _ = db.command
    const users = db.collection('users')
    expect(ids(await users.where({ age: _.gt(25) }).get())).toEqual(['u1', 'u3'])
    expect(ids(await users.where({ _id: _.in(['u2', 'u4', 'zz']) }).get())).toEqual(['u2', 'u4'])
    expect(ids(await users.where({ age: _.gte(18).and(_.lt(30)) }).get())).toEqual(['u2', 'u4'])
    expect(ids(await users.where(_.or([{ age: _.lt(20) }, { name: 'Alice' }])).get())).toEqual(['u1', 'u4'])
    expect(ids(await users.where(_.and([{ age: _.gt(20) }, { 'city.name': 'Hangzhou' }])).get())).toEqual([
      'u1',
      'u3',
    ])
    expect(ids(await users.where({ city: { name: 'Ningbo' } }).get())).toEqual(['u2'])
    expect(ids(await users.where({ name: db.RegExp({ regexp: '^[ab]', options: 'i' }) }).get())).toEqual([
      'u1',
      'u2',
    ])
    expect(ids(await users.where({ name: /^d/ }).get())).toEqual(['u4'])
    expect(ids(await users.where({ roles: 'admin' }).get())).toEqual(['u1', 'u3'])
    expect(ids(await users.where({ at: _.gte(new Date(3000)) }).get())).toEqual(['u3', 'u4'])
    expect(ids(await users.where({ nickname: _.exists(false), age: _.neq(30) }).get())).toEqual([
      'u2',
      'u3',
      'u4',
    ])
  })

  it('sorts, skips, limits and projects', async () => {
    const page = await db
      .collection('users')
      .orderBy('age', 'desc')
      .skip(1)
      .limit(2)
      .field({ name: true })
      .get()
    expect(page.data).toEqual([
      { _id: 'u1', name: 'Alice' },
      { _id: 'u2', name: 'bob' },
    ])
    const byTwo = await db.collection('users').orderBy('city.name', 'asc').orderBy('age', 'desc').get()
    expect(ids(byTwo)).toEqual(['u3', 'u1', 'u2', 'u4'])
    const doc = await db.collection('users').doc('u3').field({ age: true, _id: false }).get()
    expect(doc.data).toEqual({ age: 41 })
  })

  it('counts matching documents', async () => {
    const _ = db.command
    expect((await db.collection('users').count()).total).toBe(4)
    expect(
      (
        await db
          .collection('users')
          .where({ age: _.lt(30) })
          .count()
      ).total,
    ).toBe(2)
  })

  it('rejects unknown query operators instead of ignoring them', async () => {
    const response = await local.handle('database.getDocument', {
      collectionName: 'users',
      queryType: 'WHERE',
      query: '{"age":{"$bogus":1}}',
    })
    expect(response).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })
})

describe('updates', () => {
  beforeEach(async () => {
    await db.collection('users').add({
      data: [
        { _id: 'u1', n: 1, tags: ['x'], profile: { nick: 'a', city: 'hz' }, flag: true },
        { _id: 'u2', n: 5, tags: [], profile: { nick: 'b', city: 'nb' }, flag: true },
        { _id: 'u3', n: 9, tags: [], profile: { nick: 'c', city: 'wz' }, flag: false },
      ],
    })
  })

  it('updates every match with where().update and reports the count', async () => {
    const _ = db.command
    const result = await db
      .collection('users')
      .where({ flag: true })
      .update({ data: { n: _.inc(10), tags: _.push(['y', 'z']), seen: true } })
    expect(result.stats.updated).toBe(2)
    const { data } = await db.collection('users').orderBy('_id', 'asc').get()
    expect(data.map((d: { n: number }) => d.n)).toEqual([11, 15, 9])
    expect(data[0].tags).toEqual(['x', 'y', 'z'])
    expect(data[2].seen).toBeUndefined()
  })

  it('applies set (nested merge), _.set (replace), _.remove and inc on one document', async () => {
    const _ = db.command
    const users = db.collection('users')
    await users.doc('u1').update({ data: { profile: { nick: 'A' }, n: _.inc(-1), flag: _.remove() } })
    expect((await users.doc('u1').get()).data).toEqual({
      _id: 'u1',
      n: 0,
      tags: ['x'],
      profile: { nick: 'A', city: 'hz' },
    })
    await users.doc('u1').update({ data: { profile: _.set({ nick: 'only' }) } })
    expect((await users.doc('u1').get()).data.profile).toEqual({ nick: 'only' })
  })

  it('unsets through a raw $unset and reports 0 updated when nothing changes', async () => {
    const response = await local.handle('database.modifyDocument', {
      collectionName: 'users',
      queryType: 'DOC',
      query: '{"_id":"u2"}',
      data: '{"$unset":{"profile.city":""}}',
      multi: false,
      merge: true,
      upsert: false,
    })
    expect(response).toMatchObject({ data: { updated: 1 } })
    expect((await db.collection('users').doc('u2').get()).data.profile).toEqual({ nick: 'b' })
    const again = await db
      .collection('users')
      .doc('u2')
      .update({ data: { n: 5 } })
    expect(again.stats.updated).toBe(0)
  })

  it('sets (replaces or creates) and removes single documents', async () => {
    const users = db.collection('users')
    const replaced = await users.doc('u1').set({ data: { only: 'this' } })
    expect(replaced.stats).toEqual({ updated: 1, created: 0 })
    expect((await users.doc('u1').get()).data).toEqual({ _id: 'u1', only: 'this' })
    const created = await users.doc('new-one').set({ data: { fresh: true } })
    expect(created.stats).toEqual({ updated: 0, created: 1 })
    expect((await users.doc('new-one').get()).data).toEqual({ _id: 'new-one', fresh: true })
    expect((await users.doc('u2').remove()).stats.removed).toBe(1)
    expect((await users.doc('u2').remove()).stats.removed).toBe(0)
    expect((await users.where({ flag: false }).remove()).stats.removed).toBe(1)
    expect((await users.count()).total).toBe(2)
  })

  it('refuses to change _id', async () => {
    const response = await local.handle('database.modifyDocument', {
      collectionName: 'users',
      queryType: 'DOC',
      query: '{"_id":"u1"}',
      data: '{"$set":{"_id":"other"}}',
      merge: true,
    })
    expect(response).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    expect((response as { message: string }).message).toContain("would modify the immutable field '_id'")
    expect((await db.collection('users').doc('u1').get()).data._id).toBe('u1')
  })
})

describe('CloudBase limits', () => {
  it('returns 100 documents from get() without limit', async () => {
    await seedItems(101)
    expect((await db.collection('items').get()).data).toHaveLength(100)
    expect((await db.collection('items').limit(101).get()).data).toHaveLength(101)
  })

  it('never returns more than 1000 documents from one get()', async () => {
    await seedItems(1200)
    expect((await db.collection('items').limit(2000).get()).data).toHaveLength(1000)
    // The SDK clamps to 1000 before sending; a raw request above the cap is clamped by the server as well.
    const raw = await local.handle('database.getDocument', {
      collectionName: 'items',
      queryType: 'WHERE',
      limit: 5000,
    })
    expect(raw).toMatchObject({ data: { limit: 1000 } })
    expect((raw as { data: { list: unknown[] } }).data.list).toHaveLength(1000)
    expect((await db.collection('items').skip(1100).limit(1000).get()).data).toHaveLength(100)
  })

  it('returns 20 aggregation rows unless the pipeline has a $limit', async () => {
    await seedItems(100)
    const $ = db.command.aggregate
    const grouped = () =>
      db
        .collection('items')
        .aggregate()
        .group({ _id: '$group', total: $.sum(1) })
    expect((await grouped().end()).list).toHaveLength(20)
    const limited = await grouped().sort({ _id: 1 }).limit(100).end()
    expect(limited.list).toHaveLength(25)
    expect(limited.list[0]).toEqual({ _id: 'g0', total: 4 })
  })

  it('aggregates with match, project, unwind, lookup and count', async () => {
    await db.collection('users').add({
      data: [
        { _id: 'u1', name: 'A' },
        { _id: 'u2', name: 'B' },
      ],
    })
    await db.collection('orders').add({
      data: [
        { user: 'u1', items: ['x', 'y'], total: 5 },
        { user: 'u2', items: ['x'], total: 7 },
        { user: 'u1', items: [], total: 1 },
      ],
    })
    const _ = db.command
    const joined = await db
      .collection('orders')
      .aggregate()
      .match({ total: _.gt(1) })
      .lookup({ from: 'users', localField: 'user', foreignField: '_id', as: 'who' })
      .unwind('$items')
      .project({ _id: 0, item: '$items', name: { $arrayElemAt: ['$who.name', 0] } })
      .sort({ name: 1, item: 1 })
      .limit(10)
      .end()
    expect(joined.list).toEqual([
      { item: 'x', name: 'A' },
      { item: 'y', name: 'A' },
      { item: 'x', name: 'B' },
    ])
    const counted = await db.collection('orders').aggregate().match({ user: 'u1' }).count('n').end()
    expect(counted.list).toEqual([{ n: 2 }])
  })

  it('rejects aggregation stages CloudBase does not offer', async () => {
    // The SDK itself has no builder for them...
    expect(() => db.collection('items').aggregate().facet({})).toThrow()
    // ...and the server refuses them on the wire.
    for (const stageKey of ['$facet', '$out', '$merge', '$graphLookup', '$setWindowFields']) {
      const response = await local.handle('database.aggregateDocuments', {
        collectionName: 'items',
        stages: [{ stageKey, stageValue: '{}' }],
      })
      expect(response).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' })
    }
    const nested = await local.handle('database.aggregateDocuments', {
      collectionName: 'items',
      stages: [{ stageKey: '$lookup', stageValue: '{"from":"users","as":"u","pipeline":[{"$out":"x"}]}' }],
    })
    expect(nested).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' })
  })
})

describe('collections', () => {
  it('fails on a collection that does not exist, for reads and for writes', async () => {
    const read = await rejection(db.collection('nope').where({ a: 1 }).get())
    expect(read.errCode).toBe(-502005)
    expect(read.errMsg).toContain('Db or Table not exist: nope')
    const write = await rejection(db.collection('nope').add({ data: { a: 1 } }))
    expect(write.errCode).toBe(-502005)
    const docRead = await rejection(db.collection('nope').doc('x').get())
    expect(docRead.errCode).toBe(-502005)
    expect(local.listCollections()).not.toContain('nope')
  })

  it('creates collections through the SDK and refuses to create one twice', async () => {
    await db.createCollection('fresh')
    await db.collection('fresh').add({ data: { a: 1 } })
    expect((await db.collection('fresh').count()).total).toBe(1)
    const again = await rejection(db.createCollection('fresh'))
    expect(again.errMsg).toContain('Table exist')
    // The host-side call is idempotent.
    await expect(local.createCollection('fresh')).resolves.toBeUndefined()
  })
})

describe('unique indexes', () => {
  beforeEach(async () => {
    await local.ensureIndex('checkins', { name: 'openid_day', fields: { openid: 1, day: 1 }, unique: true })
  })

  it('rejects a duplicate insert with the E11000 error and stores nothing', async () => {
    await db.collection('checkins').add({ data: { openid: 'o1', day: '2024-05-01' } })
    const error = await rejection(
      db.collection('checkins').add({ data: { openid: 'o1', day: '2024-05-01' } }),
    )
    expect(error.errCode).toBe(-502001)
    expect(error.errMsg).toContain('E11000 duplicate key error')
    expect(error.errMsg).toContain('index: openid_day dup key: { openid: "o1", day: "2024-05-01" }')
    await db.collection('checkins').add({ data: { openid: 'o1', day: '2024-05-02' } })
    expect((await db.collection('checkins').count()).total).toBe(2)
  })

  it('rejects a whole batch containing a duplicate', async () => {
    const error = await rejection(
      db.collection('checkins').add({
        data: [
          { openid: 'o2', day: 'd' },
          { openid: 'o3', day: 'd' },
          { openid: 'o2', day: 'd' },
        ],
      }),
    )
    expect(error.errMsg).toContain('E11000')
    expect((await db.collection('checkins').count()).total).toBe(0)
  })

  it('rejects an update that would collide and leaves documents unchanged', async () => {
    await db.collection('checkins').add({
      data: [
        { _id: 'a', openid: 'o1', day: 'd1' },
        { _id: 'b', openid: 'o1', day: 'd2' },
      ],
    })
    const error = await rejection(
      db
        .collection('checkins')
        .doc('b')
        .update({ data: { day: 'd1' } }),
    )
    expect(error.errMsg).toContain('E11000 duplicate key error')
    const multi = await rejection(
      db
        .collection('checkins')
        .where({ openid: 'o1' })
        .update({ data: { day: 'same' } }),
    )
    expect(multi.errMsg).toContain('E11000')
    expect(
      (await db.collection('checkins').orderBy('_id', 'asc').get()).data.map((d: { day: string }) => d.day),
    ).toEqual(['d1', 'd2'])
  })

  it('treats a missing field as null, like MongoDB', async () => {
    await local.ensureIndex('users', { name: 'phone', fields: { phone: 1 }, unique: true })
    await db.collection('users').add({ data: { name: 'no phone' } })
    const error = await rejection(db.collection('users').add({ data: { name: 'no phone either' } }))
    expect(error.errMsg).toContain('dup key: { phone: null }')
  })

  it('keeps exactly one of 50 concurrent identical check-ins', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        db.collection('checkins').add({ data: { openid: 'o9', day: '2024-06-01' } }),
      ),
    )
    const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected')
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1)
    expect(rejected).toHaveLength(49)
    for (const { reason } of rejected) expect(String(reason.errMsg)).toContain('E11000 duplicate key error')
    expect((await db.collection('checkins').where({ openid: 'o9' }).count()).total).toBe(1)
  })

  it('refuses a unique index over existing duplicates', async () => {
    await db.collection('users').add({ data: [{ mail: 'x' }, { mail: 'x' }] })
    await expect(
      local.ensureIndex('users', { name: 'mail', fields: { mail: 1 }, unique: true }),
    ).rejects.toThrow(/E11000/)
  })
})

describe('queries narrowed by a compound index', () => {
  it('find exactly what the same query finds without the index', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => ({
      _id: `d${i}`,
      examId: `e${i % 3}`,
      memberId: i % 5 === 0 ? undefined : `m${i % 7}`,
      orgPath: ['street', `c${i % 2}`],
      status: i % 4 === 0 ? 'open' : 'submitted',
    }))
    await local.ensureIndex('orders', { name: 'exam_member', fields: { examId: 1, memberId: 1 } })
    await local.ensureIndex('orders', { name: 'exam_org', fields: { examId: 1, orgPath: 1, status: 1 } })
    await db.collection('orders').add({ data: docs })
    await db.collection('items').add({ data: docs })
    const _ = db.command
    const queries = [
      { examId: 'e1', memberId: 'm3' },
      { examId: _.in(['e0', 'e2']), memberId: _.in(['m1', 'm4', 'm6']) },
      { examId: 'e2', memberId: 'nobody' },
      { examId: 'e1', orgPath: 'c1', status: 'submitted' },
      { examId: 'e0', orgPath: 'street', status: _.in(['open', 'submitted']), memberId: 'm2' },
      { examId: 'e0', orgPath: 'c0' },
    ]
    const ids = async (collection: string, query: object) =>
      (await db.collection(collection).where(query).orderBy('_id', 'asc').get()).data.map(
        (d: { _id: string }) => d._id,
      )
    for (const query of queries) {
      const expected = await ids('items', query)
      expect(await ids('orders', query)).toEqual(expected)
    }
    expect(await ids('orders', queries[0])).toEqual(['d31'])
  })
})

describe('transactions', () => {
  it('commits all writes of runTransaction together', async () => {
    await db.collection('counters').add({
      data: [
        { _id: 'a', value: 10 },
        { _id: 'b', value: 0 },
      ],
    })
    const _ = db.command
    const result = await db.runTransaction(async (tx: Sdk) => {
      const a = await tx.collection('counters').doc('a').get()
      await tx
        .collection('counters')
        .doc('a')
        .update({ data: { value: _.inc(-3) } })
      await tx
        .collection('counters')
        .doc('b')
        .update({ data: { value: _.inc(3) } })
      await tx.collection('orders').add({ data: { _id: 'o1', moved: 3 } })
      const seen = await tx.collection('counters').doc('a').get()
      return { before: a.data.value, inside: seen.data.value }
    })
    expect(result).toEqual({ before: 10, inside: 7 })
    expect((await db.collection('counters').doc('a').get()).data.value).toBe(7)
    expect((await db.collection('counters').doc('b').get()).data.value).toBe(3)
    expect((await db.collection('orders').doc('o1').get()).data.moved).toBe(3)
  })

  it('keeps writes invisible until commit and discards them on rollback', async () => {
    await db.collection('counters').add({ data: { _id: 'c', value: 1 } })
    const tx = await db.startTransaction()
    await tx
      .collection('counters')
      .doc('c')
      .update({ data: { value: 2 } })
    await tx
      .collection('counters')
      .doc('d')
      .set({ data: { value: 9 } })
    await tx.collection('counters').doc('c').remove()
    expect((await db.collection('counters').doc('c').get()).data.value).toBe(1)
    await tx.rollback()
    expect((await db.collection('counters').doc('c').get()).data.value).toBe(1)
    expect((await db.collection('counters').count()).total).toBe(1)
  })

  it('rejects a rollback reason through runTransaction and changes nothing', async () => {
    await db.collection('counters').add({ data: { _id: 'r', value: 1 } })
    await expect(
      db.runTransaction(async (tx: Sdk) => {
        await tx
          .collection('counters')
          .doc('r')
          .update({ data: { value: 100 } })
        await tx.rollback('not enough')
      }),
    ).rejects.toBe('not enough')
    expect((await db.collection('counters').doc('r').get()).data.value).toBe(1)
  })

  it('serialises 50 concurrent read-modify-write transactions without losing an update', async () => {
    await db.collection('counters').add({ data: { _id: 'hits', value: 0 } })
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db.runTransaction(async (tx: Sdk) => {
          const { data } = await tx.collection('counters').doc('hits').get()
          await tx
            .collection('counters')
            .doc('hits')
            .update({ data: { value: data.value + 1 } })
        }),
      ),
    )
    expect((await db.collection('counters').doc('hits').get()).data.value).toBe(50)
  })

  it('makes a plain write wait for the transaction holding the document', async () => {
    await db.collection('counters').add({ data: { _id: 'w', value: 0 } })
    const _ = db.command
    const tx = await db.startTransaction()
    await tx
      .collection('counters')
      .doc('w')
      .update({ data: { value: _.inc(1) } })
    // Noticed when the plain write starts waiting for the lock, so the commit below comes while it waits.
    const waitForRelease = TransactionManager.prototype.waitForRelease
    const waiting = new Promise<void>((reached) => {
      jest.spyOn(TransactionManager.prototype, 'waitForRelease').mockImplementation(function (
        this: TransactionManager,
        ...args
      ) {
        reached()
        return waitForRelease.apply(this, args)
      })
    })
    const plain = db
      .collection('counters')
      .doc('w')
      .update({ data: { value: _.inc(10) } })
    await Promise.race([
      waiting,
      plain.then(() => {
        throw new Error('the plain write went through while the transaction held the document')
      }),
    ])
    await tx.commit()
    await plain
    expect((await db.collection('counters').doc('w').get()).data.value).toBe(11)
  })

  it('fails the second of two transactions that would deadlock with the retryable conflict code', async () => {
    await db.collection('counters').add({
      data: [
        { _id: 'a', value: 0 },
        { _id: 'b', value: 0 },
      ],
    })
    const begin = async (): Promise<string> =>
      ((await local.handle('database.startTransaction', {})) as { transactionId: string }).transactionId
    const read = (transactionId: string, id: string): Promise<unknown> =>
      local.handle('database.getDocument', {
        collectionName: 'counters',
        transactionId,
        queryType: 'DOC',
        query: JSON.stringify({ _id: id }),
      })
    const [t1, t2] = [await begin(), await begin()]
    await read(t1, 'a')
    await read(t2, 'b')
    const t1WaitsForB = read(t1, 'b')
    expect(await read(t2, 'a')).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    await local.handle('database.abortTransaction', { transactionId: t2 })
    expect(await t1WaitsForB).toMatchObject({ data: { list: [expect.stringContaining('"b"')] } })
    expect(await local.handle('database.commitTransaction', { transactionId: t1 })).not.toHaveProperty('code')
  })

  it('allows single-document operations only', async () => {
    const tx = await db.startTransaction()
    const error = await rejection(tx.collection('counters').where({ value: 1 }).get())
    expect(error.errMsg).toContain('single-document operations only')
    await tx.rollback()
  })

  it('fails the commit of a transaction whose insert breaks a unique index', async () => {
    await local.ensureIndex('checkins', { name: 'key', fields: { key: 1 }, unique: true })
    const tx = await db.startTransaction()
    await tx.collection('checkins').add({ data: { key: 'k' } })
    await db.collection('checkins').add({ data: { key: 'k' } })
    const error = (await rejection(tx.commit())) as unknown as { code: string; message: string }
    expect(error.message).toContain('E11000 duplicate key error')
    expect((await db.collection('checkins').count()).total).toBe(1)
  })

  /** A document `x` of `c` held by a transaction that lives 50 ms, and a plain write on it (not yet sent). */
  async function heldByShortTransaction() {
    const shortLived = await LocalDatabase.open({ dir: null, transactionLifetimeMs: 50 })
    await shortLived.createCollection('c')
    await shortLived.handle('database.insertDocument', { collectionName: 'c', data: ['{"_id":"x","v":1}'] })
    const begin = (await shortLived.handle('database.startTransaction', {})) as { transactionId: string }
    const setV = (v: number, transactionId?: string) =>
      shortLived.handle('database.modifyDocument', {
        collectionName: 'c',
        ...(transactionId ? { transactionId } : {}),
        queryType: 'DOC',
        query: '{"_id":"x"}',
        data: `{"$set":{"v":${v}}}`,
        merge: true,
      })
    await setV(2, begin.transactionId)
    return { shortLived, transactionId: begin.transactionId, plainWrite: () => setV(3) }
  }

  it('expires a forgotten transaction and releases its locks', async () => {
    const { shortLived, transactionId, plainWrite } = await heldByShortTransaction()
    expect(await plainWrite()).toMatchObject({ data: { updated: 1 } })
    const late = await shortLived.handle('database.commitTransaction', { transactionId })
    expect(late).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    expect((await shortLived.documents('c'))[0]).toEqual({ _id: 'x', v: 3 })
    await shortLived.close()
  })

  it('lets a blocked write through when the holder expires, though its wait timer fires first', async () => {
    // Timers run on the monotonic clock, deadlines are wall-clock: when the two drift apart by a millisecond
    // (rounding, or an NTP step) the write's wait timer can fire just before the holder's expiry timer.
    // CI saw that as a failed write; the write must wait for the holder's end instead.
    const wallClock = Date.now.bind(Date)
    let skewMs = 0
    const now = jest.spyOn(Date, 'now').mockImplementation(() => wallClock() + skewMs)
    const { shortLived, plainWrite } = await heldByShortTransaction()
    const plain = plainWrite()
    skewMs = 10 // the wall clock steps ahead after the write set its deadline
    const written = await plain.finally(() => now.mockRestore())
    expect(written).toMatchObject({ data: { updated: 1 } })
    expect((await shortLived.documents('c'))[0]).toEqual({ _id: 'x', v: 3 })
    await shortLived.close()
  })
})
